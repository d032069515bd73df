import QtQuick
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

    objectName: "keyboard"
    visible: active
}
