pragma ComponentBehavior: Bound
import QtQuick
import KioskCore

// The staff PIN pad, opened by five quick taps in the staff corner. Digits stay in this
// item only (never sent anywhere until OK, never logged) and are cleared when it closes.
Rectangle {
    id: pad

    required property Maintenance maintenance
    property string digits: ""
    readonly property bool locked: maintenance.message === "pin_locked"
    readonly property int maxDigits: 8

    objectName: "pinPad"
    color: Qt.rgba(0, 0, 0, 0.6)
    focus: visible
    onVisibleChanged: {
        digits = ""
        if (visible)
            forceActiveFocus()
    }

    function press(key) {
        if (locked || !maintenance.pinSet)
            return
        if (key === "clear")
            digits = ""
        else if (key === "ok") {
            if (digits.length > 0)
                maintenance.submitPin(digits)
            digits = ""
        } else if (digits.length < maxDigits)
            digits += key
    }

    // A hardware keyboard works too: digits, Backspace, Enter.
    Keys.onPressed: (event) => {
        if (event.text >= "0" && event.text <= "9" && event.text.length === 1)
            press(event.text)
        else if (event.key === Qt.Key_Backspace)
            digits = digits.slice(0, -1)
        else if (event.key === Qt.Key_Return || event.key === Qt.Key_Enter)
            press("ok")
        else
            return
        event.accepted = true
    }

    MouseArea {
        // Nothing underneath reacts while the pad is open.
        anchors.fill: parent
    }

    Rectangle {
        id: card
        readonly property bool wide: !Theme.portrait
        anchors.centerIn: parent
        // Wider as the text grows, so the keys keep room for their labels; side by side on a
        // landscape screen, so the pad fits the height at any text size.
        width: Math.min(parent.width - 2 * Theme.margin,
                        wide ? Math.max(Theme.target * 11, Theme.fontBody * 26)
                             : Math.max(Theme.target * 6, Theme.fontBody * 14))
        height: Math.min(parent.height - 2 * Theme.margin, layout.implicitHeight + Theme.gap * 3)
        radius: Theme.radius * 1.5
        color: Theme.surface
        Accessible.role: Accessible.Dialog
        Accessible.name: Theme.txt("pin_title")

        Grid {
            id: layout
            anchors.centerIn: parent
            columns: card.wide ? 2 : 1
            spacing: Theme.gap * 1.5
            readonly property real cell: card.wide ? (card.width - Theme.gap * 3 - spacing) / 2
                                                   : card.width - Theme.gap * 3
            verticalItemAlignment: Grid.AlignVCenter

            Column {
                id: column
                width: layout.cell
                spacing: Theme.gap

                KText {
                    width: parent.width
                    role: "heading"
                    level: 2
                    text: Theme.txt("pin_title")
                    horizontalAlignment: Text.AlignHCenter
                }

                KText {
                    objectName: "pinMessage"
                    width: parent.width
                    text: !pad.maintenance.pinSet ? Theme.txt("pin_not_set")
                        : pad.locked ? Theme.fmt("pin_locked", {"seconds": pad.maintenance.lockedSeconds})
                        : pad.maintenance.message === "pin_wrong"
                          ? Theme.fmt("pin_wrong", {"count": pad.maintenance.attemptsLeft})
                        : Theme.txt("pin_prompt")
                    font.bold: pad.maintenance.message !== ""
                    horizontalAlignment: Text.AlignHCenter
                }

                Row {
                    // One dot a digit: the PIN itself is never shown.
                    objectName: "pinDots"
                    anchors.horizontalCenter: parent.horizontalCenter
                    height: Theme.fontH1
                    spacing: Theme.gap / 2
                    Repeater {
                        model: pad.digits.length
                        delegate: Rectangle {
                            width: Theme.fontBody * 0.8
                            height: width
                            radius: width / 2
                            anchors.verticalCenter: parent.verticalCenter
                            color: Theme.text
                        }
                    }
                }

                KButton {
                    objectName: "pinCancel"
                    width: parent.width
                    variant: "quiet"
                    text: Theme.txt("pin_cancel")
                    onActivated: pad.maintenance.cancelPin()
                }
            }

            Grid {
                id: keys
                columns: 3
                spacing: Theme.gap / 2
                readonly property real key: (layout.cell - 2 * spacing) / 3
                // In landscape the four rows must fit the screen's height too.
                readonly property real keyHeight: card.wide
                    ? Math.max(Theme.target, Math.min(key * 0.7,
                        (pad.height - 2 * Theme.margin - Theme.gap * 3 - 3 * spacing) / 4))
                    : Math.max(Theme.target, key * 0.7)
                Repeater {
                    model: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "clear", "0", "ok"]
                    delegate: KButton {
                        required property string modelData
                        objectName: "pinKey_" + modelData
                        repeatable: modelData !== "ok"   // "1111" is four quick taps
                        width: keys.key
                        height: keys.keyHeight
                        enabled: !pad.locked && pad.maintenance.pinSet
                        opacity: enabled ? 1 : 0.4
                        variant: modelData === "ok" ? "primary" : "secondary"
                        text: modelData === "clear" ? Theme.txt("pin_clear")
                            : modelData === "ok" ? Theme.txt("pin_ok") : modelData
                        fontSize: modelData.length === 1 ? Theme.fontH1 : Theme.fontSmall
                        onActivated: pad.press(modelData)
                    }
                }
            }
        }
    }
}
