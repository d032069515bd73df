import QtQuick

// One explainer, a page at a time: swipe, or the big Back/Next buttons.
Item {
    id: screen

    required property Ui ui
    required property QtObject backend
    objectName: "explainerScreen"
    readonly property var explainer: backend.explainer
    readonly property int count: explainer.pages ? explainer.pages.length : 0
    // The page mostly in view, as the list moves: the backend hears of a swipe only when
    // its snap has ended. "Page N of M", the dots and Next follow the view, so they never
    // trail the page, and a Next tap during the snap goes on from the page in view.
    // (From contentX and the width only: the list's height follows the nav bar, which
    // follows `current`.)
    readonly property int inView: pages.count > 0 && pages.width > 0
        ? Math.max(0, Math.min(pages.count - 1, Math.round((pages.contentX - pages.originX) / pages.width)))
        : -1
    readonly property int current: inView >= 0 ? inView
                                  : pages.currentIndex >= 0 ? pages.currentIndex : backend.page

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
        target: screen.backend
        function onPlaceChanged() {
            if (pages.currentIndex !== screen.backend.page)
                pages.currentIndex = screen.backend.page
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
        highlightMoveDuration: ui.motion
        boundsBehavior: Flickable.StopAtBounds
        cacheBuffer: 0
        clip: true
        model: screen.explainer.pages
        Component.onCompleted: {
            currentIndex = screen.backend.page
            positionViewAtIndex(currentIndex, ListView.Beginning)
        }
        // A swipe that settles on another page tells the backend; buttons go the other way.
        onMovementEnded: {
            if (!screen.leaving && currentIndex >= 0 && currentIndex !== screen.backend.page)
                screen.backend.setPage(currentIndex)
        }

        delegate: Flickable {
            id: pageView
            required property var modelData
            required property int index
            objectName: "page_" + index
            width: pages.width
            height: pages.height
            contentHeight: pageColumn.implicitHeight + 2 * screen.ui.margin
            flickableDirection: Flickable.VerticalFlick
            boundsBehavior: Flickable.StopAtBounds
            clip: true

            MoreBelow {
                parent: pageView
                ui: screen.ui
                flickable: pageView
            }

            Column {
                id: pageColumn
                width: Math.min(screen.ui.readingWidth, pageView.width - 2 * screen.ui.margin)
                x: (pageView.width - width) / 2
                y: screen.ui.margin
                spacing: screen.ui.gap * 1.25

                Heading {
                    ui: screen.ui
                    text: pageView.index === 0 ? screen.explainer.title : pageView.modelData.title
                }

                ReadAloud {
                    id: readAloud
                    width: parent.width
                    ui: screen.ui
                    namePrefix: "readAloud_p" + pageView.index
                    source: "explainer:" + screen.explainer.id + ":" + pageView.index
                    // The title, then each block: the Reader's block n is BlockColumn's n - 1.
                    texts: [pageView.index === 0 ? screen.explainer.title : pageView.modelData.title]
                           .concat(pageView.modelData.blocks.map(b => b.plain || b.alt || ""))
                }

                KButton {
                    objectName: "takeHomeButton_p" + pageView.index
                    ui: screen.ui
                    width: Math.min(implicitWidth, parent.width)
                    visible: screen.backend.takeHomeUrl !== ""
                    text: screen.ui.txt("take_home_button")
                    variant: "secondary"
                    onActivated: takeHome.open()
                }

                Text {
                    width: parent.width
                    visible: pageView.index === 0 && screen.explainer.draft === true
                    text: screen.ui.txt("draft_notice")
                    font.family: screen.ui.fontFamily
                    font.pixelSize: screen.ui.fontSmall
                    color: screen.ui.muted
                    wrapMode: Text.Wrap
                }

                BlockColumn {
                    width: parent.width
                    ui: screen.ui
                    blocks: pageView.modelData.blocks
                    highlightedBlock: readAloud.active ? screen.ui.reader.block - 1 : -1
                    onLinkActivated: link => screen.backend.openLink(link)
                }

                RelatedLinks {
                    width: parent.width
                    ui: screen.ui
                    backend: screen.backend
                    visible: pageView.index === screen.count - 1 && links.length > 0
                    links: screen.explainer.related || []
                }

                KButton {
                    objectName: "finishedButton"
                    ui: screen.ui
                    visible: pageView.index === screen.count - 1
                    text: screen.ui.txt("back_to_home")
                    variant: "secondary"
                    onActivated: screen.backend.goHome()
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
                                        + 2 * ui.margin + 2 * ui.gap > width
        readonly property real buttonHeight: Math.max(prev.implicitHeight, next.implicitHeight)
        readonly property real buttonWidth: stacked ? (width - 2 * ui.margin - ui.gap) / 2 : -1
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        height: stacked ? pageInfo.implicitHeight + buttonHeight + ui.gap * 2
                        : Math.max(buttonHeight, pageInfo.implicitHeight) + ui.gap * 1.5
        color: ui.surface
        Rectangle { width: parent.width; height: 1; color: ui.border }

        KButton {
            id: prev
            objectName: "prevPage"
            ui: screen.ui
            x: ui.margin
            y: nav.stacked ? pageInfo.implicitHeight + ui.gap * 1.25 : (nav.height - height) / 2
            width: nav.stacked ? nav.buttonWidth : implicitWidth
            height: nav.buttonHeight
            text: "‹  " + ui.txt("previous_page")
            accessibleName: ui.txt("previous_page")
            variant: "secondary"
            enabled: screen.current > 0
            opacity: enabled ? 1 : 0.35
            onActivated: screen.backend.setPage(screen.current - 1)
        }

        Column {
            id: pageInfo
            x: (nav.width - width) / 2
            y: nav.stacked ? ui.gap / 2 : (nav.height - height) / 2
            spacing: ui.gap / 3
            Text {
                objectName: "pageOf"
                anchors.horizontalCenter: parent.horizontalCenter
                text: ui.fmt("page_of", {"page": screen.current + 1, "count": screen.count})
                font.family: ui.fontFamily
                font.pixelSize: ui.fontSmall
                color: ui.text
            }
            PageDots {
                anchors.horizontalCenter: parent.horizontalCenter
                ui: screen.ui
                count: screen.count
                current: screen.current
                visible: screen.count <= 10
            }
        }

        KButton {
            id: next
            objectName: "nextPage"
            ui: screen.ui
            x: nav.width - ui.margin - width
            y: prev.y
            width: nav.stacked ? nav.buttonWidth : implicitWidth
            height: nav.buttonHeight
            text: screen.current < screen.count - 1 ? ui.txt("next_page") + "  ›" : ui.txt("done_button")
            accessibleName: screen.current < screen.count - 1 ? ui.txt("next_page") : ui.txt("done_button")
            variant: "primary"
            onActivated: screen.current < screen.count - 1 ? screen.backend.setPage(screen.current + 1)
                                                         : screen.backend.goHome()
        }
    }

    TakeHome {
        id: takeHome
        anchors.fill: parent
        ui: screen.ui
        url: screen.backend.takeHomeUrl
        code: screen.backend.takeHomeCode
    }
}
