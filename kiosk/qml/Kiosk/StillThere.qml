pragma ComponentBehavior: Bound
import QtQuick
import KioskCore

// "Are you still there?" with a visible countdown and one big button. A touch anywhere on
// it also continues (the app's activity filter sees the touch).
//
// The tap that answers it is the overlay's alone: the activity filter ends the warning on
// the press, before the window delivers that press, so the overlay stays up (`catching`)
// until that finger has lifted, and nothing underneath sees any of it.
Rectangle {
    id: overlay


    readonly property bool warning: SessionPhase.phase === "warning"
    property bool catching: false
    objectName: "stillThere"
    // Answered: gone from sight at once, still taking the touch until the finger lifts.
    color: warning ? Qt.rgba(0, 0, 0, 0.55) : "transparent"
    visible: warning || catching

    onWarningChanged: {
        if (warning) {
            catching = true
        } else if (SessionPhase.phase === "attract") {
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
        onClicked: SessionPhase.moreTime()
    }

    Rectangle {
        anchors.centerIn: parent
        visible: overlay.warning
        width: Math.min(parent.width - 2 * Theme.margin, Theme.fontBody * 26)
        height: card.implicitHeight + Theme.gap * 3
        radius: Theme.radius * 1.5
        color: Theme.surface
        Accessible.role: Accessible.AlertMessage
        Accessible.name: Theme.txt("still_there_title")
        Accessible.description: body.text

        Column {
            id: card
            anchors.centerIn: parent
            width: parent.width - Theme.gap * 3
            spacing: Theme.gap * 1.25
            KText {
                width: parent.width
                role: "title"
                text: Theme.txt("still_there_title")
                horizontalAlignment: Text.AlignHCenter
            }
            KText {
                objectName: "countdown"
                width: parent.width
                role: "title"
                text: SessionPhase.secondsLeft
                font.pixelSize: Theme.fontH1 * 2
                color: Theme.accent
                horizontalAlignment: Text.AlignHCenter
                // The bare number means nothing read out: the sentence under it says it.
                Accessible.name: body.text
            }
            KText {
                id: body
                width: parent.width
                text: Theme.fmt("still_there_body", {"seconds": SessionPhase.secondsLeft})
                horizontalAlignment: Text.AlignHCenter
            }
            KButton {
                objectName: "moreTimeButton"
                width: parent.width
                height: Math.max(implicitHeight, Theme.target * 1.4)
                text: Theme.txt("more_time")
                fontSize: Theme.fontH2
                onActivated: SessionPhase.moreTime()
            }
        }
    }
}
