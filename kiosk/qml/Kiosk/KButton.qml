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
    property string iconName: ""         // a drawn icon (assets/icons) beside the label
    property bool iconAfter: false       // after the label ("Next >") instead of before

    readonly property real sidePadding: Theme.gap * 1.25
    readonly property real iconSize: iconName !== "" ? Math.round(fontSize * 1.1) : 0
    // The icon and the gap between it and the label (no gap for an icon on its own).
    readonly property real iconSpace: iconSize + (iconName !== "" && text !== "" ? Math.round(fontSize * 0.5) : 0)

    implicitHeight: Math.max(Theme.target, Math.max(label.implicitHeight, iconSize) + Theme.gap)
    implicitWidth: Math.max(Theme.target, label.implicitWidth + iconSpace + 2 * sidePadding)

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

        Item {
            // Icon and label side by side: centred as one, or from the start edge.
            id: content
            readonly property real labelWidth: Math.min(label.implicitWidth,
                                                        face.width - 2 * button.sidePadding - button.iconSpace)
            readonly property color ink: button.variant === "primary" ? Theme.accentText
                                       : button.variant === "urgent" ? Theme.urgentText : Theme.accent
            width: labelWidth + button.iconSpace
            height: parent.height
            x: button.horizontalAlignment === Text.AlignLeft ? button.sidePadding : (face.width - width) / 2

            Icon {
                objectName: button.objectName !== "" ? button.objectName + "Icon" : ""
                name: button.iconName
                color: content.ink
                size: button.iconSize
                x: button.iconAfter ? content.width - width : 0
                anchors.verticalCenter: parent.verticalCenter
            }

            KText {
                id: label
                x: button.iconAfter ? 0 : button.iconSpace
                width: content.labelWidth
                height: parent.height
                role: "label"
                text: button.text
                font.pixelSize: button.fontSize
                font.bold: button.bold
                color: content.ink
                wrapMode: Text.WordWrap
                horizontalAlignment: button.horizontalAlignment
                verticalAlignment: Text.AlignVCenter
            }
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
