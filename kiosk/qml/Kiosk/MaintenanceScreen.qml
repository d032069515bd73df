pragma ComponentBehavior: Bound
import QtQuick
import KioskCore

// Staff only, behind the PIN: content status as `kiosk check` sees the folder on disk, the
// running version, a week of use, and reload / restart / exit. The idle timeout closes it.
Rectangle {
    id: screen

    required property Maintenance maintenance
    readonly property MaintenanceStatus status: maintenance.status
    property bool confirmExit: false

    objectName: "maintenanceScreen"
    color: Theme.background
    onVisibleChanged: confirmExit = false

    MouseArea {
        anchors.fill: parent  // nothing of the kiosk underneath reacts
    }

    component Label: KText {
        width: parent ? parent.width : 0
        font.pixelSize: Theme.fontSmall  // staff read a dense screen: small, not muted
    }

    component Card: Rectangle {
        id: card
        default property alias content: inner.data
        property string title
        width: parent ? parent.width : 0
        height: inner.implicitHeight + Theme.gap * 2
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.border
        Column {
            id: inner
            x: Theme.gap
            y: Theme.gap
            width: parent.width - 2 * Theme.gap
            spacing: Theme.gap / 2
            KText {
                width: parent.width
                role: "heading"
                level: 3
                text: card.title
            }
        }
    }

    Flickable {
        objectName: "maintenanceFlick"
        anchors.fill: parent
        contentHeight: page.implicitHeight + 2 * Theme.margin
        clip: true
        boundsBehavior: Flickable.StopAtBounds

        Column {
            id: page
            x: Theme.margin
            y: Theme.margin
            width: parent.width - 2 * Theme.margin
            spacing: Theme.gap

            KText {
                width: parent.width
                role: "heading"
                text: Theme.txt("maint_title")
            }

            Flow {
                width: parent.width
                spacing: Theme.gap / 2
                KButton {
                    objectName: "maintClose"
                    text: Theme.txt("maint_close")
                    onActivated: screen.maintenance.close()
                }
                KButton {
                    objectName: "maintReload"
                    variant: "secondary"
                    enabled: !screen.maintenance.busy
                    text: Theme.txt("maint_reload")
                    onActivated: screen.maintenance.reloadContent()
                }
                KButton {
                    objectName: "maintRestart"
                    variant: "secondary"
                    text: Theme.txt("maint_restart")
                    onActivated: screen.maintenance.restartKiosk()
                }
                KButton {
                    // Two taps: the first asks, the second exits.
                    objectName: "maintExit"
                    variant: screen.confirmExit ? "urgent" : "secondary"
                    text: Theme.txt(screen.confirmExit ? "maint_exit_confirm" : "maint_exit")
                    onActivated: {
                        if (screen.confirmExit)
                            screen.maintenance.exitKiosk()
                        screen.confirmExit = true
                    }
                }
            }

            Label {
                objectName: "maintMessage"
                visible: text !== ""
                font.pixelSize: Theme.fontBody
                font.bold: true
                text: screen.maintenance.busy ? Theme.txt("maint_checking")
                    : screen.maintenance.message.startsWith("maint_")
                      ? Theme.fmt(screen.maintenance.message,
                                      {"version": screen.status.folderVersion,
                                       "errors": screen.status.errors})
                      : ""
            }

            Grid {
                id: cards
                width: parent.width
                columns: Theme.portrait ? 1 : 2
                spacing: Theme.gap
                readonly property real cardWidth: (width - (columns - 1) * spacing) / columns

                Card {
                    objectName: "maintContent"
                    width: cards.cardWidth
                    title: Theme.txt("maint_content")
                    Label {
                        text: Theme.fmt("maint_running", {
                            "version": screen.status.runningVersion,
                            "time": screen.status.loadedAt})
                    }
                    Label {
                        visible: screen.status.folderChecked
                        text: Theme.fmt("maint_on_disk", {
                            "version": screen.status.folderVersion,
                            "errors": screen.status.errors,
                            "warnings": screen.status.warnings})
                    }
                    Label {
                        visible: screen.status.checkFailed !== ""
                        text: Theme.txt("maint_check_failed") + " " + screen.status.checkFailed
                    }
                }

                Card {
                    objectName: "maintUsage"
                    width: cards.cardWidth
                    title: Theme.txt("maint_usage")
                    Label {
                        visible: !screen.status.usageAvailable
                        text: Theme.txt("maint_usage_none")
                    }
                    Label {
                        visible: screen.status.usageAvailable
                        text: Theme.fmt("maint_usage_summary", {
                            "sessions": screen.status.sessions,
                            "median": screen.status.medianSession,
                            "searches": screen.status.searches,
                            "no_results": screen.status.noResultSearches})
                    }
                    Label {
                        visible: screen.status.topExplainers.length > 0
                        text: Theme.txt("maint_top_explainers") + " "
                              + screen.status.topExplainers.join(", ")
                    }
                    Label {
                        visible: screen.status.topQuestions.length > 0
                        text: Theme.txt("maint_top_questions") + " "
                              + screen.status.topQuestions.join(", ")
                    }
                }
            }

            Card {
                objectName: "maintSystem"
                title: Theme.txt("maint_system")
                Repeater {
                    model: screen.status.system
                    delegate: Label {
                        required property string label  // a strings.toml key (maint_sys_*)
                        required property string value
                        text: Theme.txt(label) + " " + value
                    }
                }
            }

            Card {
                objectName: "maintProblems"
                title: Theme.fmt("maint_problems", {"count": screen.status.problems.count})
                Label {
                    visible: screen.status.folderChecked && screen.status.problems.count === 0
                    text: Theme.txt("maint_no_problems")
                }
                Repeater {
                    model: screen.status.problems
                    delegate: Label {
                        required property bool error
                        required property string where
                        required property string message
                        text: Theme.txt(error ? "maint_error" : "maint_warning") + " "
                              + where + ": " + message
                        font.bold: error
                    }
                }
            }
        }
    }
}
