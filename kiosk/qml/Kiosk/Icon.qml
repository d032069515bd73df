pragma ComponentBehavior: Bound
import QtQuick

// One of the kiosk's drawn icons (assets/icons/<name>.svg, kiosk/qt/icons.py), in any colour.
Image {
    id: icon

    property string name: ""
    property color color: Theme.accent
    property real size: Theme.fontBody

    width: name !== "" ? size : 0
    height: width
    sourceSize: Qt.size(Math.ceil(size), Math.ceil(size))
    // color.toString() is "#rrggbb" (or "#aarrggbb"); "#" would start a URL fragment.
    source: name !== "" ? "image://icon/" + name + "/" + icon.color.toString().substring(1) : ""
    visible: name !== ""
    fillMode: Image.PreserveAspectFit
    smooth: true
    Accessible.ignored: true
}
