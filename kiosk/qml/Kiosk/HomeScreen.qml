import QtQuick

// Explainer cards, question topics and search, in one calm scrolling page.
Flickable {
    id: screen

    required property Ui ui
    required property QtObject backend

    objectName: "homeScreen"
    contentHeight: column.implicitHeight + 2 * ui.margin
    clip: true
    boundsBehavior: Flickable.StopAtBounds

    readonly property int columns: width > ui.fontBody * 44 ? 3 : width > ui.fontBody * 22 ? 2 : 1
    readonly property real innerWidth: width - 2 * ui.margin

    Column {
        id: column
        x: ui.margin
        y: ui.margin
        width: screen.innerWidth
        spacing: ui.gap * 1.5

        Heading {
            ui: screen.ui
            objectName: "homeTitle"
            text: ui.txt("home_title")
        }

        KButton {
            objectName: "homeSearch"
            ui: screen.ui
            width: parent.width
            text: "⌕  " + ui.txt("search_placeholder")
            accessibleName: ui.txt("search_label")
            variant: "quiet"
            bold: false
            horizontalAlignment: Text.AlignLeft
            // An empty query and the keyboard up: the patient can type at once.
            onActivated: screen.backend.openSearch()
        }

        Heading {
            ui: screen.ui
            level: 2
            text: ui.txt("topics_heading")
        }

        Flow {
            width: parent.width
            spacing: ui.gap * 0.6
            Repeater {
                model: screen.backend.topics
                delegate: KButton {
                    required property string id
                    required property string title
                    required property int count
                    objectName: "topic_" + id
                    ui: screen.ui
                    // Compact chips: all the topics fit above the fold at 1280x800, and the
                    // explainer cards start right under them.
                    width: Math.min(implicitWidth, column.width)
                    radius: height / 2
                    fontSize: ui.fontSmall
                    text: title
                    accessibleName: title
                    variant: "secondary"
                    onActivated: screen.backend.openTopic(id)
                }
            }
        }

        Heading {
            ui: screen.ui
            level: 2
            text: ui.txt("explainers_heading")
            topPadding: ui.gap
        }

        Flow {
            width: parent.width
            spacing: ui.gap
            Repeater {
                model: screen.backend.explainers
                delegate: Tappable {
                    id: card
                    required property string id
                    required property string title
                    required property string summary
                    required property string image
                    required property int pages
                    objectName: "explainerCard_" + id
                    width: (column.width - ui.gap * (screen.columns - 1)) / screen.columns
                    height: cardColumn.implicitHeight + ui.gap * 1.5
                    text: title
                    Accessible.description: summary
                    onActivated: screen.backend.openExplainer(card.id)
                    Rectangle {
                        // The card's face; pressed, it tints and shrinks a little at once.
                        anchors.fill: parent
                        radius: ui.radius
                        color: card.held ? ui.accentSoft : ui.surface
                        border.color: card.activeFocus ? ui.focus : card.held ? ui.accent : ui.border
                        border.width: card.activeFocus ? 4 : card.held ? 2 : 1
                        scale: card.held ? 0.98 : 1.0
                    }
                    Column {
                        id: cardColumn
                        x: ui.gap * 0.75
                        y: ui.gap * 0.75
                        width: parent.width - ui.gap * 1.5
                        spacing: ui.gap / 2
                        Image {
                            width: parent.width
                            height: visible ? Math.round(110 * ui.dp) : 0
                            source: card.image
                            visible: card.image !== "" && status !== Image.Error
                            sourceSize.height: Math.round(110 * ui.dp)
                            fillMode: Image.PreserveAspectFit
                            Accessible.ignored: true
                        }
                        Text {
                            width: parent.width
                            text: card.title
                            font.family: ui.fontFamily
                            font.pixelSize: ui.fontH3
                            font.bold: true
                            color: ui.accent
                            wrapMode: Text.Wrap
                        }
                        Text {
                            width: parent.width
                            text: card.summary
                            font.family: ui.fontFamily
                            font.pixelSize: ui.fontSmall
                            color: ui.text
                            wrapMode: Text.Wrap
                        }
                        Text {
                            text: ui.fmt("pages_count", {"count": card.pages})
                            font.family: ui.fontFamily
                            font.pixelSize: ui.fontSmall
                            color: ui.muted
                        }
                    }
                }
            }
        }
    }

    MoreBelow {
        parent: screen
        ui: screen.ui
        flickable: screen
    }
}
