import QtQuick

// "Take this with you": a large QR code for this page on the clinic's website, made on the
// kiosk. It covers the screen it belongs to (the top bar and Help now stay reachable);
// it closes with its big button, and goes with the screen on a reset or a new page.
Rectangle {
    id: overlay

    required property Ui ui
    property string url: ""
    property string code: ""      // the QR code as an image URL (a PNG data URL)

    objectName: "takeHome"
    visible: false
    color: Qt.rgba(0, 0, 0, 0.55)

    function open() { visible = true }
    function close() { visible = false }

    MouseArea {
        // The overlay takes its own taps: nothing underneath moves while it shows.
        anchors.fill: parent
        onWheel: event => event.accepted = true
    }

    Rectangle {
        id: panel
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * overlay.ui.gap, overlay.ui.fontBody * 26)
        height: Math.min(parent.height - 2 * overlay.ui.gap, card.implicitHeight + overlay.ui.gap * 2)
        radius: overlay.ui.radius * 1.5
        color: overlay.ui.surface
        Accessible.role: Accessible.Dialog
        Accessible.name: title.text
        Accessible.description: body.text

        Column {
            id: card
            anchors.centerIn: parent
            width: parent.width - overlay.ui.gap * 2
            spacing: overlay.ui.gap
            Text {
                id: title
                width: parent.width
                text: overlay.ui.txt("take_home_title")
                font.family: overlay.ui.fontFamily
                font.pixelSize: overlay.ui.fontH2
                font.bold: true
                color: overlay.ui.text
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
            }
            Rectangle {
                // Black on white whatever the theme: phone cameras need the contrast and the
                // quiet zone around the code (the PNG has it).
                readonly property real side: Math.max(overlay.ui.target * 3, Math.min(card.width,
                    overlay.height - 2 * overlay.ui.gap - title.height - body.height - closeButton.height
                    - 5 * overlay.ui.gap))
                anchors.horizontalCenter: parent.horizontalCenter
                width: side
                height: side
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
            Text {
                id: body
                width: parent.width
                text: overlay.ui.txt("take_home_body")
                font.family: overlay.ui.fontFamily
                font.pixelSize: overlay.ui.fontBody
                color: overlay.ui.text
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
            }
            KButton {
                id: closeButton
                objectName: "takeHomeClose"
                ui: overlay.ui
                width: parent.width
                height: Math.max(implicitHeight, overlay.ui.target * 1.2)
                text: overlay.ui.txt("take_home_close")
                fontSize: overlay.ui.fontH2
                onClicked: overlay.close()
            }
        }
    }
}
