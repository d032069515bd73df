pragma ComponentBehavior: Bound
import QtQuick

// A topic chip: a rounded, selectable button.
KButton {
    variant: checked ? "primary" : "quiet"
    isSwitch: true
    radius: height / 2
    fontSize: Theme.fontSmall
}
