pragma ComponentBehavior: Bound
import QtQuick

// The one text item of the kiosk: every word a patient reads is one of these, so the clinic's
// font, the patient's text size and high contrast reach them all alike. `role` picks the look:
// - "heading": bold, level 1 to 3 picks the size; screen readers announce it as a heading
// - "title": a heading's look (same levels) for what is no heading to a screen reader: a
//   dialog's title, a card's name, a phone number
// - "label": bold, body size (names of things, button words)
// - "body": running text
// - "small": smaller and muted (notes, counts, kickers)
// `prose` gives content's running text its roomier lines. Anything else (colour, alignment,
// an exact size) is set where it is used, as on any Text.
Text {
    property string role: "body"
    property int level: 1
    property bool prose: false

    readonly property bool headingLike: role === "heading" || role === "title"

    font.family: Theme.fontFamily
    font.pixelSize: headingLike ? Theme.fontHeading(level)
                  : role === "small" ? Theme.fontSmall : Theme.fontBody
    font.bold: headingLike || role === "label"
    color: role === "small" ? Theme.muted : Theme.text
    linkColor: Theme.accent
    wrapMode: Text.Wrap
    lineHeight: !prose ? 1.0 : headingLike ? Theme.proseHeadingLineHeight : Theme.proseLineHeight
    Accessible.role: role === "heading" ? Accessible.Heading : Accessible.StaticText
    Accessible.name: text
}
