pragma ComponentBehavior: Bound
import QtQuick

// "Take this with you": a large QR code for this page on the clinic's website, made on the
// kiosk. It covers the screen it belongs to (the top bar and Help now stay reachable);
// it closes with its big button, and goes with the screen on a reset or a new page.
// Wide screens put the words beside the code, tall ones under it: the code stays large.
Rectangle {
    id: overlay

    property string url: ""
    property string code: ""      // the QR code as an image URL (a PNG data URL)

    objectName: "takeHome"
    z: 10  // over the screen's "More below" cue
    visible: false
    color: Qt.rgba(0, 0, 0, 0.55)

    function open() {
        visible = true
        closeButton.forceActiveFocus()
    }
    function close() { visible = false }

    Keys.onEscapePressed: close()

    MouseArea {
        // The overlay takes its own taps: nothing underneath moves while it shows.
        anchors.fill: parent
        onWheel: event => event.accepted = true
    }

    Rectangle {
        id: panel
        readonly property real pad: Theme.gap
        readonly property bool wide: overlay.width > overlay.height * 1.2
        readonly property real room: overlay.height - 2 * Theme.gap - 2 * pad
        // Beside the code (wide) or above and below it (tall): the words and the button.
        readonly property real wordsHeight: words.height + pad + closeButton.height
        // Tall: the words take their height, the code what is left. Wide: the code takes
        // the height, the words the width beside it.
        readonly property real side: wide
            ? Math.min(room, (width - 3 * pad) * 0.45)
            : Math.max(Theme.target * 3,
                       Math.min(width - 2 * pad, room - wordsHeight - pad))
        readonly property real wordsX: wide ? side + 2 * pad : pad
        readonly property real wordsWidth: wide ? width - side - 3 * pad : width - 2 * pad
        readonly property real wordsY: wide ? Math.max(pad, (height - wordsHeight) / 2) : pad
        anchors.centerIn: parent
        width: wide ? overlay.width - 2 * Theme.gap
                    : Math.min(overlay.width - 2 * Theme.gap, Theme.fontBody * 26)
        height: Math.min(overlay.height - 2 * Theme.gap,
                         wide ? Math.max(side, wordsHeight) + 2 * pad
                              : wordsHeight + side + 3 * pad)
        radius: Theme.radius * 1.5
        color: Theme.surface
        Accessible.role: Accessible.Dialog
        Accessible.name: title.text
        Accessible.description: body.text

        Column {
            id: words
            x: panel.wordsX
            y: panel.wordsY
            width: panel.wordsWidth
            spacing: Theme.gap
            KText {
                id: title
                width: parent.width
                role: "title"
                level: 2
                text: Theme.txt("take_home_title")
                horizontalAlignment: Text.AlignHCenter
            }
            KText {
                id: body
                width: parent.width
                text: Theme.txt("take_home_body")
                horizontalAlignment: Text.AlignHCenter
            }
        }

        Rectangle {
            // Black on white whatever the theme: phone cameras need the contrast and the
            // quiet zone around the code (the PNG has it).
            id: codeBox
            x: panel.wide ? panel.pad : (panel.width - width) / 2
            y: panel.wide ? (panel.height - height) / 2 : words.y + words.height + panel.pad
            width: panel.side
            height: panel.side
            color: "white"
            Image {
                objectName: "takeHomeCode"
                anchors.fill: parent
                source: overlay.code
                fillMode: Image.PreserveAspectFit
                smooth: false   // crisp modules, not blurred edges
                Accessible.role: Accessible.Graphic
                Accessible.name: overlay.url
            }
        }

        KButton {
            id: closeButton
            objectName: "takeHomeClose"
            x: panel.wordsX
            y: panel.wide ? words.y + words.height + panel.pad
                          : codeBox.y + codeBox.height + panel.pad
            width: panel.wordsWidth
            height: Math.max(implicitHeight, Theme.target * 1.2)
            text: Theme.txt("take_home_close")
            fontSize: Theme.fontH2
            onActivated: overlay.close()
        }
    }
}
