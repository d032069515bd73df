import QtQuick
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

    property string language: "en"
    property real textScale: 1.0
    property real availableWidth: 1280
    property real availableHeight: 800
    property real reserved: 0
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
    Component.onCompleted: chooseLayout()
    Connections {
        target: VirtualKeyboardSettings
        function onAvailableLocalesChanged() { panel.chooseLayout() }
    }

    // In the high-contrast theme the keys take its colours (the default style exposes
    // them): black keys edged by the theme's lines, letters in its accent colour.
    property bool highContrast: false
    property var ui: null
    readonly property var contrastColours: ui === null ? ({}) : ({
        "keyboardBackgroundColor": ui.border,
        "normalKeyBackgroundColor": ui.background,
        "highlightedKeyBackgroundColor": ui.surface,
        "keyTextColor": ui.accent,
        "keySmallTextColor": ui.text,
        "modeKeyAccentColor": ui.accent,
        "capsLockKeyAccentColor": ui.focus,
        "popupBackgroundColor": ui.background,
        "popupBorderColor": ui.accent,
        "popupTextColor": ui.accent,
        "popupHighlightColor": ui.surface,
        "navigationHighlightColor": ui.focus
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

    // For the band beside a keyboard narrower than the window.
    readonly property color backgroundColour: keyboard && keyboard.style
        ? keyboard.style.keyboardBackgroundColor : "#263238"
    // What the keys show (read by the tests: Python cannot reach the style object).
    readonly property color keyTextColour: keyboard && keyboard.style
        ? keyboard.style.keyTextColor : "transparent"
    readonly property color keyColour: keyboard && keyboard.style
        ? keyboard.style.normalKeyBackgroundColor : "transparent"

    objectName: "keyboard"
    visible: active
}
