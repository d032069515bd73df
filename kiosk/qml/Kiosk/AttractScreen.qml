import QtQuick

// What a passer-by sees: the clinic, an invitation in every language and, per language,
// a tagline, Help now (the crisis lines) and a few questions.
// Deliberately still: no looping motion.
Rectangle {
    id: screen

    required property Ui ui
    required property QtObject backend

    color: ui.background
    objectName: "attractScreen"
    Accessible.role: Accessible.Pane
    Accessible.name: backend.clinic.name

    Tappable {
        // Touch anywhere starts, a long press too (the invitation below is the focusable,
        // named control; this is only for fingers).
        objectName: "touchAnywhere"
        settlesWhenShown: false
        anchors.fill: parent
        focusPolicy: Qt.NoFocus
        activeFocusOnTab: false
        Accessible.ignored: true
        onActivated: screen.backend.start()
    }

    Column {
        id: column
        // Centred; from the top when a small screen cannot hold it all.
        anchors.horizontalCenter: parent.horizontalCenter
        y: Math.max(ui.gap, (parent.height - height) / 2)
        width: Math.min(parent.width - 2 * ui.margin, ui.readingWidth * 1.2)
        spacing: ui.gap

        Image {
            anchors.horizontalCenter: parent.horizontalCenter
            source: screen.backend.clinic.logo
            // A landscape tablet keeps its height for the questions in every language.
            visible: source != "" && status === Image.Ready && screen.height >= 900
            height: visible ? Math.round(80 * ui.dp) : 0
            sourceSize.height: Math.round(80 * ui.dp)
            fillMode: Image.PreserveAspectFit
            Accessible.ignored: true
        }

        Heading {
            ui: screen.ui
            text: screen.backend.clinic.name
            font.pixelSize: ui.fontH1
            horizontalAlignment: Text.AlignHCenter
        }

        Tappable {
            id: touchToStart
            objectName: "touchToStart"
            settlesWhenShown: false
            anchors.horizontalCenter: parent.horizontalCenter
            width: Math.min(column.width, invitations.implicitWidth + 4 * ui.gap)
            height: invitations.implicitHeight + 2 * ui.gap
            accessibleName: screen.backend.touchToStart.map(r => r.text).join(" / ")
            onActivated: screen.backend.start()
            Rectangle {
                anchors.fill: parent
                radius: ui.radius * 2
                color: touchToStart.held ? Qt.darker(ui.accent, 1.25) : ui.accent
                scale: touchToStart.held ? 0.98 : 1.0
            }
            Rectangle {
                anchors.fill: parent
                anchors.margins: -6
                radius: ui.radius * 2 + 6
                color: "transparent"
                border.width: 4
                border.color: ui.focus
                visible: touchToStart.activeFocus
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

        // One panel per language, side by side (or stacked on a portrait screen): its tagline,
        // Help now and featured questions. A tap there starts the session in that language.
        Grid {
            id: panels
            width: parent.width
            columns: ui.portrait ? 1 : screen.backend.touchToStart.length
            columnSpacing: ui.gap * 1.5
            rowSpacing: ui.gap
            Repeater {
                model: screen.backend.touchToStart
                delegate: Column {
                    id: panel
                    required property var modelData
                    readonly property string code: modelData.code
                    objectName: "attractPanel_" + code
                    width: (panels.width - (panels.columns - 1) * panels.columnSpacing)
                           / panels.columns
                    spacing: ui.gap * 0.5

                    Text {
                        width: panel.width
                        text: panel.modelData.welcome
                        font.family: ui.fontFamily
                        font.pixelSize: ui.fontBody
                        color: ui.muted
                        horizontalAlignment: Text.AlignHCenter
                        wrapMode: Text.Wrap
                    }
                    KButton {
                        objectName: "attractHelp_" + panel.code
                        ui: screen.ui
                        width: panel.width
                        text: panel.modelData.help
                        variant: "urgent"
                        onActivated: {
                            screen.backend.startIn(panel.code)
                            screen.backend.openHelp()
                        }
                    }
                    Text {
                        width: panel.width
                        text: panel.modelData.featuredHeading
                        visible: panel.modelData.featured.length > 0
                        font.family: ui.fontFamily
                        font.pixelSize: ui.fontBody
                        font.bold: true
                        color: ui.text
                        horizontalAlignment: Text.AlignHCenter
                        topPadding: ui.gap * 0.5
                    }
                    Repeater {
                        model: panel.modelData.featured
                        delegate: KButton {
                            required property var modelData
                            objectName: "featured_" + panel.code + "_" + modelData.id
                            ui: screen.ui
                            width: panel.width
                            text: modelData.title
                            variant: "secondary"
                            bold: false
                            onActivated: {
                                screen.backend.startIn(panel.code)
                                screen.backend.openLink(modelData.target)
                            }
                        }
                    }
                }
            }
        }
    }
}
