pragma ComponentBehavior: Bound
import QtQuick
import KioskCore

// Explainer cards, question topics and search, in one calm scrolling page.
Flickable {
    id: screen


    objectName: "homeScreen"
    contentHeight: column.implicitHeight + 2 * Theme.margin
    clip: true
    boundsBehavior: Flickable.StopAtBounds
    bottomMargin: moreBelow.reserve

    readonly property int columns: width > Theme.fontBody * 44 ? 3 : width > Theme.fontBody * 22 ? 2 : 1
    readonly property real innerWidth: width - 2 * Theme.margin

    Column {
        id: column
        x: Theme.margin
        y: Theme.margin
        width: screen.innerWidth
        spacing: Theme.gap * 1.5

        KText {
            objectName: "homeTitle"
            width: parent.width
            role: "heading"
            text: Theme.txt("home_title")
        }

        KButton {
            objectName: "homeSearch"
            width: parent.width
            iconName: "search"
            text: Theme.txt("search_placeholder")
            accessibleName: Theme.txt("search_label")
            variant: "quiet"
            bold: false
            horizontalAlignment: Text.AlignLeft
            // An empty query and the keyboard up: the patient can type at once.
            onActivated: Navigation.openSearch()
        }

        KText {
            width: parent.width
            role: "heading"
            level: 2
            text: Theme.txt("topics_heading")
        }

        Flow {
            width: parent.width
            spacing: Theme.gap * 0.6
            Repeater {
                model: Content.topics
                delegate: KButton {
                    required property string id
                    required property string title
                    required property int count
                    objectName: "topic_" + id
                    // Compact chips: all the topics fit above the fold at 1280x800, and the
                    // explainer cards start right under them.
                    width: Math.min(implicitWidth, column.width)
                    radius: height / 2
                    fontSize: Theme.fontSmall
                    text: title
                    accessibleName: title
                    variant: "secondary"
                    onActivated: Navigation.openTopic(id)
                }
            }
        }

        KText {
            width: parent.width
            role: "heading"
            level: 2
            text: Theme.txt("explainers_heading")
            topPadding: Theme.gap
        }

        Flow {
            width: parent.width
            spacing: Theme.gap
            Repeater {
                model: Content.explainers
                delegate: Tappable {
                    id: card
                    required property string id
                    required property string title
                    required property string summary
                    required property string image
                    required property int pages
                    objectName: "explainerCard_" + id
                    width: (column.width - Theme.gap * (screen.columns - 1)) / screen.columns
                    height: cardColumn.implicitHeight + Theme.gap * 1.5
                    text: title
                    Accessible.description: summary
                    onActivated: Navigation.openExplainer(card.id)
                    Rectangle {
                        // The card's face; pressed, it tints and shrinks a little at once.
                        anchors.fill: parent
                        radius: Theme.radius
                        color: card.held ? Theme.accentSoft : Theme.surface
                        border.color: card.activeFocus ? Theme.focus : card.held ? Theme.accent : Theme.border
                        border.width: card.activeFocus ? 4 : card.held ? 2 : 1
                        scale: card.held ? 0.98 : 1.0
                    }
                    Column {
                        id: cardColumn
                        x: Theme.gap * 0.75
                        y: Theme.gap * 0.75
                        width: parent.width - Theme.gap * 1.5
                        spacing: Theme.gap / 2
                        Image {
                            width: parent.width
                            height: visible ? Math.round(110 * Theme.dp) : 0
                            source: card.image
                            visible: card.image !== "" && status !== Image.Error
                            sourceSize.height: Math.round(110 * Theme.dp)
                            fillMode: Image.PreserveAspectFit
                            Accessible.ignored: true
                        }
                        KText {
                            width: parent.width
                            role: "title"
                            level: 3
                            text: card.title
                            color: Theme.accent
                        }
                        KText {
                            width: parent.width
                            role: "small"
                            text: card.summary
                            color: Theme.text
                        }
                        KText {
                            role: "small"
                            text: Theme.fmt("pages_count", {"count": card.pages})
                        }
                    }
                }
            }
        }
    }

    MoreBelow {
        id: moreBelow
        parent: screen
        flickable: screen
    }
}
