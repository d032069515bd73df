pragma ComponentBehavior: Bound
import QtQuick

// "Page 2 of 5" as dots; the current page is a longer, filled dot.
Row {
    id: dots

    property int count: 0
    property int current: 0

    spacing: Theme.gap * 0.6
    Accessible.role: Accessible.Indicator
    Accessible.name: Theme.fmt("page_of", {"page": current + 1, "count": count})

    Repeater {
        model: dots.count
        delegate: Rectangle {
            required property int index
            anchors.verticalCenter: parent.verticalCenter
            width: index === dots.current ? Theme.gap * 2 : Theme.gap * 0.8
            height: Theme.gap * 0.8
            radius: height / 2
            color: index === dots.current ? Theme.accent : Theme.border
        }
    }
}
