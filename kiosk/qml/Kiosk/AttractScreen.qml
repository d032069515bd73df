pragma ComponentBehavior: Bound
import QtQuick
import KioskCore

// What a passer-by sees: the clinic, an invitation in every language and, per language,
// a tagline, Help now (the crisis lines) and a few questions.
// Deliberately still: no looping motion.
Rectangle {
    id: screen


    color: Theme.background
    objectName: "attractScreen"
    Accessible.role: Accessible.Pane
    Accessible.name: Content.clinicName

    Tappable {
        // Touch anywhere starts, a long press too (the invitation below is the focusable,
        // named control; this is only for fingers).
        objectName: "touchAnywhere"
        settlesWhenShown: false
        anchors.fill: parent
        focusPolicy: Qt.NoFocus
        activeFocusOnTab: false
        Accessible.ignored: true
        onActivated: Navigation.start()
    }

    Column {
        id: column
        // Centred; from the top when a small screen cannot hold it all.
        anchors.horizontalCenter: parent.horizontalCenter
        y: Math.max(Theme.gap, (parent.height - height) / 2)
        width: Math.min(parent.width - 2 * Theme.margin, Theme.readingWidth * 1.2)
        spacing: Theme.gap

        Image {
            anchors.horizontalCenter: parent.horizontalCenter
            source: Content.clinicLogo
            // A landscape tablet keeps its height for the questions in every language.
            visible: Content.clinicLogo !== "" && status === Image.Ready && screen.height >= 900
            height: visible ? Math.round(80 * Theme.dp) : 0
            sourceSize.height: Math.round(80 * Theme.dp)
            fillMode: Image.PreserveAspectFit
            Accessible.ignored: true
        }

        KText {
            width: parent.width
            role: "heading"
            text: Content.clinicName
            horizontalAlignment: Text.AlignHCenter
        }

        Tappable {
            id: touchToStart
            objectName: "touchToStart"
            settlesWhenShown: false
            anchors.horizontalCenter: parent.horizontalCenter
            width: Math.min(column.width, invitations.implicitWidth + 4 * Theme.gap)
            height: invitations.implicitHeight + 2 * Theme.gap
            accessibleName: Content.invitation
            onActivated: Navigation.start()
            Rectangle {
                anchors.fill: parent
                radius: Theme.radius * 2
                color: touchToStart.held ? Qt.darker(Theme.accent, 1.25) : Theme.accent
                scale: touchToStart.held ? 0.98 : 1.0
            }
            Rectangle {
                anchors.fill: parent
                anchors.margins: -6
                radius: Theme.radius * 2 + 6
                color: "transparent"
                border.width: 4
                border.color: Theme.focus
                visible: touchToStart.activeFocus
            }
            Column {
                id: invitations
                anchors.centerIn: parent
                width: Math.min(implicitWidth, column.width - 4 * Theme.gap)
                spacing: Theme.gap / 2
                Repeater {
                    model: Content.welcomes
                    delegate: KText {
                        required property string invitation
                        required property int index
                        width: Math.min(implicitWidth, column.width - 4 * Theme.gap)
                        // By id: a delegate being removed has no parent any more.
                        anchors.horizontalCenter: invitations.horizontalCenter
                        role: "title"
                        level: index === 0 ? 1 : 2
                        text: invitation
                        font.bold: index === 0
                        color: Theme.accentText
                        horizontalAlignment: Text.AlignHCenter
                    }
                }
            }
        }

        // One panel per language, side by side (or stacked on a portrait screen): its tagline,
        // Help now and featured questions. A tap there starts the session in that language.
        Grid {
            id: panels
            width: parent.width
            columns: Theme.portrait ? 1 : Content.welcomes.count
            columnSpacing: Theme.gap * 1.5
            rowSpacing: Theme.gap
            Repeater {
                model: Content.welcomes
                delegate: Column {
                    id: panel
                    required property string code
                    required property string welcome
                    required property string help
                    required property string featuredHeading
                    required property RecordListModel featured
                    objectName: "attractPanel_" + code
                    width: (panels.width - (panels.columns - 1) * panels.columnSpacing)
                           / panels.columns
                    spacing: Theme.gap * 0.5

                    KText {
                        width: panel.width
                        text: panel.welcome
                        color: Theme.muted
                        horizontalAlignment: Text.AlignHCenter
                    }
                    KButton {
                        objectName: "attractHelp_" + panel.code
                        width: panel.width
                        text: panel.help
                        variant: "urgent"
                        onActivated: {
                            Preferences.setLanguage(panel.code)
                            Navigation.start()
                            Navigation.openHelp()
                        }
                    }
                    KText {
                        width: panel.width
                        role: "label"
                        text: panel.featuredHeading
                        visible: panel.featured.count > 0
                        horizontalAlignment: Text.AlignHCenter
                        topPadding: Theme.gap * 0.5
                    }
                    Repeater {
                        model: panel.featured
                        delegate: KButton {
                            id: featuredLink
                            required property string id
                            required property string title
                            required property string target
                            objectName: "featured_" + panel.code + "_" + featuredLink.id
                            width: panel.width
                            text: featuredLink.title
                            variant: "secondary"
                            bold: false
                            onActivated: {
                                Preferences.setLanguage(panel.code)
                                Navigation.start()
                                Navigation.openLink(featuredLink.target)
                            }
                        }
                    }
                }
            }
        }
    }
}
