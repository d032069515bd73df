import QtQuick
import QtQuick.Window

// Text size, high contrast, less motion, start over: one tap from every screen.
Rectangle {
    id: panel

    required property Ui ui
    required property QtObject backend
    signal closeRequested()

    objectName: "displayPanel"
    width: Math.min(ui.fontBody * 20, parent ? parent.width - 2 * ui.gap : 600)
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
            text: ui.txt("text_size") + ": " + Math.round(panel.backend.textScale * 100) + "%"
            font.family: ui.fontFamily
            font.pixelSize: ui.fontBody
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
                variant: "secondary"
                enabled: panel.backend.textScale > 1.0
                opacity: enabled ? 1 : 0.4
                onClicked: panel.backend.smallerText()
            }
            KButton {
                id: bigger
                objectName: "biggerText"
                ui: panel.ui
                text: "A+"
                accessibleName: ui.txt("bigger_text")
                fontSize: ui.fontH2
                variant: "secondary"
                enabled: panel.backend.textScale < 2.0
                opacity: enabled ? 1 : 0.4
                onClicked: panel.backend.biggerText()
            }
        }
        KButton {
            id: contrast
            objectName: "highContrast"
            ui: panel.ui
            checkable: true
            width: parent.width
            text: ui.txt("high_contrast")
            variant: "quiet"
            checked: panel.backend.highContrast
            onClicked: panel.backend.setHighContrast(!panel.backend.highContrast)
        }
        KButton {
            objectName: "reducedMotion"
            ui: panel.ui
            checkable: true
            width: parent.width
            text: ui.txt("reduced_motion")
            variant: "quiet"
            checked: panel.backend.reducedMotion
            onClicked: panel.backend.setReducedMotion(!panel.backend.reducedMotion)
        }
        KButton {
            objectName: "closeDisplay"
            ui: panel.ui
            width: parent.width
            text: ui.txt("close_button")
            onClicked: panel.closeRequested()
        }
    }
}
