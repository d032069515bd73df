import QtQuick

// "Related questions": big buttons for internal links.
Column {
    id: related

    required property Ui ui
    required property QtObject backend
    property var links: []
    property string heading: ui.txt("related_heading")

    spacing: ui.gap * 0.75
    visible: links.length > 0

    Heading {
        ui: related.ui
        level: 3
        text: related.heading
    }

    Repeater {
        model: related.links
        delegate: KButton {
            required property var modelData
            objectName: "related_" + modelData.id
            ui: related.ui
            width: related.width
            text: (modelData.kind === "explainer" ? "▸  " : "?  ") + modelData.title
            accessibleName: modelData.title
            variant: "secondary"
            bold: false
            horizontalAlignment: Text.AlignLeft
            onActivated: related.backend.openLink(modelData.target)
        }
    }
}
