pragma ComponentBehavior: Bound
import QtQuick
import KioskCore

// The search box. Nothing typed is kept: the input method is told the text is sensitive,
// so the virtual keyboard learns no words, and a reset clears it.
Rectangle {
    id: field

    property alias input: textInput

    implicitHeight: Math.max(Theme.target, textInput.implicitHeight + Theme.gap * 1.5,
                             placeholder.visible ? placeholder.implicitHeight + Theme.gap * 1.5 : 0,
                             clear.visible ? clear.implicitHeight + Theme.gap / 2 : 0)
    radius: Theme.radius
    color: Theme.surface
    border.width: textInput.activeFocus ? Math.max(3, 3 * Theme.dp) : Math.max(2, 2 * Theme.dp)
    border.color: textInput.activeFocus ? Theme.focus : Theme.border

    Icon {
        id: glass
        anchors.left: parent.left
        anchors.leftMargin: Theme.gap
        anchors.verticalCenter: parent.verticalCenter
        name: "search"
        size: Math.round(Theme.fontBody * 1.1)
        color: Theme.muted
    }

    TextInput {
        id: textInput
        objectName: "searchInput"
        anchors.left: glass.right
        anchors.leftMargin: Theme.gap * 0.75
        anchors.right: clear.left
        anchors.rightMargin: Theme.gap / 2
        // The whole height of the field takes the tap, not just the line of text.
        anchors.top: parent.top
        anchors.bottom: parent.bottom
        verticalAlignment: TextInput.AlignVCenter
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
        color: Theme.text
        clip: true
        selectByMouse: false
        persistentSelection: false
        maximumLength: 60
        activeFocusOnTab: true
        inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhSensitiveData | Qt.ImhNoAutoUppercase
        text: Search.text
        onTextEdited: Search.setText(text)
        onAccepted: {
            Search.submit()
            // Qt.inputMethod is a QInputMethod, but qmllint's type for it is QObject (QtQml's Qt
            // object cannot name a QtGui type) and `as InputMethod` is null at run time.
            Qt.inputMethod.hide() // qmllint disable missing-property
        }
        Accessible.role: Accessible.EditableText
        Accessible.name: Theme.txt("search_label")
        Accessible.description: Theme.txt("search_placeholder")
    }

    KText {
        // The hint wraps rather than being cut short at big text sizes.
        id: placeholder
        anchors.left: textInput.left
        anchors.right: textInput.right
        anchors.verticalCenter: parent.verticalCenter
        text: Theme.txt("search_placeholder")
        font: textInput.font
        color: Theme.muted
        wrapMode: Text.Wrap
        visible: textInput.text.length === 0
        Accessible.ignored: true
    }

    KButton {
        id: clear
        objectName: "clearSearch"
        anchors.right: parent.right
        anchors.rightMargin: Theme.gap / 3
        anchors.verticalCenter: parent.verticalCenter
        iconName: "clear"
        text: ""
        accessibleName: Theme.txt("clear_search")
        variant: "quiet"
        border.width: 0
        fontSize: Theme.fontSmall
        visible: textInput.text.length > 0
        onActivated: {
            Search.setText("")
            textInput.forceActiveFocus()
        }
    }
}
