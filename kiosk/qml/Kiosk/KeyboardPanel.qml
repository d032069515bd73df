pragma ComponentBehavior: Bound
import QtQuick
import KioskCore
import QtQml
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Settings

// The Qt Virtual Keyboard, in the patient's language and region. Loaded only when its
// plugin works; otherwise search still works with a hardware keyboard.
//
// Its size follows the text size (bigger keys for bigger text) but never takes the room a
// screen needs above it (`reserved`: the top bar and, on the question screen, the search
// field and two results), so the results always show between the field and the keys.
InputPanel {
    id: panel

    // Bound to the patient's language only after the first layout is chosen (below). Bound
    // from the start, it changed during creation, and a later kiosk in the same process
    // (the tests) read the layout list before Qt had filled it: one layout, no Spanish.
    property string language: "en"
    readonly property real textScale: Preferences.textScale
    readonly property real availableWidth: Theme.windowWidth
    readonly property real availableHeight: Theme.windowHeight
    readonly property real reserved: KeyboardSpace.reserved
    // The default style is 2560 x 800 design units: its height is width * 0.3125.
    readonly property real heightPerWidth: 0.3125
    readonly property real wantedWidth: Math.min(availableWidth,
        Math.max(800, availableWidth * (0.7 + 0.15 * textScale)))
    readonly property real roomHeight: Math.max(availableHeight * 0.25, availableHeight - reserved)

    // The layouts Qt ships for a language, best first: Latin-American Spanish before
    // Spain's, US English before British.
    readonly property var regional: ({
        "es": ["es_MX", "es_ES"],
        "en": ["en_US", "en_GB"],
        "pt": ["pt_BR", "pt_PT"],
        "fr": ["fr_CA", "fr_FR"]
    })
    // Set, not bound: the settings' list of locales changes when the active ones do.
    property string layoutLocale: ""
    // Main.qml gives the Loader this width; the panel's height follows from it.
    readonly property real panelWidth: Math.min(wantedWidth, roomHeight / heightPerWidth)

    // Every layout Qt has, read before activeLocales narrows the list to one.
    property var shippedLocales: []

    function chooseLayout() {
        if (shippedLocales.length === 0) {
            // The settings are the application's: an earlier keyboard may have narrowed them.
            VirtualKeyboardSettings.activeLocales = []
            shippedLocales = VirtualKeyboardSettings.availableLocales.slice()
        }
        const available = shippedLocales
        const wanted = regional[language] || []
        let found = wanted.find(code => available.indexOf(code) >= 0)
        if (!found)
            found = available.find(code => code.split("_")[0] === language)
        if (found && found !== layoutLocale) {
            layoutLocale = found
            // Only the patient's language: no globe key cycling through forty layouts.
            VirtualKeyboardSettings.activeLocales = [found]
            VirtualKeyboardSettings.locale = found
        }
    }
    onLanguageChanged: chooseLayout()
    Component.onCompleted: {
        chooseLayout()
        language = Qt.binding(() => Preferences.language)
    }
    Connections {
        target: VirtualKeyboardSettings
        function onAvailableLocalesChanged() { panel.chooseLayout() }
    }

    // In the high-contrast theme the keys take its colours (the default style exposes
    // them): black keys edged by the theme's lines, letters in its accent colour.
    readonly property bool highContrast: Preferences.highContrast
    readonly property var contrastColours: ({
        "keyboardBackgroundColor": Theme.border,
        "normalKeyBackgroundColor": Theme.background,
        "highlightedKeyBackgroundColor": Theme.surface,
        "keyTextColor": Theme.accent,
        "keySmallTextColor": Theme.text,
        "modeKeyAccentColor": Theme.accent,
        "capsLockKeyAccentColor": Theme.focus,
        "popupBackgroundColor": Theme.background,
        "popupBorderColor": Theme.accent,
        "popupTextColor": Theme.accent,
        "popupHighlightColor": Theme.surface,
        "navigationHighlightColor": Theme.focus
    })
    Instantiator {
        model: Object.keys(panel.contrastColours)
        delegate: Binding {
            required property string modelData
            target: panel.keyboard ? panel.keyboard.style : null
            property: modelData
            value: panel.contrastColours[modelData]
            when: panel.highContrast && target !== null
        }
    }

    // The colours below are the default style's own properties (declared in its
    // style.qml, chosen at run time), not KeyboardStyle's: qmllint cannot know them.
    // qmllint disable missing-property
    // For the band beside a keyboard narrower than the window.
    readonly property color backgroundColour: keyboard && keyboard.style
        ? keyboard.style.keyboardBackgroundColor : "#263238"
    // What the keys show (read by the tests: Python cannot reach the style object).
    readonly property color keyTextColour: keyboard && keyboard.style
        ? keyboard.style.keyTextColor : "transparent"
    readonly property color keyColour: keyboard && keyboard.style
        ? keyboard.style.normalKeyBackgroundColor : "transparent"
    // qmllint enable missing-property

    objectName: "keyboard"
    visible: active

    Binding { target: KeyboardSpace; property: "up"; value: panel.active }
    Binding { target: KeyboardSpace; property: "panelWidth"; value: panel.panelWidth }
    Binding { target: KeyboardSpace; property: "panelHeight"; value: panel.implicitHeight }
    Binding { target: KeyboardSpace; property: "beside"; value: panel.backgroundColour }
}
