import QtQuick

// Read aloud: one button reads the page (then pauses and goes on), a second one stops.
// Hidden when no voice can read the current language (the Reader logs why).
Flow {
    id: control

    required property Ui ui
    property string source            // what is read, e.g. "explainer:id:2"
    property var texts: []            // one text per block; the Reader marks which is read
    property string namePrefix: "readAloud"

    readonly property QtObject reader: ui.reader
    readonly property bool active: reader !== null && reader.source === source
                                   && reader.state !== "idle"
    readonly property bool speaking: active && reader.state === "speaking"

    visible: ui.canReadAloud
    spacing: ui.gap * 0.75

    KButton {
        objectName: control.namePrefix
        ui: control.ui
        text: control.speaking ? "❚❚  " + ui.txt("pause_reading")
            : control.active ? "▶  " + ui.txt("resume_reading")
            : "▶  " + ui.txt("read_aloud")
        accessibleName: control.speaking ? ui.txt("pause_reading")
                      : control.active ? ui.txt("resume_reading") : ui.txt("read_aloud")
        variant: "secondary"
        fontSize: ui.fontSmall
        onActivated: {
            if (control.speaking)
                control.reader.pause()
            else if (control.active)
                control.reader.resume()
            else
                control.reader.read(control.source, ui.backend.language, control.texts)
        }
    }

    KButton {
        objectName: control.namePrefix + "Stop"
        ui: control.ui
        visible: control.active
        text: "■  " + ui.txt("stop_reading")
        accessibleName: ui.txt("stop_reading")
        variant: "quiet"
        fontSize: ui.fontSmall
        onActivated: control.reader.stop()
    }
}
