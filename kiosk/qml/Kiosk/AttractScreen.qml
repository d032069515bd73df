import QtQuick

// What a passer-by sees: the clinic, an invitation in every language, a few questions.
// Deliberately still: no looping motion.
Rectangle {
    id: screen

    required property Ui ui
    required property QtObject backend

    color: ui.background
    objectName: "attractScreen"
    Accessible.role: Accessible.Pane
    Accessible.name: backend.clinic.name

    TapHandler {
        onTapped: screen.backend.start()
    }

    Column {
        id: column
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * ui.margin, ui.readingWidth * 1.2)
        spacing: ui.gap * 1.5

        Image {
            anchors.horizontalCenter: parent.horizontalCenter
            source: screen.backend.clinic.logo
            visible: source != "" && status === Image.Ready
            height: visible ? Math.round(120 * ui.dp) : 0
            sourceSize.height: Math.round(120 * ui.dp)
            fillMode: Image.PreserveAspectFit
            Accessible.ignored: true
        }

        Heading {
            ui: screen.ui
            text: screen.backend.clinic.name
            font.pixelSize: ui.fontH1 * 1.2
            horizontalAlignment: Text.AlignHCenter
        }

        Repeater {
            model: screen.backend.touchToStart.slice(0, 1)
            delegate: Text {
                required property var modelData
                width: column.width
                text: modelData.welcome
                font.family: ui.fontFamily
                font.pixelSize: ui.fontH2
                color: ui.muted
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
            }
        }

        Rectangle {
            objectName: "touchToStart"
            anchors.horizontalCenter: parent.horizontalCenter
            width: Math.min(column.width, invitations.implicitWidth + 4 * ui.gap)
            height: invitations.implicitHeight + 2 * ui.gap
            radius: ui.radius * 2
            color: ui.accent
            activeFocusOnTab: true
            Accessible.role: Accessible.Button
            Accessible.name: screen.backend.touchToStart.map(r => r.text).join(" / ")
            Accessible.onPressAction: screen.backend.start()
            Keys.onReturnPressed: screen.backend.start()
            Keys.onEnterPressed: screen.backend.start()
            Keys.onSpacePressed: screen.backend.start()
            Rectangle {
                anchors.fill: parent
                anchors.margins: -6
                radius: parent.radius + 6
                color: "transparent"
                border.width: 4
                border.color: ui.focus
                visible: parent.activeFocus
            }
            Column {
                id: invitations
                anchors.centerIn: parent
                width: Math.min(implicitWidth, column.width - 4 * ui.gap)
                spacing: ui.gap / 2
                Repeater {
                    model: screen.backend.touchToStart
                    delegate: Text {
                        required property var modelData
                        required property int index
                        width: Math.min(implicitWidth, column.width - 4 * ui.gap)
                        anchors.horizontalCenter: parent.horizontalCenter
                        text: modelData.text
                        font.family: ui.fontFamily
                        font.pixelSize: index === 0 ? ui.fontH1 : ui.fontH2
                        font.bold: index === 0
                        color: ui.accentText
                        horizontalAlignment: Text.AlignHCenter
                        wrapMode: Text.Wrap
                    }
                }
            }
        }

        Text {
            width: parent.width
            text: ui.txt("featured_heading")
            visible: screen.backend.featured.length > 0
            font.family: ui.fontFamily
            font.pixelSize: ui.fontBody
            font.bold: true
            color: ui.text
            horizontalAlignment: Text.AlignHCenter
            topPadding: ui.gap
        }

        Flow {
            width: parent.width
            spacing: ui.gap * 0.75
            Repeater {
                model: screen.backend.featured
                delegate: KButton {
                    required property var modelData
                    objectName: "featured_" + modelData.id
                    ui: screen.ui
                    width: ui.portrait ? column.width : (column.width - ui.gap * 0.75) / 2
                    text: modelData.title
                    variant: "secondary"
                    bold: false
                    onClicked: {
                        screen.backend.start()
                        screen.backend.openLink(modelData.target)
                    }
                }
            }
        }
    }
}
