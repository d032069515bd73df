pragma ComponentBehavior: Bound
pragma Singleton
import QtQml

// Touch timings every Tappable shares.
QtObject {
    // How long a control that appeared, moved or acted ignores a press (Tappable.qml): long
    // enough that the second tap of a double tap (100-200 ms apart) never acts on what slid
    // in. The tests shorten it where they do not check the guard itself (tests/ui/conftest).
    property int settleTime: 350
}
