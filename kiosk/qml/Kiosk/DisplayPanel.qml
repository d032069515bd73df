import QtQuick
import QtQuick.Window

// Text size, high contrast, less motion, start over: one tap from every screen.
Rectangle {
    id: panel

    required property Ui ui
    required property QtObject backend
    signal closeRequested()

    objectName: "displayPanel"
    // The panel's width, the size line and the A−/A+ steppers do not grow with the text
    // size: A+ stays under the finger, so five taps on one spot reach 200%.
    readonly property real steadyFont: Math.round(ui.theme.base_font_px * ui.dp)
    width: Math.min(steadyFont * 24, parent ? parent.width - 2 * ui.gap : 600)
    height: column.implicitHeight + 2 * ui.gap
    radius: ui.radius
    color: ui.surface
    border.color: ui.border
    border.width: 2
    Accessible.role: Accessible.Dialog
    Accessible.name: ui.txt("display_button")

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
        x: ui.gap
        y: ui.gap
        width: parent.width - 2 * ui.gap
        spacing: ui.gap

        Text {
            width: parent.width
            objectName: "textSizeValue"
            text: ui.txt("text_size") + ": " + Math.round(panel.backend.textScale * 100) + "%"
            font.family: ui.fontFamily
            font.pixelSize: panel.steadyFont
            font.bold: true
            color: ui.text
            wrapMode: Text.Wrap
        }
        Row {
            spacing: ui.gap
            KButton {
                id: smaller
                objectName: "smallerText"
                ui: panel.ui
                text: "A−"
                accessibleName: ui.txt("smaller_text")
                width: panel.steadyFont * 4
                height: Math.max(ui.target, panel.steadyFont * 2.6)
                fontSize: panel.steadyFont * 1.1
                repeatable: true
                variant: "secondary"
                enabled: panel.backend.textScale > 1.0
                opacity: enabled ? 1 : 0.4
                onActivated: panel.backend.smallerText()
            }
            KButton {
                id: bigger
                objectName: "biggerText"
                ui: panel.ui
                text: "A+"
                accessibleName: ui.txt("bigger_text")
                width: panel.steadyFont * 4
                height: Math.max(ui.target, panel.steadyFont * 2.6)
                fontSize: panel.steadyFont * 1.4
                repeatable: true
                variant: "secondary"
                enabled: panel.backend.textScale < 2.0
                opacity: enabled ? 1 : 0.4
                onActivated: panel.backend.biggerText()
            }
        }
        KButton {
            id: contrast
            objectName: "highContrast"
            ui: panel.ui
            isSwitch: true
            width: parent.width
            // The state in words, not only a faint fill.
            text: ui.txt("high_contrast") + ": " + (checked ? ui.txt("switch_on") : ui.txt("switch_off"))
            accessibleName: ui.txt("high_contrast")
            variant: "quiet"
            checked: panel.backend.highContrast
            onActivated: panel.backend.setHighContrast(!panel.backend.highContrast)
        }
        KButton {
            objectName: "reducedMotion"
            ui: panel.ui
            isSwitch: true
            width: parent.width
            // The state in words, not only a faint fill.
            text: ui.txt("reduced_motion") + ": " + (checked ? ui.txt("switch_on") : ui.txt("switch_off"))
            accessibleName: ui.txt("reduced_motion")
            variant: "quiet"
            checked: panel.backend.reducedMotion
            onActivated: panel.backend.setReducedMotion(!panel.backend.reducedMotion)
        }
        KButton {
            objectName: "closeDisplay"
            ui: panel.ui
            width: parent.width
            text: ui.txt("close_button")
            onActivated: panel.closeRequested()
        }
    }
}
