import QtQuick

// Crisis and help lines, and how to reach the clinic. One tap from every screen.
Flickable {
    id: screen

    required property Ui ui
    required property QtObject backend

    objectName: "helpScreen"
    contentHeight: column.implicitHeight + 2 * ui.margin
    clip: true
    boundsBehavior: Flickable.StopAtBounds

    Column {
        id: column
        width: Math.min(screen.ui.readingWidth * 1.1, screen.width - 2 * screen.ui.margin)
        x: (screen.width - width) / 2
        y: screen.ui.margin
        spacing: screen.ui.gap * 1.25

        Heading {
            ui: screen.ui
            text: screen.ui.txt("help_title")
        }

        Text {
            width: parent.width
            text: screen.ui.txt("help_intro")
            font.family: screen.ui.fontFamily
            font.pixelSize: screen.ui.fontBody
            color: screen.ui.text
            wrapMode: Text.Wrap
        }

        Repeater {
            model: screen.backend.helpLines
            delegate: Rectangle {
                id: line
                required property var modelData
                width: column.width
                height: lineColumn.implicitHeight + screen.ui.gap * 1.5
                radius: screen.ui.radius
                color: screen.ui.surface
                border.color: modelData.urgent ? screen.ui.urgent : screen.ui.border
                border.width: modelData.urgent ? Math.max(3, 3 * screen.ui.dp) : 1
                Accessible.role: Accessible.StaticText
                Accessible.name: modelData.name + ". " + modelData.number + ". " + modelData.detail
                Column {
                    id: lineColumn
                    x: screen.ui.gap
                    y: screen.ui.gap * 0.75
                    width: parent.width - 2 * screen.ui.gap
                    spacing: screen.ui.gap / 3
                    Text {
                        width: parent.width
                        text: line.modelData.name
                        font.family: screen.ui.fontFamily
                        font.pixelSize: screen.ui.fontBody
                        font.bold: true
                        color: screen.ui.text
                        wrapMode: Text.Wrap
                    }
                    Text {
                        width: parent.width
                        text: line.modelData.number
                        font.family: screen.ui.fontFamily
                        font.pixelSize: screen.ui.fontH1
                        font.bold: true
                        color: line.modelData.urgent ? screen.ui.urgent : screen.ui.accent
                        wrapMode: Text.Wrap
                    }
                    Text {
                        width: parent.width
                        text: line.modelData.detail
                        font.family: screen.ui.fontFamily
                        font.pixelSize: screen.ui.fontSmall
                        color: screen.ui.text
                        wrapMode: Text.Wrap
                    }
                }
            }
        }

        Heading {
            ui: screen.ui
            level: 2
            text: screen.ui.txt("clinic_contact_heading")
            topPadding: screen.ui.gap
        }

        Repeater {
            model: [
                {"label": screen.ui.txt("clinic_name_label"), "value": screen.backend.clinic.name},
                {"label": screen.ui.txt("clinic_phone_label"), "value": screen.backend.clinic.phone},
                {"label": screen.ui.txt("clinic_address_label"), "value": screen.backend.clinic.address},
                {"label": screen.ui.txt("clinic_hours_label"), "value": screen.backend.clinic.hours}
            ]
            delegate: Text {
                required property var modelData
                width: column.width
                visible: modelData.value !== ""
                text: "<b>" + modelData.label + "</b>  " + modelData.value
                textFormat: Text.StyledText
                font.family: screen.ui.fontFamily
                font.pixelSize: screen.ui.fontBody
                color: screen.ui.text
                wrapMode: Text.Wrap
            }
        }

        Text {
            width: parent.width
            text: screen.ui.txt("ask_front_desk")
            font.family: screen.ui.fontFamily
            font.pixelSize: screen.ui.fontBody
            color: screen.ui.text
            wrapMode: Text.Wrap
        }
    }

    MoreBelow {
        parent: screen
        ui: screen.ui
        flickable: screen
    }
}
