pragma ComponentBehavior: Bound
import QtQuick
import KioskCore

// Read aloud: one button reads the page (then pauses and goes on), a second one stops.
// Hidden when no voice can read the current language (the Reader logs why).
Flow {
    id: control

    property string source            // what is read, e.g. "explainer:id:2"
    property list<string> texts: []   // one text per block; the Reader marks which is read
    property string namePrefix: "readAloud"

    readonly property bool active: Reader.source === source
                                   && Reader.state !== "idle"
    readonly property bool speaking: active && Reader.state === "speaking"

    visible: Theme.canReadAloud
    spacing: Theme.gap * 0.75

    KButton {
        objectName: control.namePrefix
        iconName: control.speaking ? "pause" : "play"
        text: control.speaking ? Theme.txt("pause_reading")
            : control.active ? Theme.txt("resume_reading") : Theme.txt("read_aloud")
        variant: "secondary"
        fontSize: Theme.fontSmall
        onActivated: {
            if (control.speaking)
                Reader.pause()
            else if (control.active)
                Reader.resume()
            else
                Reader.read(control.source, Preferences.language, control.texts)
        }
    }

    KButton {
        objectName: control.namePrefix + "Stop"
        visible: control.active
        iconName: "stop"
        text: Theme.txt("stop_reading")
        variant: "quiet"
        fontSize: Theme.fontSmall
        onActivated: Reader.stop()
    }
}
