import QtQuick

// One question and its answer, with related questions and explainers.
Flickable {
    id: screen

    required property Ui ui
    required property QtObject backend

    objectName: "answerScreen"
    readonly property var question: backend.question
    contentHeight: column.implicitHeight + 2 * ui.margin
    clip: true
    boundsBehavior: Flickable.StopAtBounds

    Column {
        id: column
        width: Math.min(screen.ui.readingWidth, screen.width - 2 * screen.ui.margin)
        x: (screen.width - width) / 2
        y: screen.ui.margin
        spacing: screen.ui.gap * 1.25

        Text {
            width: parent.width
            text: screen.question.topicTitle || ""
            font.family: screen.ui.fontFamily
            font.pixelSize: screen.ui.fontSmall
            font.bold: true
            color: screen.ui.muted
            wrapMode: Text.Wrap
        }

        Heading {
            ui: screen.ui
            objectName: "answerTitle"
            text: screen.question.title || ""
        }

        ReadAloud {
            id: readAloud
            width: parent.width
            ui: screen.ui
            source: "answer:" + (screen.question.id || "")
            // The question, then each block: the Reader's block n is BlockColumn's n - 1.
            texts: [screen.question.title || ""]
                   .concat((screen.question.blocks || []).map(b => b.plain || b.alt || ""))
        }

        KButton {
            objectName: "takeHomeButton"
            ui: screen.ui
            width: Math.min(implicitWidth, parent.width)
            visible: screen.backend.takeHomeUrl !== ""
            text: screen.ui.txt("take_home_button")
            variant: "secondary"
            onActivated: takeHome.open()
        }

        BlockColumn {
            width: parent.width
            ui: screen.ui
            blocks: screen.question.blocks || []
            highlightedBlock: readAloud.active ? screen.ui.reader.block - 1 : -1
            onLinkActivated: link => screen.backend.openLink(link)
        }

        Text {
            width: parent.width
            visible: screen.question.draft === true
            text: screen.ui.txt("draft_notice")
            font.family: screen.ui.fontFamily
            font.pixelSize: screen.ui.fontSmall
            color: screen.ui.muted
            wrapMode: Text.Wrap
        }

        RelatedLinks {
            width: parent.width
            ui: screen.ui
            backend: screen.backend
            links: screen.question.related || []
        }

        KButton {
            objectName: "moreOnTopic"
            ui: screen.ui
            width: Math.min(implicitWidth, parent.width)
            text: screen.ui.txt("more_on_topic")
            variant: "secondary"
            onActivated: screen.backend.openTopic(screen.question.topic)
        }
    }

    MoreBelow {
        parent: screen
        ui: screen.ui
        flickable: screen
    }

    TakeHome {
        id: takeHome
        parent: screen
        anchors.fill: parent
        ui: screen.ui
        url: screen.backend.takeHomeUrl
        code: screen.backend.takeHomeCode
    }
}
