pragma ComponentBehavior: Bound
import QtQuick
import KioskCore

// "Related questions": big buttons for internal links.
Column {
    id: related

    property RecordListModel links: null
    property string heading: Theme.txt("related_heading")

    spacing: Theme.gap * 0.75
    visible: links !== null && links.count > 0

    KText {
        width: parent.width
        role: "heading"
        level: 3
        text: related.heading
    }

    Repeater {
        model: related.links
        delegate: KButton {
            id: link
            required property string kind
            required property string id
            required property string title
            required property string target
            objectName: "related_" + link.id
            width: related.width
            iconName: link.kind === "explainer" ? "page" : "question"
            text: link.title
            variant: "secondary"
            bold: false
            horizontalAlignment: Text.AlignLeft
            onActivated: Navigation.openLink(link.target)
        }
    }
}
