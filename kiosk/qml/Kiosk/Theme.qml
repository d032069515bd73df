pragma ComponentBehavior: Bound
pragma Singleton
import QtQuick
import KioskCore

// Sizes, colours and strings for every screen, derived from the clinic's theme (ClinicTheme),
// the window size and the patient's text size. One per window: Main.qml gives it the size.
QtObject {
    property real windowWidth: 1280
    property real windowHeight: 800

    // Sizes follow the short side of the screen: 800 px is the design size.
    readonly property real dp: Math.max(0.75, Math.min(windowWidth, windowHeight) / 800)
    readonly property real textScale: Preferences.textScale
    readonly property bool portrait: windowHeight > windowWidth
    readonly property string fontFamily: ClinicTheme.fontFamily
    readonly property real baseFont: ClinicTheme.baseFontPx

    readonly property real fontBody: Math.round(baseFont * dp * textScale)
    readonly property real fontSmall: Math.round(fontBody * 0.86)
    readonly property real fontH1: Math.round(fontBody * 1.5)
    readonly property real fontH2: Math.round(fontBody * 1.25)
    readonly property real fontH3: Math.round(fontBody * 1.1)
    // Content's running text gets roomier lines than labels (KText's `prose`).
    readonly property real proseLineHeight: 1.25
    readonly property real proseHeadingLineHeight: 1.1
    // The top bar grows less than the page, so it never crowds out the content.
    readonly property real fontBar: Math.round(baseFont * 0.85 * dp * Math.min(textScale, 1.5))

    readonly property real target: Math.round(64 * dp)      // touch target, >= 48 px
    readonly property real gap: Math.round(16 * dp)
    readonly property real margin: Math.round((portrait ? 24 : 40) * dp)
    readonly property real radius: Math.round(14 * dp)
    readonly property real readingWidth: Math.round(fontBody * 34)  // ~65 characters a line
    readonly property int motion: Preferences.reducedMotion ? 0 : 220
    readonly property bool canReadAloud: Reader.available
                                         && Reader.languages.indexOf(Preferences.language) >= 0

    readonly property color background: ClinicTheme.background
    readonly property color surface: ClinicTheme.surface
    readonly property color text: ClinicTheme.text
    readonly property color muted: ClinicTheme.muted
    readonly property color accent: ClinicTheme.accent
    readonly property color accentText: ClinicTheme.accentText
    readonly property color accentSoft: ClinicTheme.accentSoft
    readonly property color border: ClinicTheme.border
    readonly property color focus: ClinicTheme.focus
    readonly property color urgent: ClinicTheme.urgent
    readonly property color urgentText: ClinicTheme.urgentText

    function calloutColor(variant: string): color {
        if (variant === "tip") return ClinicTheme.tip
        if (variant === "warning" || variant === "important" || variant === "danger"
                || variant === "caution") return ClinicTheme.warning
        return ClinicTheme.note
    }

    // A heading's size for its level, 1 (biggest) to 3.
    function fontHeading(level: int): real {
        return level <= 1 ? fontH1 : level === 2 ? fontH2 : fontH3
    }

    // Every label comes from the language's strings.toml (kiosk check lists missing keys).
    // Reading languageCode ties each label to a language switch and to new content.
    function txt(key: string): string {
        return Content.languageCode !== "" ? Content.label(key) : key
    }

    // Plain words for a StyledText: their "&", "<" and ">" are shown, not read as markup.
    function escaped(text: string): string {
        return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
    }

    function fmt(key: string, values: var): string {
        let text = txt(key)
        for (const name in values)
            text = text.replace("{" + name + "}", values[name])
        return text
    }
}
