import QtQuick

// Sizes, colours and strings for every screen, derived from the theme in kiosk.toml, the
// window size and the patient's text size. Passed explicitly to each component.
QtObject {
    id: ui

    required property QtObject backend
    property QtObject reader: null        // read aloud (kiosk/qt/speech.py)
    property real windowWidth: 1280
    property real windowHeight: 800

    readonly property var theme: backend.theme
    // Read once per language change: each read of backend.strings copies the whole table.
    readonly property var strings: backend.strings
    // Sizes follow the short side of the screen: 800 px is the design size.
    readonly property real dp: Math.max(0.75, Math.min(windowWidth, windowHeight) / 800)
    readonly property real textScale: backend.textScale
    readonly property bool portrait: windowHeight > windowWidth
    readonly property string fontFamily: theme.font_family

    readonly property real fontBody: Math.round(theme.base_font_px * dp * textScale)
    readonly property real fontSmall: Math.round(fontBody * 0.86)
    readonly property real fontH1: Math.round(fontBody * 1.5)
    readonly property real fontH2: Math.round(fontBody * 1.25)
    readonly property real fontH3: Math.round(fontBody * 1.1)
    // The top bar grows less than the page, so it never crowds out the content.
    readonly property real fontBar: Math.round(theme.base_font_px * 0.85 * dp * Math.min(textScale, 1.5))

    readonly property real target: Math.round(64 * dp)      // touch target, >= 48 px
    readonly property real gap: Math.round(16 * dp)
    readonly property real margin: Math.round((portrait ? 24 : 40) * dp)
    readonly property real radius: Math.round(14 * dp)
    readonly property real readingWidth: Math.round(fontBody * 34)  // ~65 characters a line
    readonly property int motion: backend.reducedMotion ? 0 : 220
    readonly property bool canReadAloud: reader !== null && reader.available
                                         && reader.languages.indexOf(backend.language) >= 0

    readonly property color background: theme.background
    readonly property color surface: theme.surface
    readonly property color text: theme.text
    readonly property color muted: theme.muted
    readonly property color accent: theme.accent
    readonly property color accentText: theme.accent_text
    readonly property color accentSoft: theme.accent_soft
    readonly property color border: theme.border
    readonly property color focus: theme.focus
    readonly property color urgent: theme.urgent
    readonly property color urgentText: theme.urgent_text

    function calloutColor(variant) {
        if (variant === "tip") return theme.tip
        if (variant === "warning" || variant === "important" || variant === "danger"
                || variant === "caution") return theme.warning
        return theme.note
    }

    // Scroll the Flickables around `item` so it shows, with room above and below (the
    // 'More below' cue covers the bottom). Used to follow the block being read aloud.
    function reveal(item) {
        for (let child = item, view = item.parent; view; child = view, view = view.parent) {
            if (view.flickableDirection === undefined || child !== view.contentItem
                    || view.contentHeight <= view.height + 1)
                continue
            const top = item.mapToItem(view, 0, 0).y
            const room = Math.min(view.height * 0.2, 140)
            let y = view.contentY
            if (top < room)
                y += top - room
            else if (top + item.height > view.height - room)
                y += Math.min(top - room, top + item.height - view.height + room)
            const end = view.originY + view.contentHeight + view.bottomMargin - view.height
            view.contentY = Math.max(view.originY - view.topMargin, Math.min(y, end))
        }
    }

    // Every label comes from the language's strings.toml (kiosk check lists missing keys).
    function txt(key) {
        return strings && strings[key] !== undefined ? strings[key] : key
    }

    function fmt(key, values) {
        let text = txt(key)
        for (const name in values)
            text = text.replace("{" + name + "}", values[name])
        return text
    }
}
