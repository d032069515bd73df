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

    Text {
        width: parent.width
        text: related.heading
        font.family: related.ui.fontFamily
        font.pixelSize: related.ui.fontH3
        font.bold: true
        color: related.ui.text
        wrapMode: Text.Wrap
        Accessible.role: Accessible.Heading
        Accessible.name: text
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
            onClicked: related.backend.openLink(modelData.target)
        }
    }
}
