import QtQuick

// "Are you still there?" with a visible countdown and one big button. A touch anywhere on
// it also continues (the app's activity filter sees the touch).
//
// The tap that answers it is the overlay's alone: the activity filter ends the warning on
// the press, before the window delivers that press, so the overlay stays up (`catching`)
// until that finger has lifted, and nothing underneath sees any of it.
Rectangle {
    id: overlay

    required property Ui ui
    required property QtObject backend

    readonly property bool warning: backend.phase === "warning"
    property bool catching: false
    objectName: "stillThere"
    // Answered: gone from sight at once, still taking the touch until the finger lifts.
    color: warning ? Qt.rgba(0, 0, 0, 0.55) : "transparent"
    visible: warning || catching

    onWarningChanged: {
        if (warning) {
            catching = true
        } else if (backend.phase === "attract") {
            catching = false   // timed out: the attract screen takes over at once
        } else {
            letGo.restart()
        }
    }

    Timer {
        // Long enough for the press that answered to arrive and the finger to lift.
        id: letGo
        interval: 400
        onTriggered: if (catcher.pressed) restart(); else overlay.catching = false
    }

    MouseArea {
        // Swallow touches so nothing underneath changes while the patient decides.
        id: catcher
        anchors.fill: parent
        onClicked: overlay.backend.moreTime()
    }

    Rectangle {
        anchors.centerIn: parent
        visible: overlay.warning
        width: Math.min(parent.width - 2 * ui.margin, ui.fontBody * 26)
        height: card.implicitHeight + ui.gap * 3
        radius: ui.radius * 1.5
        color: ui.surface
        Accessible.role: Accessible.AlertMessage
        Accessible.name: ui.txt("still_there_title")
        Accessible.description: body.text

        Column {
            id: card
            anchors.centerIn: parent
            width: parent.width - ui.gap * 3
            spacing: ui.gap * 1.25
            Text {
                width: parent.width
                text: ui.txt("still_there_title")
                font.family: ui.fontFamily
                font.pixelSize: ui.fontH1
                font.bold: true
                color: ui.text
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
            }
            Text {
                objectName: "countdown"
                width: parent.width
                text: overlay.backend.secondsLeft
                font.family: ui.fontFamily
                font.pixelSize: ui.fontH1 * 2
                font.bold: true
                color: ui.accent
                horizontalAlignment: Text.AlignHCenter
                Accessible.role: Accessible.StaticText
                Accessible.name: body.text
            }
            Text {
                id: body
                width: parent.width
                text: ui.fmt("still_there_body", {"seconds": overlay.backend.secondsLeft})
                font.family: ui.fontFamily
                font.pixelSize: ui.fontBody
                color: ui.text
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
            }
            KButton {
                objectName: "moreTimeButton"
                ui: overlay.ui
                width: parent.width
                height: Math.max(implicitHeight, ui.target * 1.4)
                text: ui.txt("more_time")
                fontSize: ui.fontH2
                onActivated: overlay.backend.moreTime()
            }
        }
    }
}
