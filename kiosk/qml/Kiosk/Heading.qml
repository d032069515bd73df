import QtQuick

// A heading: bold, wrapping, in the theme's text colour, announced as a heading to screen
// readers. level 1 to 3 picks the size.
Text {
    required property Ui ui
    property int level: 1

    width: parent ? parent.width : 0
    font.family: ui.fontFamily
    font.pixelSize: level <= 1 ? ui.fontH1 : level === 2 ? ui.fontH2 : ui.fontH3
    font.bold: true
    color: ui.text
    wrapMode: Text.Wrap
    Accessible.role: Accessible.Heading
    Accessible.name: text
}
