import QtQuick

// A big, plain touch button. Works with a finger, a mouse, Tab+Enter and screen readers
// (all of that is Tappable's; this is the look).
Tappable {
    id: button

    required property Ui ui
    property string variant: "primary"   // primary | secondary | quiet | urgent
    property real fontSize: ui.fontBody
    property bool bold: true
    property int horizontalAlignment: Text.AlignHCenter
    property alias radius: face.radius
    property alias border: face.border

    implicitHeight: Math.max(ui.target, label.implicitHeight + ui.gap)
    implicitWidth: Math.max(ui.target, label.implicitWidth + 2 * ui.gap * 1.25)

    Rectangle {
        id: face
        anchors.fill: parent
        radius: button.ui.radius
        // Pressed: a darker face and a slight shrink, at once, on every variant.
        color: {
            const base = button.variant === "primary" ? button.ui.accent
                       : button.variant === "urgent" ? button.ui.urgent
                       : button.checked ? button.ui.accentSoft : button.ui.surface
            return button.held ? Qt.darker(base, button.variant === "primary"
                                           || button.variant === "urgent" ? 1.25 : 1.12) : base
        }
        border.width: button.variant === "secondary" || button.variant === "quiet" || button.checked
                      ? Math.max(2, 2 * button.ui.dp) : 0
        border.color: button.checked ? button.ui.accent
                    : button.variant === "quiet" ? button.ui.border : button.ui.accent
        scale: button.held ? 0.96 : 1.0

        Text {
            id: label
            anchors.fill: parent
            anchors.leftMargin: button.ui.gap * 1.25
            anchors.rightMargin: button.ui.gap * 1.25
            text: button.text
            font.family: button.ui.fontFamily
            font.pixelSize: button.fontSize
            font.bold: button.bold
            color: button.variant === "primary" ? button.ui.accentText
                 : button.variant === "urgent" ? button.ui.urgentText : button.ui.accent
            wrapMode: Text.WordWrap
            horizontalAlignment: button.horizontalAlignment
            verticalAlignment: Text.AlignVCenter
        }
    }

    Rectangle {
        // Focus ring for switch and keyboard users.
        anchors.fill: parent
        anchors.margins: -Math.max(4, 4 * button.ui.dp)
        radius: face.radius + 4
        color: "transparent"
        border.width: Math.max(3, 3 * button.ui.dp)
        border.color: button.ui.focus
        visible: button.activeFocus
    }
}
