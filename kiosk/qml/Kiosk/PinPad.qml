import QtQuick

// The staff PIN pad, opened by five quick taps in the staff corner. Digits stay in this
// item only (never sent anywhere until OK, never logged) and are cleared when it closes.
Rectangle {
    id: pad

    required property Ui ui
    required property QtObject maintenance
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
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * pad.ui.margin, pad.ui.target * 6)
        height: column.implicitHeight + pad.ui.gap * 3
        radius: pad.ui.radius * 1.5
        color: pad.ui.surface
        Accessible.role: Accessible.Dialog
        Accessible.name: pad.ui.txt("pin_title")

        Column {
            id: column
            anchors.centerIn: parent
            width: parent.width - pad.ui.gap * 3
            spacing: pad.ui.gap

            Heading {
                ui: pad.ui
                level: 2
                text: pad.ui.txt("pin_title")
                horizontalAlignment: Text.AlignHCenter
            }

            Text {
                objectName: "pinMessage"
                width: parent.width
                text: !pad.maintenance.pinSet ? pad.ui.txt("pin_not_set")
                    : pad.locked ? pad.ui.fmt("pin_locked", {"seconds": pad.maintenance.lockedSeconds})
                    : pad.maintenance.message === "pin_wrong"
                      ? pad.ui.fmt("pin_wrong", {"count": pad.maintenance.attemptsLeft})
                    : pad.ui.txt("pin_prompt")
                font.family: pad.ui.fontFamily
                font.pixelSize: pad.ui.fontBody
                font.bold: pad.maintenance.message !== ""
                color: pad.ui.text
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                Accessible.role: Accessible.StaticText
                Accessible.name: text
            }

            Row {
                // One dot a digit: the PIN itself is never shown.
                objectName: "pinDots"
                anchors.horizontalCenter: parent.horizontalCenter
                height: pad.ui.fontH1
                spacing: pad.ui.gap / 2
                Repeater {
                    model: pad.digits.length
                    delegate: Rectangle {
                        width: pad.ui.fontBody * 0.8
                        height: width
                        radius: width / 2
                        anchors.verticalCenter: parent.verticalCenter
                        color: pad.ui.text
                    }
                }
            }

            Grid {
                id: keys
                columns: 3
                spacing: pad.ui.gap / 2
                anchors.horizontalCenter: parent.horizontalCenter
                readonly property real key: Math.min(pad.ui.target * 1.25,
                                                     (column.width - 2 * spacing) / 3)
                Repeater {
                    model: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "clear", "0", "ok"]
                    delegate: KButton {
                        required property string modelData
                        objectName: "pinKey_" + modelData
                        ui: pad.ui
                        width: keys.key
                        height: keys.key * 0.8
                        enabled: !pad.locked && pad.maintenance.pinSet
                        opacity: enabled ? 1 : 0.4
                        variant: modelData === "ok" ? "primary" : "secondary"
                        text: modelData === "clear" ? pad.ui.txt("pin_clear")
                            : modelData === "ok" ? pad.ui.txt("pin_ok") : modelData
                        fontSize: modelData.length === 1 ? pad.ui.fontH1 : pad.ui.fontBody
                        onClicked: pad.press(modelData)
                    }
                }
            }

            KButton {
                objectName: "pinCancel"
                ui: pad.ui
                width: parent.width
                variant: "quiet"
                text: pad.ui.txt("pin_cancel")
                onClicked: pad.maintenance.cancelPin()
            }
        }
    }
}
