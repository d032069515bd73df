import QtQuick

// Always-there controls: Home, Back, display options, language, Help.
Rectangle {
    id: bar

    required property Ui ui
    required property QtObject backend
    property bool displayOpen: false
    signal displayClicked()
    signal backClicked()   // just before the backend goes back

    // Big text in a narrow window: the right-hand group moves to a second row, so no
    // button overlaps another or loses its words.
    readonly property bool twoRows: left.implicitWidth + buttons.implicitWidth + ui.gap * 3 > width
    implicitHeight: twoRows ? left.implicitHeight + buttons.implicitHeight + ui.gap * 1.75
                            : Math.max(ui.target, left.implicitHeight, buttons.implicitHeight) + ui.gap
    color: ui.surface
    Accessible.role: Accessible.ToolBar
    Accessible.name: ui.txt("toolbar_name")

    Rectangle {
        anchors.bottom: parent.bottom
        width: parent.width
        height: 1
        color: ui.border
    }

    Row {
        id: left
        anchors.left: parent.left
        anchors.leftMargin: ui.gap
        y: bar.twoRows ? ui.gap / 2 : (bar.height - implicitHeight) / 2
        spacing: ui.gap * 0.75
        KButton {
            objectName: "homeButton"
            ui: bar.ui
            text: "⌂  " + ui.txt("home_button")
            accessibleName: ui.txt("home_button")
            variant: "secondary"
            fontSize: ui.fontBar
            visible: bar.backend.screen !== "home"
            onActivated: bar.backend.goHome()
        }
        KButton {
            objectName: "backButton"
            ui: bar.ui
            text: "‹  " + ui.txt("back_button")
            accessibleName: ui.txt("back_button")
            variant: "quiet"
            fontSize: ui.fontBar
            visible: bar.backend.screen !== "home" && bar.backend.canGoBack
            onActivated: {
                bar.backClicked()
                bar.backend.back()
            }
        }
        KButton {
            // Ends the whole visit, so it asks once more: the first tap turns it into
            // "Tap again to start over" for a few seconds. (Its new words make it settle,
            // so even a double tap cannot confirm itself.)
            id: startOver
            objectName: "startOverButton"
            property bool asking: false
            ui: bar.ui
            text: asking ? ui.txt("start_over_confirm") : ui.txt("start_over")
            variant: asking ? "primary" : "quiet"
            fontSize: ui.fontBar
            visible: bar.backend.screen === "home"
            onVisibleChanged: asking = false
            onActivated: {
                if (asking) {
                    asking = false
                    bar.backend.startOver()
                } else {
                    asking = true
                    stopAsking.restart()
                }
            }
            Timer {
                id: stopAsking
                interval: 5000
                onTriggered: startOver.asking = false
            }
        }
    }

    Row {
        id: buttons
        anchors.right: parent.right
        anchors.rightMargin: ui.gap
        y: bar.twoRows ? left.y + left.implicitHeight + ui.gap * 0.75 : (bar.height - implicitHeight) / 2
        spacing: ui.gap * 0.75
        KButton {
            objectName: "displayButton"
            ui: bar.ui
            text: "Aa"
            accessibleName: ui.txt("display_button")
            variant: "quiet"
            checked: bar.displayOpen
            fontSize: ui.fontBar
            onActivated: bar.displayClicked()
        }
        Repeater {
            model: bar.backend.languages
            delegate: KButton {
                required property var modelData
                objectName: "language_" + modelData.code
                ui: bar.ui
                text: modelData.name   // each language named in itself, as patients look for it
                Accessible.description: ui.fmt("switch_language", {"name": modelData.name})
                variant: "quiet"
                fontSize: ui.fontBar
                visible: modelData.code !== bar.backend.language
                onActivated: bar.backend.setLanguage(modelData.code)
            }
        }
        KButton {
            objectName: "helpButton"
            ui: bar.ui
            text: ui.txt("help_button")
            variant: "urgent"
            fontSize: ui.fontBar
            visible: bar.backend.screen !== "help"
            onActivated: bar.backend.openHelp()
        }
    }
}
