import QtQuick

// A big, plain touch button. Works with a finger, a mouse, Tab+Enter and screen readers.
Rectangle {
    id: button

    required property Ui ui
    property string text
    property string accessibleName: text
    property string variant: "primary"   // primary | secondary | quiet | urgent
    property bool checked: false
    property bool checkable: false       // an on/off switch: screen readers say "checked"
    property real fontSize: ui.fontBody
    property bool bold: true
    property int horizontalAlignment: Text.AlignHCenter
    signal clicked()

    implicitHeight: Math.max(ui.target, label.implicitHeight + ui.gap)
    implicitWidth: Math.max(ui.target, label.implicitWidth + 2 * ui.gap * 1.25)
    radius: ui.radius
    color: variant === "primary" ? ui.accent
         : variant === "urgent" ? ui.urgent
         : checked ? ui.accentSoft : ui.surface
    border.width: variant === "secondary" || variant === "quiet" || checked ? Math.max(2, 2 * ui.dp) : 0
    border.color: checked ? ui.accent : variant === "quiet" ? ui.border : ui.accent
    scale: tap.pressed ? 0.97 : 1.0

    activeFocusOnTab: true
    Accessible.role: Accessible.Button
    Accessible.name: accessibleName
    Accessible.checkable: checkable
    Accessible.checked: checked
    Accessible.onPressAction: button.clicked()
    Keys.onReturnPressed: button.clicked()
    Keys.onEnterPressed: button.clicked()
    Keys.onSpacePressed: button.clicked()

    Text {
        id: label
        anchors.fill: parent
        anchors.leftMargin: ui.gap * 1.25
        anchors.rightMargin: ui.gap * 1.25
        text: button.text
        font.family: ui.fontFamily
        font.pixelSize: button.fontSize
        font.bold: button.bold
        color: button.variant === "primary" ? ui.accentText
             : button.variant === "urgent" ? ui.urgentText : ui.accent
        wrapMode: Text.WordWrap
        horizontalAlignment: button.horizontalAlignment
        verticalAlignment: Text.AlignVCenter
    }

    Rectangle {
        // Focus ring for switch and keyboard users.
        anchors.fill: parent
        anchors.margins: -Math.max(4, 4 * ui.dp)
        radius: button.radius + 4
        color: "transparent"
        border.width: Math.max(3, 3 * ui.dp)
        border.color: ui.focus
        visible: button.activeFocus
    }

    TapHandler {
        id: tap
        // Take the press for this button alone, so a tap never also reaches what lies
        // underneath (a card under a panel); a parent Flickable can still take over a drag.
        gesturePolicy: TapHandler.ReleaseWithinBounds
        onTapped: button.clicked()
    }
}
