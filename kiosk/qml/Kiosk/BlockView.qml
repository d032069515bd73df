import QtQuick

// One content block, drawn with the native component for its kind.
Item {
    id: view

    required property Ui ui
    required property var block
    property bool highlighted: false
    signal linkActivated(string link)

    implicitHeight: loader.implicitHeight
    height: implicitHeight
    // The block being read aloud scrolls into view, so the patient can follow it.
    onHighlightedChanged: if (highlighted) ui.reveal(view)

    Rectangle {
        // Marks the block being read aloud.
        anchors.fill: parent
        anchors.margins: -ui.gap / 2
        radius: ui.radius / 2
        color: ui.accentSoft
        visible: view.highlighted
    }

    Loader {
        id: loader
        width: parent.width
        sourceComponent: {
            switch (view.block.kind) {
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

    component BodyText: Text {
        width: parent ? parent.width : 0
        font.family: view.ui.fontFamily
        font.pixelSize: view.ui.fontBody
        color: view.ui.text
        linkColor: view.ui.accent
        wrapMode: Text.Wrap
        textFormat: Text.StyledText
        lineHeight: 1.25
        onLinkActivated: link => view.linkActivated(link)
    }

    Component {
        id: heading
        BodyText {
            text: view.block.text
            font.pixelSize: view.block.level <= 3 ? view.ui.fontH2 : view.ui.fontH3
            font.bold: true
            lineHeight: 1.1
            Accessible.role: Accessible.Heading
            Accessible.name: view.block.plain
        }
    }

    Component {
        id: paragraph
        BodyText { text: view.block.text }
    }

    Component {
        id: bullets
        Column {
            spacing: view.ui.gap / 2
            Repeater {
                model: view.block.items
                delegate: Row {
                    id: bulletRow
                    required property string modelData
                    width: parent.width
                    spacing: view.ui.gap
                    Rectangle {
                        y: view.ui.fontBody * 0.55
                        width: view.ui.fontBody * 0.35
                        height: width
                        radius: width / 2
                        color: view.ui.accent
                    }
                    BodyText {
                        width: bulletRow.width - view.ui.fontBody * 0.35 - view.ui.gap
                        text: bulletRow.modelData
                    }
                }
            }
        }
    }

    Component {
        id: steps
        Column {
            spacing: view.ui.gap
            Repeater {
                model: view.block.items
                delegate: Row {
                    id: stepRow
                    required property string modelData
                    required property int index
                    width: parent.width
                    spacing: view.ui.gap
                    Rectangle {
                        width: view.ui.fontBody * 1.6
                        height: width
                        radius: width / 2
                        color: view.ui.accent
                        Text {
                            anchors.centerIn: parent
                            text: stepRow.index + 1
                            font.family: view.ui.fontFamily
                            font.pixelSize: view.ui.fontBody * 0.9
                            font.bold: true
                            color: view.ui.accentText
                        }
                    }
                    BodyText {
                        width: stepRow.width - view.ui.fontBody * 1.6 - view.ui.gap
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
            spacing: view.ui.gap / 2
            Item {
                width: parent.width
                implicitHeight: image.status === Image.Error ? missing.implicitHeight
                                : Math.min(image.implicitHeight, view.ui.windowHeight * 0.38)
                height: implicitHeight
                Image {
                    id: image
                    anchors.fill: parent
                    source: view.block.src
                    fillMode: Image.PreserveAspectFit
                    sourceSize.width: Math.min(parent.width, 1200)
                    smooth: true
                    Accessible.role: Accessible.Graphic
                    Accessible.name: view.block.alt
                }
                Rectangle {
                    id: missing
                    // A missing picture still tells what it would have shown.
                    visible: image.status === Image.Error
                    width: parent.width
                    implicitHeight: altText.implicitHeight + 2 * view.ui.gap
                    color: view.ui.surface
                    border.color: view.ui.border
                    radius: view.ui.radius
                    BodyText {
                        id: altText
                        x: view.ui.gap
                        y: view.ui.gap
                        width: parent.width - 2 * view.ui.gap
                        text: view.block.alt
                        color: view.ui.muted
                    }
                }
            }
            BodyText {
                objectName: "pictureCaption"
                visible: image.status !== Image.Error && text !== ""
                text: view.block.alt
                textFormat: Text.PlainText
                color: view.ui.muted
                font.italic: true
                horizontalAlignment: Text.AlignHCenter
                Accessible.ignored: true  // the picture already carries it as its name
            }
        }
    }

    Component {
        id: callout
        Rectangle {
            implicitHeight: calloutColumn.implicitHeight + 2 * view.ui.gap
            radius: view.ui.radius
            color: view.ui.calloutColor(view.block.variant)
            border.color: view.ui.border
            border.width: 1
            Rectangle {
                width: Math.max(6, 6 * view.ui.dp)
                height: parent.height
                radius: width / 2
                color: view.ui.accent
            }
            Column {
                id: calloutColumn
                x: view.ui.gap * 1.75
                y: view.ui.gap
                width: parent.width - view.ui.gap * 2.75
                spacing: view.ui.gap / 2
                BodyText {
                    visible: text.length > 0
                    text: view.block.title
                    font.bold: true
                }
                BodyText { text: view.block.text }
            }
        }
    }

    Component {
        id: table
        Column {
            id: tableColumn
            readonly property int columns: Math.max(1, view.block.header.length)
            spacing: 0
            Repeater {
                model: [view.block.header].concat(view.block.rows)
                delegate: Rectangle {
                    id: tableRow
                    required property var modelData
                    required property int index
                    width: tableColumn.width
                    implicitHeight: cells.implicitHeight + view.ui.gap
                    height: implicitHeight
                    color: index === 0 ? view.ui.accentSoft : index % 2 ? view.ui.surface : view.ui.background
                    border.color: view.ui.border
                    border.width: 1
                    Row {
                        id: cells
                        x: view.ui.gap / 2
                        y: view.ui.gap / 2
                        spacing: view.ui.gap
                        Repeater {
                            model: tableRow.modelData
                            delegate: BodyText {
                                required property string modelData
                                width: (tableColumn.width - view.ui.gap * tableColumn.columns) / tableColumn.columns
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
