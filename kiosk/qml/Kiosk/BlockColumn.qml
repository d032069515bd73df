import QtQuick

// A page or an answer: its blocks one under another.
Column {
    id: column

    required property Ui ui
    property var blocks: []
    property int highlightedBlock: -1
    signal linkActivated(string link)

    spacing: ui.gap * 1.25

    Repeater {
        model: column.blocks
        delegate: BlockView {
            required property var modelData
            required property int index
            objectName: "block_" + index
            ui: column.ui
            block: modelData
            width: column.width
            highlighted: index === column.highlightedBlock
            onLinkActivated: link => column.linkActivated(link)
        }
    }
}
