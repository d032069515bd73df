import QtQuick
import QtQuick.Window

// The kiosk window: top bar, the current screen, the keyboard, and the overlays.
Window {
    id: window

    required property QtObject backend
    required property QtObject maintenance
    property QtObject reader: null
    property bool displayOpen: false
    // The keyboard costs ~70 ms of start-up and nobody types on the attract screen: it loads
    // when the first session starts and then stays.
    property bool keyboardWanted: false

    width: 1280
    height: 800
    visible: true
    title: backend.clinic.name
    color: kioskUi.background

    Ui {
        id: kioskUi
        backend: window.backend
        reader: window.reader
        windowWidth: window.width
        windowHeight: window.height
    }

    Connections {
        target: window.backend
        function onResetDone() {
            window.displayOpen = false
            screenLoader.scrolled = {}
            Qt.inputMethod.hide()
        }
        function onPlaceChanged() {
            window.displayOpen = false
            if (window.backend.screen !== "attract")
                window.keyboardWanted = true
        }
    }

    Item {
        id: page
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.bottom: keyboardLoader.item && keyboardLoader.item.active ? keyboardLoader.top : parent.bottom

        TopBar {
            id: topBar
            objectName: "topBar"
            ui: kioskUi
            backend: window.backend
            width: parent.width
            visible: window.backend.screen !== "attract"
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
            readonly property string key: window.backend.screen + ":" + window.backend.item + ":"
                                        + window.backend.language
            // Back to a page the patient scrolled (an answer, home, help): where they were.
            // Only the top bar's Back returns; opening a page anew starts at its top. Only
            // scroll offsets are kept, for this visit (a reset forgets them).
            property var scrolled: ({})
            property string shownKey: ""
            property bool returning: false
            onKeyChanged: show()
            Component.onCompleted: show()
            function show() {
                if (item && item.contentY !== undefined && item.contentHeight !== undefined)
                    scrolled[shownKey] = item.contentY
                // The old screen lets go of its list's rows while its QML context is still
                // valid (see ExplainerScreen.release(): a crash in Qt 6.11/6.12 otherwise).
                if (item && item.release)
                    item.release()
                const back = returning
                returning = false
                shownKey = key
                if (window.backend.screen === "attract")
                    scrolled = {}   // the next visitor starts afresh
                sourceComponent = null
                switch (window.backend.screen) {
                case "home": sourceComponent = homeScreen; break
                case "explainer": sourceComponent = explainerScreen; break
                case "questions": sourceComponent = questionsScreen; break
                case "answer": sourceComponent = answerScreen; break
                case "help": sourceComponent = helpScreen; break
                default: sourceComponent = attractScreen
                }
                if (back && item && scrolled[key] !== undefined && item.contentHeight !== undefined)
                    item.contentY = Math.min(scrolled[key], Math.max(0, item.contentHeight - item.height))
            }
        }
    }

    Component { id: attractScreen; AttractScreen { ui: kioskUi; backend: window.backend } }
    Component { id: homeScreen; HomeScreen { ui: kioskUi; backend: window.backend } }
    Component { id: explainerScreen; ExplainerScreen { ui: kioskUi; backend: window.backend } }
    Component { id: questionsScreen; QuestionsScreen { ui: kioskUi; backend: window.backend } }
    Component { id: answerScreen; AnswerScreen { ui: kioskUi; backend: window.backend } }
    Component { id: helpScreen; HelpScreen { ui: kioskUi; backend: window.backend } }

    MouseArea {
        // Tapping the page outside the display panel closes it; the top bar stays usable.
        anchors.fill: parent
        anchors.topMargin: topBar.height
        visible: window.displayOpen
        onClicked: window.displayOpen = false
    }

    DisplayPanel {
        ui: kioskUi
        backend: window.backend
        visible: window.displayOpen
        anchors.right: parent.right
        anchors.rightMargin: kioskUi.gap
        y: topBar.height + kioskUi.gap / 2
        onCloseRequested: window.displayOpen = false
    }

    Rectangle {
        // Beside a keyboard narrower than the window: the keyboard's own colour.
        anchors.fill: keyboardLoader
        anchors.leftMargin: -keyboardLoader.x
        anchors.rightMargin: -keyboardLoader.x
        visible: keyboardLoader.item !== null && keyboardLoader.item.active
        color: keyboardLoader.item ? keyboardLoader.item.backgroundColour : "black"
    }

    Loader {
        id: keyboardLoader
        objectName: "keyboardLoader"
        active: window.backend.keyboardAvailable && window.keyboardWanted
        x: (parent.width - width) / 2
        y: item && item.active ? parent.height - height : parent.height
        width: item ? item.panelWidth : parent.width
        height: item ? item.implicitHeight : 0
        source: "KeyboardPanel.qml"
        onLoaded: {
            item.language = Qt.binding(() => window.backend.language)
            item.textScale = Qt.binding(() => window.backend.textScale)
            item.ui = kioskUi
            item.highContrast = Qt.binding(() => window.backend.highContrast)
            item.availableWidth = Qt.binding(() => window.width)
            item.availableHeight = Qt.binding(() => window.height)
            // What the screen needs above the keys (QuestionsScreen: field and two results).
            item.reserved = Qt.binding(() => topBar.height + (screenLoader.item
                && screenLoader.item.neededAboveKeyboard !== undefined
                ? screenLoader.item.neededAboveKeyboard : 0))
            // The input method's visibility is application-wide and may be left over (tests
            // run many kiosks in one process): a new keyboard starts hidden.
            Qt.inputMethod.hide()
        }
        onStatusChanged: if (status === Loader.Error) console.warn("virtual keyboard unavailable")
    }

    FallbackScreen {
        // No good content at all: the built-in crisis lines, over everything but staff screens.
        anchors.fill: parent
        ui: kioskUi
        backend: window.backend
        visible: window.backend.fallbackActive
    }

    MaintenanceScreen {
        anchors.fill: parent
        ui: kioskUi
        maintenance: window.maintenance
        visible: window.maintenance.open
    }

    PinPad {
        anchors.fill: parent
        ui: kioskUi
        maintenance: window.maintenance
        visible: window.maintenance.pinPadOpen
    }

    StillThere {
        anchors.fill: parent
        ui: kioskUi
        backend: window.backend
    }
}
