pragma ComponentBehavior: Bound
import QtQuick

// Tells the patient a page goes on below the fold, and scrolls it on a tap. Place it as a
// direct child of the Flickable (parent: theFlickable) so it stays put while content moves.
Item {
    id: cue

    required property Flickable flickable

    objectName: "moreBelow"
    anchors.left: parent.left
    anchors.right: parent.right
    anchors.bottom: parent.bottom
    height: button.height + Theme.gap * 1.5
    z: 1
    // The furthest the view scrolls (originY is not 0 when a list has a header).
    readonly property real end: flickable.originY + flickable.contentHeight + flickable.bottomMargin
                                - flickable.height
    visible: end - flickable.contentY > Theme.gap

    Rectangle {
        // Fades the last line into the background so the cut is clearly "more", not "end".
        anchors.fill: parent
        gradient: Gradient {
            GradientStop { position: 0.0; color: Qt.rgba(Theme.background.r, Theme.background.g, Theme.background.b, 0) }
            GradientStop { position: 0.45; color: Theme.background }
        }
    }

    KButton {
        id: button
        objectName: "moreBelowButton"
        repeatable: true   // each tap scrolls on
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.bottom: parent.bottom
        anchors.bottomMargin: Theme.gap / 2
        text: "⌄  " + Theme.txt("more_below")
        accessibleName: Theme.txt("more_below")
        variant: "secondary"
        fontSize: Theme.fontSmall
        onActivated: {
            const f = cue.flickable
            f.contentY = Math.min(f.contentY + f.height * 0.75, cue.end)
        }
    }
}
