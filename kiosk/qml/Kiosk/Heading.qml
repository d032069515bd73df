pragma ComponentBehavior: Bound
import QtQuick

// A heading: bold, wrapping, in the theme's text colour, announced as a heading to screen
// readers. level 1 to 3 picks the size.
Text {
    property int level: 1

    width: parent ? parent.width : 0
    font.family: Theme.fontFamily
    font.pixelSize: level <= 1 ? Theme.fontH1 : level === 2 ? Theme.fontH2 : Theme.fontH3
    font.bold: true
    color: Theme.text
    wrapMode: Text.Wrap
    Accessible.role: Accessible.Heading
    Accessible.name: text
}
