import QtQuick

// The search box. Nothing typed is kept: the input method is told the text is sensitive,
// so the virtual keyboard learns no words, and a reset clears it.
Rectangle {
    id: field

    required property Ui ui
    required property QtObject backend
    property alias input: input

    implicitHeight: Math.max(ui.target, input.implicitHeight + ui.gap * 1.5,
                             placeholder.visible ? placeholder.implicitHeight + ui.gap * 1.5 : 0,
                             clear.visible ? clear.implicitHeight + ui.gap / 2 : 0)
    radius: ui.radius
    color: ui.surface
    border.width: input.activeFocus ? Math.max(3, 3 * ui.dp) : Math.max(2, 2 * ui.dp)
    border.color: input.activeFocus ? ui.focus : ui.border

    Text {
        id: glass
        anchors.left: parent.left
        anchors.leftMargin: ui.gap
        anchors.verticalCenter: parent.verticalCenter
        text: "⌕"
        font.pixelSize: ui.fontH2
        color: ui.muted
        Accessible.ignored: true
    }

    TextInput {
        id: input
        objectName: "searchInput"
        anchors.left: glass.right
        anchors.leftMargin: ui.gap * 0.75
        anchors.right: clear.left
        anchors.rightMargin: ui.gap / 2
        // The whole height of the field takes the tap, not just the line of text.
        anchors.top: parent.top
        anchors.bottom: parent.bottom
        verticalAlignment: TextInput.AlignVCenter
        font.family: ui.fontFamily
        font.pixelSize: ui.fontBody
        color: ui.text
        clip: true
        selectByMouse: false
        persistentSelection: false
        maximumLength: 60
        activeFocusOnTab: true
        inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhSensitiveData | Qt.ImhNoAutoUppercase
        text: field.backend.searchText
        onTextEdited: field.backend.setSearchText(text)
        onAccepted: {
            field.backend.searchSubmitted()
            Qt.inputMethod.hide()
        }
        Accessible.role: Accessible.EditableText
        Accessible.name: field.ui.txt("search_label")
        Accessible.description: field.ui.txt("search_placeholder")
    }

    Text {
        // The hint wraps rather than being cut short at big text sizes.
        id: placeholder
        anchors.left: input.left
        anchors.right: input.right
        anchors.verticalCenter: parent.verticalCenter
        text: field.ui.txt("search_placeholder")
        font: input.font
        color: field.ui.muted
        wrapMode: Text.Wrap
        visible: input.text.length === 0
        Accessible.ignored: true
    }

    KButton {
        id: clear
        objectName: "clearSearch"
        ui: field.ui
        anchors.right: parent.right
        anchors.rightMargin: ui.gap / 3
        anchors.verticalCenter: parent.verticalCenter
        text: "✕"
        accessibleName: field.ui.txt("clear_search")
        variant: "quiet"
        border.width: 0
        fontSize: ui.fontSmall
        visible: input.text.length > 0
        onActivated: {
            field.backend.setSearchText("")
            input.forceActiveFocus()
        }
    }
}
