import QtQuick

// Shown when no good content exists: crisis lines and the front desk, in both languages.
// The words come from kiosk/content/fallback.py (built into the code), never from content.
Rectangle {
    id: screen

    required property Ui ui
    required property QtObject backend

    objectName: "fallbackScreen"
    color: ui.background

    // Any touch on the page is taken here: nothing of the broken content underneath reacts.
    MouseArea { anchors.fill: parent }

    Column {
        id: column
        width: Math.min(screen.ui.readingWidth * 1.2, screen.width - 2 * screen.ui.margin)
        anchors.centerIn: parent
        spacing: screen.ui.gap * 1.5

        Repeater {
            model: screen.backend.fallbackTexts
            delegate: Column {
                id: part
                required property var modelData
                width: column.width
                spacing: screen.ui.gap / 2
                Accessible.role: Accessible.StaticText
                Accessible.name: modelData.title + ". " + modelData.ask + " " + modelData.danger
                                 + " " + modelData.crisis
                Text {
                    width: parent.width
                    text: part.modelData.title
                    font.family: screen.ui.fontFamily
                    font.pixelSize: screen.ui.fontH2
                    font.bold: true
                    color: screen.ui.text
                    wrapMode: Text.Wrap
                }
                Text {
                    width: parent.width
                    text: part.modelData.ask
                    font.family: screen.ui.fontFamily
                    font.pixelSize: screen.ui.fontBody
                    color: screen.ui.text
                    wrapMode: Text.Wrap
                }
                Text {
                    width: parent.width
                    text: part.modelData.danger
                    font.family: screen.ui.fontFamily
                    font.pixelSize: screen.ui.fontH3
                    font.bold: true
                    color: screen.ui.urgent
                    wrapMode: Text.Wrap
                }
                Text {
                    width: parent.width
                    text: part.modelData.crisis
                    font.family: screen.ui.fontFamily
                    font.pixelSize: screen.ui.fontH3
                    font.bold: true
                    color: screen.ui.urgent
                    wrapMode: Text.Wrap
                }
            }
        }
    }
}
