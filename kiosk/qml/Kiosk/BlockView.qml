pragma ComponentBehavior: Bound
import QtQuick
import KioskCore

// One content block, drawn with the native component for its kind.
Item {
    id: view

    // One row of a block model (BlockRole in kiosk/qt/roles.py).
    required property string kind
    required property string body   // the block's rich text
    required property int level
    required property list<string> items
    required property string src
    required property string alt
    required property string variant
    required property string title
    required property list<string> header
    required property var rows
    required property string plain
    property bool highlighted: false
    signal linkActivated(string link)

    implicitHeight: loader.implicitHeight
    height: implicitHeight
    // The block being read aloud scrolls into view, so the patient can follow it.
    onHighlightedChanged: if (highlighted) Scroll.reveal(view)

    Rectangle {
        // Marks the block being read aloud.
        anchors.fill: parent
        anchors.margins: -Theme.gap / 2
        radius: Theme.radius / 2
        color: Theme.accentSoft
        visible: view.highlighted
    }

    Loader {
        id: loader
        width: parent.width
        sourceComponent: {
            switch (view.kind) {
            case "heading": return heading
            case "list": return bullets
            case "steps": return steps
            case "image": return picture
            case "callout": return callout
            case "table": return table
            default: return paragraph
            }
        }
    }

    // The content's rich text: prose KText whose links go to the block's signal.
    component BodyText: KText {
        width: parent ? parent.width : 0
        prose: true
        textFormat: Text.StyledText
        onLinkActivated: link => view.linkActivated(link)
    }

    Component {
        id: heading
        BodyText {
            role: "heading"
            level: view.level <= 3 ? 2 : 3   // the page's own title is the level 1
            text: view.body
            Accessible.name: view.plain
        }
    }

    Component {
        id: paragraph
        BodyText { text: view.body }
    }

    Component {
        id: bullets
        Column {
            spacing: Theme.gap / 2
            Repeater {
                model: view.items
                delegate: Row {
                    id: bulletRow
                    required property string modelData
                    width: parent.width
                    spacing: Theme.gap
                    Rectangle {
                        y: Theme.fontBody * 0.55
                        width: Theme.fontBody * 0.35
                        height: width
                        radius: width / 2
                        color: Theme.accent
                    }
                    BodyText {
                        width: bulletRow.width - Theme.fontBody * 0.35 - Theme.gap
                        text: bulletRow.modelData
                    }
                }
            }
        }
    }

    Component {
        id: steps
        Column {
            spacing: Theme.gap
            Repeater {
                model: view.items
                delegate: Row {
                    id: stepRow
                    required property string modelData
                    required property int index
                    width: parent.width
                    spacing: Theme.gap
                    Rectangle {
                        width: Theme.fontBody * 1.6
                        height: width
                        radius: width / 2
                        color: Theme.accent
                        KText {
                            anchors.centerIn: parent
                            role: "label"
                            text: stepRow.index + 1
                            font.pixelSize: Theme.fontBody * 0.9
                            color: Theme.accentText
                        }
                    }
                    BodyText {
                        width: stepRow.width - Theme.fontBody * 1.6 - Theme.gap
                        anchors.verticalCenter: parent.verticalCenter
                        text: stepRow.modelData
                    }
                }
            }
        }
    }

    Component {
        id: picture
        // A picture with its caption (the alt text) shown under it: patients see what the
        // picture is meant to tell them (PEMAT item 17).
        Column {
            spacing: Theme.gap / 2
            Item {
                width: parent.width
                implicitHeight: image.status === Image.Error ? missing.implicitHeight
                                : Math.min(image.implicitHeight, Theme.windowHeight * 0.38)
                height: implicitHeight
                Image {
                    id: image
                    anchors.fill: parent
                    source: view.src
                    fillMode: Image.PreserveAspectFit
                    sourceSize.width: Math.min(parent.width, 1200)
                    smooth: true
                    Accessible.role: Accessible.Graphic
                    Accessible.name: view.alt
                }
                Rectangle {
                    id: missing
                    // A missing picture still tells what it would have shown.
                    visible: image.status === Image.Error
                    width: parent.width
                    implicitHeight: altText.implicitHeight + 2 * Theme.gap
                    color: Theme.surface
                    border.color: Theme.border
                    radius: Theme.radius
                    BodyText {
                        id: altText
                        x: Theme.gap
                        y: Theme.gap
                        width: parent.width - 2 * Theme.gap
                        text: view.alt
                        color: Theme.muted
                    }
                }
            }
            BodyText {
                objectName: "pictureCaption"
                visible: image.status !== Image.Error && text !== ""
                text: view.alt
                textFormat: Text.PlainText
                color: Theme.muted
                font.italic: true
                horizontalAlignment: Text.AlignHCenter
                Accessible.ignored: true  // the picture already carries it as its name
            }
        }
    }

    Component {
        id: callout
        Rectangle {
            implicitHeight: calloutColumn.implicitHeight + 2 * Theme.gap
            radius: Theme.radius
            color: Theme.calloutColor(view.variant)
            border.color: Theme.border
            border.width: 1
            Rectangle {
                width: Math.max(6, 6 * Theme.dp)
                height: parent.height
                radius: width / 2
                color: Theme.accent
            }
            Column {
                id: calloutColumn
                x: Theme.gap * 1.75
                y: Theme.gap
                width: parent.width - Theme.gap * 2.75
                spacing: Theme.gap / 2
                BodyText {
                    visible: text.length > 0
                    text: view.title
                    font.bold: true
                }
                BodyText { text: view.body }
            }
        }
    }

    Component {
        id: table
        Column {
            id: tableColumn
            readonly property int columns: Math.max(1, view.header.length)
            spacing: 0
            Repeater {
                model: [view.header].concat(view.rows)
                delegate: Rectangle {
                    id: tableRow
                    required property var modelData
                    required property int index
                    width: tableColumn.width
                    implicitHeight: cells.implicitHeight + Theme.gap
                    height: implicitHeight
                    color: index === 0 ? Theme.accentSoft : index % 2 ? Theme.surface : Theme.background
                    border.color: Theme.border
                    border.width: 1
                    Row {
                        id: cells
                        x: Theme.gap / 2
                        y: Theme.gap / 2
                        spacing: Theme.gap
                        Repeater {
                            model: tableRow.modelData
                            delegate: BodyText {
                                required property string modelData
                                width: (tableColumn.width - Theme.gap * tableColumn.columns) / tableColumn.columns
                                text: modelData
                                font.bold: tableRow.index === 0
                            }
                        }
                    }
                }
            }
        }
    }
}
