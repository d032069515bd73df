import QtQuick

// The question browser: search as you type, topic chips, and the list of questions.
Item {
    id: screen

    required property Ui ui
    required property QtObject backend
    property alias searchInput: search.input

    objectName: "questionsScreen"

    // Called by Main.qml's screen Loader just before it lets this screen go: see
    // ExplainerScreen.release() (a list still scrolling when its screen is unloaded).
    function release() {
        list.model = null
    }
    readonly property bool searching: backend.searchText.trim().length > 0
    readonly property real innerWidth: Math.min(width - 2 * ui.margin, ui.readingWidth * 1.25)
    readonly property bool keyboardUp: Qt.inputMethod.visible
    // One result row with a one-line title, as the delegate below lays it out.
    readonly property real rowEstimate: Math.max(ui.target,
        ui.fontBody * 1.3 + ui.fontSmall * 1.3 + ui.gap / 4 + ui.gap * 1.25)
    // Main.qml sizes the on-screen keyboard to leave this much of the screen above it:
    // the search field and at least two results, at any text size.
    readonly property real neededAboveKeyboard: header.y + search.height + 2 * ui.gap
        + 2 * rowEstimate + list.spacing + ui.gap

    Component.onCompleted: {
        if (backend.searchFocusPending) {
            // Opened from the home screen's search box: type at once, keyboard up.
            search.input.forceActiveFocus()
            Qt.inputMethod.show()
            backend.searchFocusTaken()
        }
    }

    Column {
        id: header
        x: (screen.width - width) / 2
        y: ui.margin * 0.75
        width: screen.innerWidth
        spacing: ui.gap

        SearchField {
            id: search
            ui: screen.ui
            backend: screen.backend
            width: parent.width
        }

        Text {
            objectName: "resultsCount"
            width: parent.width
            // While the keyboard is up its line goes to the results themselves.
            visible: screen.searching && !screen.keyboardUp && screen.backend.results.count > 0
            text: ui.fmt("results_count", {"count": screen.backend.results.count})
            font.family: ui.fontFamily
            font.pixelSize: ui.fontSmall
            color: ui.muted
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
    }

    ListView {
        id: list
        objectName: "questionList"
        x: header.x
        width: screen.innerWidth
        anchors.top: header.bottom
        anchors.topMargin: ui.gap
        anchors.bottom: parent.bottom
        clip: true
        spacing: ui.gap * 0.6
        boundsBehavior: Flickable.StopAtBounds
        model: screen.searching ? screen.backend.results : screen.backend.questions
        bottomMargin: ui.margin
        // No cache buffer: rows beyond the visible area are the only ones a ListView
        // incubates asynchronously (between frames). Leaving the screen (the Loader destroys
        // it) or a keystroke, chip or language resetting the model while one of them was
        // still incubating made Qt warn ("Object or context destroyed during incubation",
        // "DelegateModel::cancel: index out range"). Rows are cheap: made when they show.
        cacheBuffer: 0

        // The topic chips scroll away with the list, so at big text sizes the questions
        // are not squeezed into a strip under a screenful of chips.
        header: Flow {
            objectName: "topicChips"
            width: list.width
            height: visible ? implicitHeight + ui.gap : 0
            spacing: ui.gap * 0.6
            visible: !screen.searching
            Chip {
                objectName: "chip_all"
                ui: screen.ui
                text: ui.txt("all_topics")
                checked: screen.backend.topic === ""
                onActivated: screen.backend.openTopic("")
            }
            Repeater {
                model: screen.backend.topics
                delegate: Chip {
                    required property string id
                    required property string title
                    objectName: "chip_" + id
                    ui: screen.ui
                    text: title
                    checked: screen.backend.topic === id
                    onActivated: screen.backend.openTopic(id)
                }
            }
        }

        MoreBelow {
            parent: list
            ui: screen.ui
            flickable: list
        }
        delegate: Tappable {
            id: row
            required property var model
            required property int index
            readonly property string kind: model.kind || "question"
            objectName: "result_" + index
            width: list.width
            height: Math.max(ui.target, rowColumn.implicitHeight + ui.gap * 1.25)
            text: model.title
            Accessible.description: model.where
            onActivated: {
                screen.backend.searchSubmitted()
                if (kind === "explainer")
                    screen.backend.openExplainerAt(model.id, model.page || 0)
                else
                    screen.backend.openQuestion(model.id)
            }
            Rectangle {
                // The row's face; pressed, it tints at once.
                anchors.fill: parent
                radius: ui.radius
                color: row.held ? ui.accentSoft : ui.surface
                border.color: row.activeFocus ? ui.focus : row.held ? ui.accent : ui.border
                border.width: row.activeFocus ? 4 : row.held ? 2 : 1
            }
            Column {
                id: rowColumn
                x: ui.gap
                anchors.verticalCenter: parent.verticalCenter
                width: parent.width - 2 * ui.gap
                spacing: ui.gap / 4
                Text {
                    width: parent.width
                    text: row.model.title
                    font.family: ui.fontFamily
                    font.pixelSize: ui.fontBody
                    font.bold: true
                    color: ui.accent
                    wrapMode: Text.Wrap
                }
                Text {
                    width: parent.width
                    // Under one topic's chip, repeating the topic on every row is noise.
                    visible: screen.searching || screen.backend.topic === ""
                    text: row.kind === "explainer"
                          ? ui.fmt("explainer_result", {"page": (row.model.page || 0) + 1, "title": row.model.where})
                          : row.model.where
                    font.family: ui.fontFamily
                    font.pixelSize: ui.fontSmall
                    color: ui.muted
                    wrapMode: Text.Wrap
                }
            }
        }
    }

    // Scrolls within the space above the keyboard: every topic stays within reach.
    Flickable {
        id: noResultsFlick
        objectName: "noResults"
        x: header.x
        width: screen.innerWidth
        anchors.top: header.bottom
        anchors.topMargin: ui.gap * 2
        anchors.bottom: parent.bottom
        contentHeight: noResultsColumn.implicitHeight + ui.gap
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        visible: screen.searching && screen.backend.results.count === 0

        MoreBelow {
            parent: noResultsFlick
            ui: screen.ui
            flickable: noResultsFlick
        }

        Column {
            id: noResultsColumn
            width: parent.width
            spacing: ui.gap

            // Mid-word there is no verdict yet: the patient is still typing.
            Heading {
                objectName: "noResultsTitle"
                ui: screen.ui
                level: 2
                visible: !screen.backend.searchTyping
                text: ui.txt("no_results_title")
            }
            Chip {
                objectName: "didYouMean"
                ui: screen.ui
                visible: screen.backend.searchSuggestion !== ""
                text: ui.fmt("did_you_mean", {"query": screen.backend.searchSuggestion})
                onActivated: screen.backend.setSearchText(screen.backend.searchSuggestion + " ")
            }
            Text {
                width: parent.width
                text: screen.backend.searchTyping ? ui.txt("search_keep_typing") : ui.txt("no_results_hint")
                font.family: ui.fontFamily
                font.pixelSize: ui.fontBody
                color: ui.text
                wrapMode: Text.Wrap
            }
            Flow {
                width: parent.width
                spacing: ui.gap * 0.6
                Repeater {
                    model: screen.backend.topics
                    delegate: Chip {
                        required property string id
                        required property string title
                        ui: screen.ui
                        text: title
                        onActivated: {
                            screen.backend.setSearchText("")
                            screen.backend.openTopic(id)
                        }
                    }
                }
            }
        }
    }
}
