pragma ComponentBehavior: Bound
import QtQuick

// A big, plain touch button. Works with a finger, a mouse, Tab+Enter and screen readers
// (all of that is Tappable's; this is the look).
Tappable {
    id: button

    property string variant: "primary"   // primary | secondary | quiet | urgent
    property real fontSize: Theme.fontBody
    property bool bold: true
    property int horizontalAlignment: Text.AlignHCenter
    property alias radius: face.radius
    property alias border: face.border

    implicitHeight: Math.max(Theme.target, label.implicitHeight + Theme.gap)
    implicitWidth: Math.max(Theme.target, label.implicitWidth + 2 * Theme.gap * 1.25)

    Rectangle {
        id: face
        anchors.fill: parent
        radius: Theme.radius
        // Pressed: a darker face and a slight shrink, at once, on every variant.
        color: {
            const base = button.variant === "primary" ? Theme.accent
                       : button.variant === "urgent" ? Theme.urgent
                       : button.checked ? Theme.accentSoft : Theme.surface
            return button.held ? Qt.darker(base, button.variant === "primary"
                                           || button.variant === "urgent" ? 1.25 : 1.12) : base
        }
        border.width: button.variant === "secondary" || button.variant === "quiet" || button.checked
                      ? Math.max(2, 2 * Theme.dp) : 0
        border.color: button.checked ? Theme.accent
                    : button.variant === "quiet" ? Theme.border : Theme.accent
        scale: button.held ? 0.96 : 1.0

        KText {
            id: label
            anchors.fill: parent
            anchors.leftMargin: Theme.gap * 1.25
            anchors.rightMargin: Theme.gap * 1.25
            role: "label"
            text: button.text
            font.pixelSize: button.fontSize
            font.bold: button.bold
            color: button.variant === "primary" ? Theme.accentText
                 : button.variant === "urgent" ? Theme.urgentText : Theme.accent
            wrapMode: Text.WordWrap
            horizontalAlignment: button.horizontalAlignment
            verticalAlignment: Text.AlignVCenter
        }
    }

    Rectangle {
        // Focus ring for switch and keyboard users.
        anchors.fill: parent
        anchors.margins: -Math.max(4, 4 * Theme.dp)
        radius: face.radius + 4
        color: "transparent"
        border.width: Math.max(3, 3 * Theme.dp)
        border.color: Theme.focus
        visible: button.activeFocus
    }
}
