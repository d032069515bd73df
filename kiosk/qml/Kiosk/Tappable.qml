pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Templates as T

// The one touch control under every button, card, row, chip and link. Real fingers:
// - it acts on release however long the finger stayed down (a long press is a tap); the
//   finger sliding off, or a list taking the drag to scroll, cancels it;
// - `held` is true at once while a finger or the mouse holds it: every control
//   shows it, so the patient sees the touch was felt;
// - for `settleTime` ms after it appeared, moved or changed its meaning (a new screen, a
//   relayout, Next turning into Done) it ignores a press, so the second tap of a double
//   tap never acts on what slid in under the finger; after it acts it settles too, so a
//   double tap acts once (steppers such as A+ set `repeatable`);
// - Enter, Return and Space, switch access and screen readers activate it as well.
// Users handle `activated`, not AbstractButton's `clicked`.
T.AbstractButton {
    id: control

    property string accessibleName: text
    property bool isSwitch: false        // on/off: screen readers say "checked"
    property bool repeatable: false
    property int settleTime: Touch.settleTime
    // Off for the attract screen's "touch to start": a stray second tap there only starts
    // a visit, and the first tap after start-up must count. (It still settles after it acts.)
    property bool settlesWhenShown: true
    readonly property bool settling: settleTimer.running
    readonly property bool held: pressed && !ignoring
    property bool ignoring: false        // this press began while settling
    signal activated()

    function settle() {
        if (settleTimer)   // null once a leaving screen's context is gone
            settleTimer.restart()
    }
    function moved() {   // appeared, moved or changed its words
        if (settlesWhenShown)
            settle()
    }
    function act() {
        if (!repeatable)
            settle()
        activated()
    }

    focusPolicy: Qt.TabFocus             // a tap gives no focus, so no ring shows
    activeFocusOnTab: true
    Accessible.role: Accessible.Button
    Accessible.name: accessibleName
    Accessible.checkable: isSwitch
    Accessible.checked: checked

    onPressed: ignoring = settling
    onCanceled: ignoring = false
    // AbstractButton emits clicked only for a release inside; screen readers' press
    // action (and snapshot's invokeMethod) emit it with no press at all.
    onClicked: {
        const ignored = ignoring
        ignoring = false
        if (!ignored)
            act()
    }

    Keys.onReturnPressed: act()
    Keys.onEnterPressed: act()
    Keys.onSpacePressed: act()

    Timer {
        id: settleTimer
        interval: control.settleTime
    }
    // Moved: its own x/y, or any ancestor's (a row of buttons re-centred, a list scrolled),
    // since what counts is where it sits under the finger.
    property var watched: []
    Component.onCompleted: {
        moved()
        const ancestors = []
        for (let item = parent; item; item = item.parent) {
            item.xChanged.connect(control.moved)
            item.yChanged.connect(control.moved)
            ancestors.push(item)
        }
        watched = ancestors
    }
    Component.onDestruction: {
        for (const item of watched) {
            // A page list emptied under a live screen (ExplainerScreen.release() before a
            // language switch) destroys its pages after their QML context: disconnecting
            // then throws, and the connections go with the objects anyway.
            try {
                item.xChanged.disconnect(control.moved)
                item.yChanged.disconnect(control.moved)
            } catch (gone) {
                return
            }
        }
    }
    onVisibleChanged: if (visible) moved()
    onTextChanged: moved()
    onXChanged: moved()
    onYChanged: moved()
}
