pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Window
import KioskCore

// The kiosk window: top bar, the current screen, the keyboard, and the overlays.
Window {
    id: window

    required property Maintenance maintenance
    property bool displayOpen: false
    // The keyboard costs ~70 ms of start-up and nobody types on the attract screen: it loads
    // when the first session starts and then stays.
    property bool keyboardWanted: false

    width: 1280
    height: 800
    visible: true
    title: Content.clinicName
    color: Theme.background

    // The style layer's sizes follow this window.
    Binding { target: Theme; property: "windowWidth"; value: window.width }
    Binding { target: Theme; property: "windowHeight"; value: window.height }

    Connections {
        target: SessionPhase
        function onResetDone() {
            window.displayOpen = false
            screenLoader.scrolled = {}
            // Qt.inputMethod is a QInputMethod, but qmllint's type for it is QObject (QtQml's Qt
            // object cannot name a QtGui type) and `as InputMethod` is null at run time.
            Qt.inputMethod.hide() // qmllint disable missing-property
        }
    }

    Connections {
        target: Navigation
        function onLeaving() { screenLoader.leave() }
        function onPlaceChanged() {
            window.displayOpen = false
            if (Navigation.screen !== "attract")
                window.keyboardWanted = true
        }
    }

    Item {
        id: page
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.bottom: KeyboardSpace.up ? keyboardLoader.top : parent.bottom

        TopBar {
            id: topBar
            objectName: "topBar"
            width: parent.width
            visible: Navigation.screen !== "attract"
            height: visible ? implicitHeight : 0
            displayOpen: window.displayOpen
            onDisplayClicked: window.displayOpen = !window.displayOpen
            onBackClicked: screenLoader.returning = true
        }

        Loader {
            id: screenLoader
            objectName: "screenLoader"
            anchors.top: topBar.bottom
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.bottom: parent.bottom
            focus: true
            // A new explainer or answer gets a fresh screen: no scroll position carries over.
            readonly property string key: Navigation.screen + ":" + Navigation.item + ":"
                                        + Preferences.language
            // Back to a page the patient scrolled (an answer, home, help): where they were.
            // Only the top bar's Back returns; opening a page anew starts at its top. Only
            // scroll offsets are kept, for this visit (a reset forgets them).
            property var scrolled: ({})
            property string shownKey: ""
            property bool returning: false
            onKeyChanged: show()
            // Navigation.leaving: the content on screen is about to change, then the screen
            // is replaced. Its scroll offset is kept and its lists let go first, before the
            // models they show change under them.
            property bool alreadyLeft: false
            function leave() {
                keep()
                release()
                alreadyLeft = true
            }
            function keep() {
                const old = item as Flickable
                if (old)
                    scrolled[shownKey] = old.contentY
            }
            // The old screen lets go of its list's rows while its QML context is still
            // valid (see ExplainerScreen.release(): a crash in Qt 6.11 and 6.12 otherwise).
            function release() {
                const explainer = item as ExplainerScreen
                if (explainer)
                    explainer.release()
                const questions = item as QuestionsScreen
                if (questions)
                    questions.release()
            }
            Component.onCompleted: show()
            function show() {
                if (!alreadyLeft) {
                    keep()
                    release()
                }
                alreadyLeft = false
                const back = returning
                returning = false
                shownKey = key
                if (Navigation.screen === "attract")
                    scrolled = {}   // the next visitor starts afresh
                sourceComponent = null
                switch (Navigation.screen) {
                case "home": sourceComponent = homeScreen; break
                case "explainer": sourceComponent = explainerScreen; break
                case "questions": sourceComponent = questionsScreen; break
                case "answer": sourceComponent = answerScreen; break
                case "help": sourceComponent = helpScreen; break
                default: sourceComponent = attractScreen
                }
                const view = item as Flickable
                if (back && view && scrolled[key] !== undefined)
                    view.contentY = Math.min(scrolled[key], Math.max(0, view.originY + view.contentHeight
                                                                 + view.bottomMargin - view.height))
            }
        }
    }

    Component { id: attractScreen; AttractScreen {} }
    Component { id: homeScreen; HomeScreen {} }
    Component { id: explainerScreen; ExplainerScreen {} }
    Component { id: questionsScreen; QuestionsScreen {} }
    Component { id: answerScreen; AnswerScreen {} }
    Component { id: helpScreen; HelpScreen {} }

    MouseArea {
        // Tapping the page outside the display panel closes it; the top bar stays usable.
        anchors.fill: parent
        anchors.topMargin: topBar.height
        visible: window.displayOpen
        onClicked: window.displayOpen = false
    }

    DisplayPanel {
        visible: window.displayOpen
        anchors.right: parent.right
        anchors.rightMargin: Theme.gap
        y: topBar.height + Theme.gap / 2
        onCloseRequested: window.displayOpen = false
    }

    Rectangle {
        // Beside a keyboard narrower than the window: the keyboard's own colour.
        anchors.fill: keyboardLoader
        anchors.leftMargin: -keyboardLoader.x
        anchors.rightMargin: -keyboardLoader.x
        visible: KeyboardSpace.up
        color: KeyboardSpace.beside
    }

    // What the screen needs above the keys (QuestionsScreen: field and two results).
    Binding {
        target: KeyboardSpace
        property: "reserved"
        value: topBar.height + ((screenLoader.item as QuestionsScreen)?.neededAboveKeyboard ?? 0)
    }

    Loader {
        id: keyboardLoader
        objectName: "keyboardLoader"
        active: Content.keyboardAvailable && window.keyboardWanted
        x: (parent.width - width) / 2
        y: KeyboardSpace.up ? parent.height - height : parent.height
        width: item ? KeyboardSpace.panelWidth : parent.width
        height: item ? KeyboardSpace.panelHeight : 0
        source: "KeyboardPanel.qml"
        onLoaded: {
            // The input method's visibility is application-wide and may be left over (tests
            // run many kiosks in one process): a new keyboard starts hidden.
            // Qt.inputMethod is a QInputMethod, but qmllint's type for it is QObject (QtQml's Qt
            // object cannot name a QtGui type) and `as InputMethod` is null at run time.
            Qt.inputMethod.hide() // qmllint disable missing-property
        }
        onStatusChanged: if (status === Loader.Error) console.warn("virtual keyboard unavailable")
    }

    FallbackScreen {
        // No good content at all: the built-in crisis lines, over everything but staff screens.
        anchors.fill: parent
        visible: Content.fallbackActive
    }

    MaintenanceScreen {
        anchors.fill: parent
        maintenance: window.maintenance
        visible: window.maintenance.open
    }

    PinPad {
        anchors.fill: parent
        maintenance: window.maintenance
        visible: window.maintenance.pinPadOpen
    }

    StillThere {
        anchors.fill: parent
    }
}
