pragma ComponentBehavior: Bound
import QtQuick

// A KText heading as wide as its parent, for screens that still say Heading (the
// maintenance screen and the PIN pad). level 1 to 3 picks the size.
KText {
    width: parent ? parent.width : 0
    role: "heading"
}
