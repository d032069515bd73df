pragma ComponentBehavior: Bound
import QtQuick
import KioskCore

// Shown when no good content exists: crisis lines and the front desk, in both languages.
// The words come from kiosk/content/fallback.py (built into the code), never from content.
Rectangle {
    id: screen


    objectName: "fallbackScreen"
    color: Theme.background

    // Any touch on the page is taken here: nothing of the broken content underneath reacts.
    MouseArea { anchors.fill: parent }

    Column {
        id: column
        width: Math.min(Theme.readingWidth * 1.2, screen.width - 2 * Theme.margin)
        anchors.centerIn: parent
        spacing: Theme.gap * 1.5

        Repeater {
            model: Content.fallbackTexts
            delegate: Column {
                id: part
                required property string title
                required property string ask
                required property string danger
                required property string crisis
                width: column.width
                spacing: Theme.gap / 2
                Accessible.role: Accessible.StaticText
                Accessible.name: title + ". " + ask + " " + danger + " " + crisis
                KText {
                    width: parent.width
                    role: "title"
                    level: 2
                    text: part.title
                }
                KText {
                    width: parent.width
                    text: part.ask
                }
                KText {
                    width: parent.width
                    role: "title"
                    level: 3
                    text: part.danger
                    color: Theme.urgent
                }
                KText {
                    width: parent.width
                    role: "title"
                    level: 3
                    text: part.crisis
                    color: Theme.urgent
                }
            }
        }
    }
}
