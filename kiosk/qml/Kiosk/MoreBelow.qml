pragma ComponentBehavior: Bound
import QtQuick

// Tells the patient a page goes on below the fold, and scrolls it on a tap. Place it as a
// direct child of the Flickable (parent: theFlickable) and give that Flickable
// `bottomMargin: <cue>.reserve`: the cue is then an opaque band of its own at the foot of
// the view, so no line of text ever sits under the button, and at the end of the page the
// last line stops above the band instead of behind it.
Item {
    id: cue

    required property Flickable flickable

    // Whether the page is longer than the view, measured without the band's own margin,
    // so showing the band cannot change whether it is needed.
    readonly property bool needed: flickable.contentHeight + flickable.topMargin
                                   > flickable.height + Theme.gap
    // The band's height, which the Flickable adds below its content.
    readonly property real reserve: needed ? button.height + Theme.gap : 0
    // The furthest the view scrolls (originY is not 0 when a list has a header).
    readonly property real end: flickable.originY + flickable.contentHeight + flickable.bottomMargin
                                - flickable.height
    readonly property bool more: end - flickable.contentY > Theme.gap / 2

    objectName: "moreBelow"
    anchors.left: parent.left
    anchors.right: parent.right
    anchors.bottom: parent.bottom
    height: reserve
    visible: needed
    z: 1

    Rectangle {
        // The band itself: content scrolls behind it, never through it.
        anchors.fill: parent
        color: Theme.background
    }

    Rectangle {
        // A hairline says "the page goes on" while it does; at the end the band is
        // just the page's bottom margin.
        objectName: "moreBelowEdge"
        width: parent.width
        height: 1
        color: Theme.border
        visible: cue.more
    }

    MouseArea {
        // A tap on the band beside the button must not reach a row hidden behind it.
        // Drags still go to the Flickable, which takes them over from this area.
        anchors.fill: parent
        acceptedButtons: Qt.LeftButton
    }

    KButton {
        id: button
        objectName: "moreBelowButton"
        repeatable: true   // each tap scrolls on
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.bottom: parent.bottom
        anchors.bottomMargin: Theme.gap / 2
        visible: cue.more
        iconName: "more-below"
        text: Theme.txt("more_below")
        variant: "secondary"
        fontSize: Theme.fontSmall
        onActivated: {
            // Three quarters of what shows above the band: the line that was cut at the
            // band's edge is in full view after the tap, so nothing is skipped.
            const f = cue.flickable
            f.contentY = Math.min(f.contentY + (f.height - cue.reserve) * 0.75, cue.end)
        }
    }
}
