pragma ComponentBehavior: Bound
import QtQuick
import KioskCore

// The question browser: search as you type, topic chips, and the list of questions.
Item {
    id: screen

    property alias searchInput: search.input

    objectName: "questionsScreen"

    // Called by Main.qml's screen Loader just before it lets this screen go: see
    // ExplainerScreen.release() (a list still scrolling when its screen is unloaded).
    function release() {
        list.model = null
    }
    readonly property bool searching: Search.text.trim().length > 0
    readonly property real innerWidth: Math.min(width - 2 * Theme.margin, Theme.readingWidth * 1.25)
    readonly property bool keyboardUp: Qt.inputMethod.visible // qmllint disable missing-property
    // One result row with a one-line title, as the delegate below lays it out.
    readonly property real rowEstimate: Math.max(Theme.target,
        Theme.fontBody * 1.3 + Theme.fontSmall * 1.3 + Theme.gap / 4 + Theme.gap * 1.25)
    // Main.qml sizes the on-screen keyboard to leave this much of the screen above it:
    // the search field and at least two results, at any text size.
    readonly property real neededAboveKeyboard: heading.y + search.height + 2 * Theme.gap
        + 2 * rowEstimate + list.spacing + Theme.gap

    Component.onCompleted: {
        if (Search.focusPending) {
            // Opened from the home screen's search box: type at once, keyboard up.
            search.input.forceActiveFocus()
            // Qt.inputMethod is a QInputMethod, but qmllint's type for it is QObject (QtQml's Qt
            // object cannot name a QtGui type) and `as InputMethod` is null at run time.
            Qt.inputMethod.show() // qmllint disable missing-property
            Search.focusTaken()
        }
    }

    Column {
        id: heading
        x: (screen.width - width) / 2
        y: Theme.margin * 0.75
        width: screen.innerWidth
        spacing: Theme.gap

        SearchField {
            id: search
            width: parent.width
        }

        KText {
            objectName: "resultsCount"
            width: parent.width
            role: "small"
            // While the keyboard is up its line goes to the results themselves.
            visible: screen.searching && !screen.keyboardUp && Search.results.count > 0
            text: Theme.fmt("results_count", {"count": Search.results.count})
        }
    }

    ListView {
        id: list
        objectName: "questionList"
        x: heading.x
        width: screen.innerWidth
        anchors.top: heading.bottom
        anchors.topMargin: Theme.gap
        anchors.bottom: parent.bottom
        clip: true
        spacing: Theme.gap * 0.6
        boundsBehavior: Flickable.StopAtBounds
        model: screen.searching ? Search.results : Content.questions
        // The list's own margin, or the More below band when the list is longer.
        bottomMargin: Math.max(Theme.margin, listCue.reserve)
        // No cache buffer: rows beyond the visible area are the only ones a ListView
        // incubates asynchronously (between frames). Leaving the screen (the Loader destroys
        // it) or a keystroke, chip or language resetting the model while one of them was
        // still incubating made Qt warn ("Object or context destroyed during incubation",
        // "DelegateModel::cancel: index out range"). Rows are cheap: made when they show.
        cacheBuffer: 0
        // The results change in place as the patient types (RecordListModel.update keeps
        // the rows that stay): new words start the list again from its first row.
        Connections {
            target: Search
            function onChanged() {
                if (screen.searching)
                    list.positionViewAtBeginning()
            }
        }

        // The topic chips scroll away with the list, so at big text sizes the questions
        // are not squeezed into a strip under a screenful of chips.
        header: Flow {
            objectName: "topicChips"
            width: list.width
            height: visible ? implicitHeight + Theme.gap : 0
            spacing: Theme.gap * 0.6
            visible: !screen.searching
            Chip {
                objectName: "chip_all"
                text: Theme.txt("all_topics")
                checked: Navigation.topic === ""
                onActivated: Navigation.openTopic("")
            }
            Repeater {
                model: Content.topics
                delegate: Chip {
                    required property string id
                    required property string title
                    objectName: "chip_" + id
                    text: title
                    checked: Navigation.topic === id
                    onActivated: Navigation.openTopic(id)
                }
            }
        }

        MoreBelow {
            id: listCue
            parent: list
            flickable: list
        }
        delegate: Tappable {
            id: row
            // A row of Search.results or Content.questions (the same roles).
            required property string kind
            required property string id
            required property string title
            required property string where
            required property int page
            required property int index
            objectName: "result_" + index
            width: list.width
            height: Math.max(Theme.target, rowColumn.implicitHeight + Theme.gap * 1.25)
            text: title
            Accessible.description: where
            // The list changes in place as the patient types: a row that now leads somewhere
            // else settles like one that just appeared, even if its words stayed the same.
            onKindChanged: moved()
            onIdChanged: moved()
            onPageChanged: moved()
            onActivated: {
                Search.submit()
                if (kind === "explainer")
                    Navigation.openExplainerAt(row.id, row.page)
                else
                    Navigation.openQuestion(row.id)
            }
            Rectangle {
                // The row's face; pressed, it tints at once.
                anchors.fill: parent
                radius: Theme.radius
                color: row.held ? Theme.accentSoft : Theme.surface
                border.color: row.activeFocus ? Theme.focus : row.held ? Theme.accent : Theme.border
                border.width: row.activeFocus ? 4 : row.held ? 2 : 1
            }
            Column {
                id: rowColumn
                x: Theme.gap
                anchors.verticalCenter: parent.verticalCenter
                width: parent.width - 2 * Theme.gap
                spacing: Theme.gap / 4
                KText {
                    width: parent.width
                    role: "label"
                    text: row.title
                    color: Theme.accent
                }
                KText {
                    width: parent.width
                    role: "small"
                    // Under one topic's chip, repeating the topic on every row is noise.
                    visible: screen.searching || Navigation.topic === ""
                    text: row.kind === "explainer"
                          ? Theme.fmt("explainer_result", {"page": row.page + 1, "title": row.where})
                          : row.where
                }
            }
        }
    }

    // Scrolls within the space above the keyboard: every topic stays within reach.
    Flickable {
        id: noResultsFlick
        objectName: "noResults"
        x: heading.x
        width: screen.innerWidth
        anchors.top: heading.bottom
        anchors.topMargin: Theme.gap * 2
        anchors.bottom: parent.bottom
        contentHeight: noResultsColumn.implicitHeight + Theme.gap
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        visible: screen.searching && Search.results.count === 0
        bottomMargin: noResultsFlickCue.reserve

        MoreBelow {
            id: noResultsFlickCue
            parent: noResultsFlick
            flickable: noResultsFlick
        }

        Column {
            id: noResultsColumn
            width: parent.width
            spacing: Theme.gap

            // Mid-word there is no verdict yet: the patient is still typing.
            KText {
                objectName: "noResultsTitle"
                width: parent.width
                role: "heading"
                level: 2
                visible: !Search.typing
                text: Theme.txt("no_results_title")
            }
            Chip {
                objectName: "didYouMean"
                visible: Search.suggestion !== ""
                text: Theme.fmt("did_you_mean", {"query": Search.suggestion})
                onActivated: Search.setText(Search.suggestion + " ")
            }
            KText {
                width: parent.width
                text: Search.typing ? Theme.txt("search_keep_typing") : Theme.txt("no_results_hint")
            }
            Flow {
                width: parent.width
                spacing: Theme.gap * 0.6
                Repeater {
                    model: Content.topics
                    delegate: Chip {
                        required property string id
                        required property string title
                        text: title
                        onActivated: {
                            Search.setText("")
                            Navigation.openTopic(id)
                        }
                    }
                }
            }
        }
    }
}
