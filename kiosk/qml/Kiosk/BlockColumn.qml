pragma ComponentBehavior: Bound
import QtQuick
import KioskCore

// A page or an answer: its blocks one under another.
Column {
    id: column

    property RecordListModel blocks: null
    property int highlightedBlock: -1
    signal linkActivated(string link)

    spacing: Theme.gap * 1.25

    Repeater {
        model: column.blocks
        delegate: BlockView {
            required property int index
            objectName: "block_" + index
            width: column.width
            highlighted: index === column.highlightedBlock
            onLinkActivated: link => column.linkActivated(link)
        }
    }
}
