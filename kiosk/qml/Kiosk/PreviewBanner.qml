pragma ComponentBehavior: Bound

import QtQuick

// kiosk preview only (never on a patient's kiosk): the check's errors for the change just
// saved, with file and line, while the last good content stays on screen behind it.
Rectangle {
    id: banner
    objectName: "previewBanner"

    property string title: ""
    property var problems: []
    // A tap folds the banner into its title line, so the page's own buttons can be used.
    property bool folded: false

    visible: problems.length > 0
    width: parent ? (folded ? Math.min(parent.width, column.implicitWidth + 24) : parent.width) : 0
    height: (folded ? titleText.implicitHeight : column.implicitHeight) + 24
    y: parent ? parent.height - height : 0
    z: 10000
    color: "#9B1C1C"

    MouseArea {
        anchors.fill: parent
        onClicked: banner.folded = !banner.folded
    }

    Column {
        id: column
        x: 12
        y: 12
        width: banner.width - 24
        spacing: 4

        KText {
            id: titleText
            objectName: "previewBannerTitle"
            width: column.width
            role: "label"
            text: banner.title
            color: "#FFFFFF"
            font.pixelSize: 20
        }

        Repeater {
            model: banner.folded ? [] : banner.problems

            KText {
                required property string modelData
                width: column.width
                text: modelData
                color: "#FFFFFF"
                font.pixelSize: 16
            }
        }
    }
}
