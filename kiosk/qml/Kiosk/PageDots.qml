import QtQuick

// "Page 2 of 5" as dots; the current page is a longer, filled dot.
Row {
    id: dots

    required property Ui ui
    property int count: 0
    property int current: 0

    spacing: ui.gap * 0.6
    Accessible.role: Accessible.Indicator
    Accessible.name: ui.fmt("page_of", {"page": current + 1, "count": count})

    Repeater {
        model: dots.count
        delegate: Rectangle {
            required property int index
            anchors.verticalCenter: parent.verticalCenter
            width: index === dots.current ? dots.ui.gap * 2 : dots.ui.gap * 0.8
            height: dots.ui.gap * 0.8
            radius: height / 2
            color: index === dots.current ? dots.ui.accent : dots.ui.border
        }
    }
}
