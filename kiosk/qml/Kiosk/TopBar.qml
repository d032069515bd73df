pragma ComponentBehavior: Bound
import QtQuick
import KioskCore

// Always-there controls: Home, Back, display options, language, Help.
Rectangle {
    id: bar

    property bool displayOpen: false
    signal displayClicked()
    signal backClicked()   // just before the backend goes back

    // Big text in a narrow window: the right-hand group moves to a second row, so no
    // button overlaps another or loses its words.
    readonly property bool twoRows: leftSide.implicitWidth + buttons.implicitWidth + Theme.gap * 3 > width
    implicitHeight: twoRows ? leftSide.implicitHeight + buttons.implicitHeight + Theme.gap * 1.75
                            : Math.max(Theme.target, leftSide.implicitHeight, buttons.implicitHeight) + Theme.gap
    color: Theme.surface
    Accessible.role: Accessible.ToolBar
    Accessible.name: Theme.txt("toolbar_name")

    Rectangle {
        anchors.bottom: parent.bottom
        width: parent.width
        height: 1
        color: Theme.border
    }

    Row {
        id: leftSide
        anchors.left: parent.left
        anchors.leftMargin: Theme.gap
        y: bar.twoRows ? Theme.gap / 2 : (bar.height - implicitHeight) / 2
        spacing: Theme.gap * 0.75
        KButton {
            objectName: "homeButton"
            iconName: "home"
            text: Theme.txt("home_button")
            variant: "secondary"
            fontSize: Theme.fontBar
            visible: Navigation.screen !== "home"
            onActivated: Navigation.goHome()
        }
        KButton {
            objectName: "backButton"
            iconName: "back"   // an arrow: the screen before; the pages' own use chevrons
            text: Theme.txt("back_button")
            variant: "quiet"
            fontSize: Theme.fontBar
            visible: Navigation.screen !== "home" && Navigation.canGoBack
            onActivated: {
                bar.backClicked()
                Navigation.back()
            }
        }
        KButton {
            // Ends the whole visit, so it asks once more: the first tap turns it into
            // "Tap again to start over" for a few seconds. (Its new words make it settle,
            // so even a double tap cannot confirm itself.)
            id: startOver
            objectName: "startOverButton"
            property bool asking: false
            text: asking ? Theme.txt("start_over_confirm") : Theme.txt("start_over")
            variant: asking ? "primary" : "quiet"
            fontSize: Theme.fontBar
            visible: Navigation.screen === "home"
            onVisibleChanged: asking = false
            onActivated: {
                if (asking) {
                    asking = false
                    SessionPhase.startOver()
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
        anchors.rightMargin: Theme.gap
        y: bar.twoRows ? leftSide.y + leftSide.implicitHeight + Theme.gap * 0.75 : (bar.height - implicitHeight) / 2
        spacing: Theme.gap * 0.75
        KButton {
            objectName: "displayButton"
            text: "Aa"
            accessibleName: Theme.txt("display_button")
            variant: "quiet"
            checked: bar.displayOpen
            fontSize: Theme.fontBar
            onActivated: bar.displayClicked()
        }
        Repeater {
            model: Content.languages
            delegate: KButton {
                id: languageButton
                required property string code
                required property string name
                objectName: "language_" + code
                text: name   // each language named in itself, as patients look for it
                Accessible.description: Theme.fmt("switch_language", {"name": name})
                variant: "quiet"
                fontSize: Theme.fontBar
                visible: code !== Preferences.language
                onActivated: Preferences.setLanguage(languageButton.code)
            }
        }
        KButton {
            objectName: "helpButton"
            text: Theme.txt("help_button")
            variant: "urgent"
            fontSize: Theme.fontBar
            visible: Navigation.screen !== "help"
            onActivated: Navigation.openHelp()
        }
    }
}
