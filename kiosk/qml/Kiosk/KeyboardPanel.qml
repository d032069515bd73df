import QtQuick
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Settings

// The Qt Virtual Keyboard, in the patient's language. Loaded only when its plugin works;
// otherwise search still works with a hardware keyboard.
InputPanel {
    id: panel

    property string language: "en"

    objectName: "keyboard"
    visible: active
    Binding {
        target: VirtualKeyboardSettings
        property: "locale"
        value: panel.language === "es" ? "es_ES" : panel.language === "en" ? "en_US" : panel.language
    }
}
