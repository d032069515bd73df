pragma ComponentBehavior: Bound
import QtQuick
import KioskCore

// One explainer, a page at a time: swipe, or the big Back/Next buttons.
Item {
    id: screen

    objectName: "explainerScreen"
    readonly property ExplainerView explainer: Content.explainer
    readonly property int count: explainer.pages.count
    // The page mostly in view, as the list moves: the backend hears of a swipe only when
    // its snap has ended. "Page N of M", the dots and Next follow the view, so they never
    // trail the page, and a Next tap during the snap goes on from the page in view.
    // (From contentX and the width only: the list's height follows the nav bar, which
    // follows `current`.)
    readonly property int inView: pages.count > 0 && pages.width > 0
        ? Math.max(0, Math.min(pages.count - 1, Math.round((pages.contentX - pages.originX) / pages.width)))
        : -1
    readonly property int current: inView >= 0 ? inView
                                  : pages.currentIndex >= 0 ? pages.currentIndex : Navigation.page

    // Called by Main.qml's screen Loader just before it lets this screen go. The Loader
    // deletes the screen's QML context at once and the screen itself later; if the page
    // list was still moving (a swipe's snap, a page turn) it went on laying out pages in
    // between, could no longer hand rows back to its delegate model (their context was
    // gone), kept them as "unrequested" items that the model then deleted, and Qt's
    // ~QQuickItemView touched them: a segfault in removeItemChangeListener (the soak's;
    // still so in Qt 6.11.3: tests/ui/test_fast_navigation.py crashes without this).
    // Emptying the list first releases every page the ordinary way. (Emptying it ends a
    // movement: that is not a swipe to another page, hence `leaving`.)
    property bool leaving: false
    function release() {
        leaving = true
        pages.model = null
    }

    Connections {
        target: Navigation
        function onPlaceChanged() {
            if (pages.currentIndex !== Navigation.page)
                pages.currentIndex = Navigation.page
        }
    }

    ListView {
        id: pages
        objectName: "pages"
        anchors.top: parent.top
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: nav.top
        orientation: ListView.Horizontal
        snapMode: ListView.SnapOneItem
        highlightRangeMode: ListView.StrictlyEnforceRange
        highlightMoveDuration: Theme.motion
        boundsBehavior: Flickable.StopAtBounds
        cacheBuffer: 0
        clip: true
        model: screen.explainer.pages
        Component.onCompleted: {
            currentIndex = Navigation.page
            positionViewAtIndex(currentIndex, ListView.Beginning)
        }
        // A swipe that settles on another page tells the backend; buttons go the other way.
        onMovementEnded: {
            if (!screen.leaving && currentIndex >= 0 && currentIndex !== Navigation.page)
                Navigation.setPage(currentIndex)
        }

        delegate: Flickable {
            id: pageView
            required property string heading
            required property RecordListModel blocks
            required property list<string> readTexts
            required property int index
            objectName: "page_" + index
            width: pages.width
            height: pages.height
            contentHeight: pageColumn.implicitHeight + 2 * Theme.margin
            flickableDirection: Flickable.VerticalFlick
            boundsBehavior: Flickable.StopAtBounds
            clip: true
            bottomMargin: pageViewCue.reserve

            MoreBelow {
                id: pageViewCue
                parent: pageView
                flickable: pageView
            }

            Column {
                id: pageColumn
                width: Math.min(Theme.readingWidth, pageView.width - 2 * Theme.margin)
                x: (pageView.width - width) / 2
                y: Theme.margin
                spacing: Theme.gap * 1.25

                KText {
                    width: parent.width
                    role: "heading"
                    text: pageView.heading
                }

                ReadAloud {
                    id: readAloud
                    width: parent.width
                    namePrefix: "readAloud_p" + pageView.index
                    source: "explainer:" + screen.explainer.id + ":" + pageView.index
                    // The title, then each block: the Reader's block n is BlockColumn's n - 1.
                    texts: pageView.readTexts
                }

                KButton {
                    objectName: "takeHomeButton_p" + pageView.index
                    width: Math.min(implicitWidth, parent.width)
                    visible: Navigation.takeHomeUrl !== ""
                    text: Theme.txt("take_home_button")
                    variant: "secondary"
                    onActivated: takeHome.open()
                }

                KText {
                    width: parent.width
                    role: "small"
                    visible: pageView.index === 0 && screen.explainer.draft
                    text: Theme.txt("draft_notice")
                }

                BlockColumn {
                    width: parent.width
                    blocks: pageView.blocks
                    highlightedBlock: readAloud.active ? Reader.block - 1 : -1
                    onLinkActivated: link => Navigation.openLink(link)
                }

                RelatedLinks {
                    width: parent.width
                    visible: pageView.index === screen.count - 1 && links.count > 0
                    links: screen.explainer.related
                }

                KButton {
                    objectName: "finishedButton"
                    visible: pageView.index === screen.count - 1
                    text: Theme.txt("back_to_home")
                    variant: "secondary"
                    onActivated: Navigation.goHome()
                }
            }
        }
    }

    Rectangle {
        id: nav
        objectName: "pageNav"
        // Big text in a narrow window: "Page 2 of 5" goes above the buttons, which then
        // share the width, so neither button squeezes or cuts its label.
        readonly property bool stacked: prev.implicitWidth + next.implicitWidth + pageInfo.implicitWidth
                                        + 2 * Theme.margin + 2 * Theme.gap > width
        readonly property real buttonHeight: Math.max(prev.implicitHeight, next.implicitHeight)
        readonly property real buttonWidth: stacked ? (width - 2 * Theme.margin - Theme.gap) / 2 : -1
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        height: stacked ? pageInfo.implicitHeight + buttonHeight + Theme.gap * 2
                        : Math.max(buttonHeight, pageInfo.implicitHeight) + Theme.gap * 1.5
        color: Theme.surface
        Rectangle { width: parent.width; height: 1; color: Theme.border }

        KButton {
            id: prev
            objectName: "prevPage"
            x: Theme.margin
            y: nav.stacked ? pageInfo.implicitHeight + Theme.gap * 1.25 : (nav.height - height) / 2
            width: nav.stacked ? nav.buttonWidth : implicitWidth
            height: nav.buttonHeight
            iconName: "previous"
            text: Theme.txt("previous_page")
            variant: "secondary"
            enabled: screen.current > 0
            opacity: enabled ? 1 : 0.35
            onActivated: Navigation.setPage(screen.current - 1)
        }

        Column {
            id: pageInfo
            x: (nav.width - width) / 2
            y: nav.stacked ? Theme.gap / 2 : (nav.height - height) / 2
            spacing: Theme.gap / 3
            KText {
                objectName: "pageOf"
                anchors.horizontalCenter: parent.horizontalCenter
                role: "small"
                text: Theme.fmt("page_of", {"page": screen.current + 1, "count": screen.count})
                color: Theme.text
            }
            PageDots {
                anchors.horizontalCenter: parent.horizontalCenter
                count: screen.count
                current: screen.current
                visible: screen.count <= 10
            }
        }

        KButton {
            id: next
            objectName: "nextPage"
            x: nav.width - Theme.margin - width
            y: prev.y
            width: nav.stacked ? nav.buttonWidth : implicitWidth
            height: nav.buttonHeight
            iconName: screen.current < screen.count - 1 ? "next" : "done"
            iconAfter: true
            text: screen.current < screen.count - 1 ? Theme.txt("next_page") : Theme.txt("done_button")
            variant: "primary"
            onActivated: screen.current < screen.count - 1 ? Navigation.setPage(screen.current + 1)
                                                         : Navigation.goHome()
        }
    }

    TakeHome {
        id: takeHome
        anchors.fill: parent
        url: Navigation.takeHomeUrl
        code: Navigation.takeHomeCode
    }
}
