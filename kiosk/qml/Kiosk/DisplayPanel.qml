pragma ComponentBehavior: Bound
import QtQuick
import KioskCore
import QtQuick.Window

// Text size, high contrast, less motion, start over: one tap from every screen.
Rectangle {
    id: panel

    signal closeRequested()

    objectName: "displayPanel"
    // The panel's width, the size line and the A−/A+ steppers do not grow with the text
    // size: A+ stays under the finger, so five taps on one spot reach 200%.
    readonly property real steadyFont: Math.round(ClinicTheme.baseFontPx * Theme.dp)
    width: Math.min(steadyFont * 24, parent ? parent.width - 2 * Theme.gap : 600)
    height: column.implicitHeight + 2 * Theme.gap
    radius: Theme.radius
    color: Theme.surface
    border.color: Theme.border
    border.width: 2
    Accessible.role: Accessible.Dialog
    Accessible.name: Theme.txt("display_button")

    // Opened from the keyboard: the focus goes into the panel, and back to the button that
    // opened it when the panel closes. (A tap gives no focus, so no ring shows.)
    property Item opener: null
    onVisibleChanged: {
        const focused = Window.activeFocusItem
        if (visible && focused && focused.objectName === "displayButton") {
            opener = focused
            const first = smaller.enabled ? smaller : bigger.enabled ? bigger : contrast
            first.forceActiveFocus(Qt.TabFocusReason)
        } else if (!visible && opener) {
            opener.forceActiveFocus(Qt.TabFocusReason)
            opener = null
        }
    }

    MouseArea {
        // A tap on the panel's own background stays on the panel.
        anchors.fill: parent
    }

    Column {
        id: column
        x: Theme.gap
        y: Theme.gap
        width: parent.width - 2 * Theme.gap
        spacing: Theme.gap

        KText {
            width: parent.width
            objectName: "textSizeValue"
            role: "label"
            text: Theme.txt("text_size") + ": " + Math.round(Preferences.textScale * 100) + "%"
            font.pixelSize: panel.steadyFont
        }
        Row {
            spacing: Theme.gap
            KButton {
                id: smaller
                objectName: "smallerText"
                text: "A−"
                accessibleName: Theme.txt("smaller_text")
                width: panel.steadyFont * 4
                height: Math.max(Theme.target, panel.steadyFont * 2.6)
                fontSize: panel.steadyFont * 1.1
                repeatable: true
                variant: "secondary"
                enabled: Preferences.textScale > 1.0
                opacity: enabled ? 1 : 0.4
                onActivated: Preferences.smallerText()
            }
            KButton {
                id: bigger
                objectName: "biggerText"
                text: "A+"
                accessibleName: Theme.txt("bigger_text")
                width: panel.steadyFont * 4
                height: Math.max(Theme.target, panel.steadyFont * 2.6)
                fontSize: panel.steadyFont * 1.4
                repeatable: true
                variant: "secondary"
                enabled: Preferences.textScale < 2.0
                opacity: enabled ? 1 : 0.4
                onActivated: Preferences.biggerText()
            }
        }
        KButton {
            id: contrast
            objectName: "highContrast"
            isSwitch: true
            width: parent.width
            // The state in words, not only a faint fill.
            text: Theme.txt("high_contrast") + ": " + (checked ? Theme.txt("switch_on") : Theme.txt("switch_off"))
            accessibleName: Theme.txt("high_contrast")
            variant: "quiet"
            checked: Preferences.highContrast
            onActivated: Preferences.setHighContrast(!Preferences.highContrast)
        }
        KButton {
            objectName: "reducedMotion"
            isSwitch: true
            width: parent.width
            // The state in words, not only a faint fill.
            text: Theme.txt("reduced_motion") + ": " + (checked ? Theme.txt("switch_on") : Theme.txt("switch_off"))
            accessibleName: Theme.txt("reduced_motion")
            variant: "quiet"
            checked: Preferences.reducedMotion
            onActivated: Preferences.setReducedMotion(!Preferences.reducedMotion)
        }
        KButton {
            objectName: "closeDisplay"
            width: parent.width
            text: Theme.txt("close_button")
            onActivated: panel.closeRequested()
        }
    }
}
