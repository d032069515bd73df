pragma ComponentBehavior: Bound
import QtQuick
import KioskCore

// Crisis and help lines, and how to reach the clinic. One tap from every screen.
Flickable {
    id: screen


    objectName: "helpScreen"
    contentHeight: column.implicitHeight + 2 * Theme.margin
    clip: true
    boundsBehavior: Flickable.StopAtBounds
    bottomMargin: moreBelow.reserve

    Column {
        id: column
        width: Math.min(Theme.readingWidth * 1.1, screen.width - 2 * Theme.margin)
        x: (screen.width - width) / 2
        y: Theme.margin
        spacing: Theme.gap * 1.25

        KText {
            width: parent.width
            role: "heading"
            text: Theme.txt("help_title")
        }

        KText {
            width: parent.width
            text: Theme.txt("help_intro")
        }

        Repeater {
            model: Content.helpLines
            delegate: Rectangle {
                id: line
                required property string name
                required property string number
                required property string detail
                required property bool urgent
                width: column.width
                height: lineColumn.implicitHeight + Theme.gap * 1.5
                radius: Theme.radius
                color: Theme.surface
                border.color: urgent ? Theme.urgent : Theme.border
                border.width: urgent ? Math.max(3, 3 * Theme.dp) : 1
                Accessible.role: Accessible.StaticText
                Accessible.name: name + ". " + number + ". " + detail
                Column {
                    id: lineColumn
                    x: Theme.gap
                    y: Theme.gap * 0.75
                    width: parent.width - 2 * Theme.gap
                    spacing: Theme.gap / 3
                    KText {
                        width: parent.width
                        role: "label"
                        text: line.name
                    }
                    KText {
                        width: parent.width
                        role: "title"
                        text: line.number
                        color: line.urgent ? Theme.urgent : Theme.accent
                    }
                    KText {
                        width: parent.width
                        role: "small"
                        text: line.detail
                        color: Theme.text
                    }
                }
            }
        }

        KText {
            width: parent.width
            role: "heading"
            level: 2
            text: Theme.txt("clinic_contact_heading")
            topPadding: Theme.gap
        }

        ContactLine { label: Theme.txt("clinic_name_label"); value: Content.clinicName }
        ContactLine { label: Theme.txt("clinic_phone_label"); value: Content.clinicPhone }
        ContactLine { label: Theme.txt("clinic_address_label"); value: Content.clinicAddress }
        ContactLine { label: Theme.txt("clinic_hours_label"); value: Content.clinicHours }

        KText {
            width: parent.width
            text: Theme.txt("ask_front_desk")
        }
    }

    MoreBelow {
        id: moreBelow
        parent: screen
        flickable: screen
    }

    // One line of the clinic's details, left out when the clinic gave none.
    component ContactLine: KText {
        required property string label
        required property string value
        width: column.width
        visible: value !== ""
        // The clinic's words are shown as written: "&" or "<" in an address is not markup.
        text: "<b>" + Theme.escaped(label) + "</b>  " + Theme.escaped(value)
        textFormat: Text.StyledText
    }
}
