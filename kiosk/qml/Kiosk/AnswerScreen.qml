pragma ComponentBehavior: Bound
import QtQuick
import KioskCore

// One question and its answer, with related questions and explainers.
Flickable {
    id: screen


    objectName: "answerScreen"
    readonly property AnswerView question: Content.question
    contentHeight: column.implicitHeight + 2 * Theme.margin
    clip: true
    boundsBehavior: Flickable.StopAtBounds
    bottomMargin: moreBelow.reserve

    Column {
        id: column
        width: Math.min(Theme.readingWidth, screen.width - 2 * Theme.margin)
        x: (screen.width - width) / 2
        y: Theme.margin
        spacing: Theme.gap * 1.25

        KText {
            width: parent.width
            role: "small"
            text: screen.question.topicTitle
            font.bold: true
        }

        KText {
            objectName: "answerTitle"
            width: parent.width
            role: "heading"
            text: screen.question.title
        }

        ReadAloud {
            id: readAloud
            width: parent.width
            source: "answer:" + screen.question.id
            // The question, then each block: the Reader's block n is BlockColumn's n - 1.
            texts: screen.question.readTexts
        }

        KButton {
            objectName: "takeHomeButton"
            width: Math.min(implicitWidth, parent.width)
            visible: Navigation.takeHomeUrl !== ""
            text: Theme.txt("take_home_button")
            variant: "secondary"
            onActivated: takeHome.open()
        }

        BlockColumn {
            width: parent.width
            blocks: screen.question.blocks
            highlightedBlock: readAloud.active ? Reader.block - 1 : -1
            onLinkActivated: link => Navigation.openLink(link)
        }

        KText {
            width: parent.width
            role: "small"
            visible: screen.question.draft
            text: Theme.txt("draft_notice")
        }

        RelatedLinks {
            width: parent.width
            links: screen.question.related
        }

        KButton {
            objectName: "moreOnTopic"
            width: Math.min(implicitWidth, parent.width)
            text: Theme.txt("more_on_topic")
            variant: "secondary"
            onActivated: Navigation.openTopic(screen.question.topic)
        }
    }

    MoreBelow {
        id: moreBelow
        parent: screen
        flickable: screen
    }

    TakeHome {
        id: takeHome
        parent: screen
        anchors.fill: parent
        url: Navigation.takeHomeUrl
        code: Navigation.takeHomeCode
    }
}
