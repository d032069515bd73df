"""Plain-language hints for the parsers' messages (YAML front matter, TOML files).

The parsers say what confused them ("mapping values are not allowed here"); an editor needs
to know what to type instead. Each rule maps a piece of the parser's message to one fix.
"""

from __future__ import annotations

YAML_HINTS: tuple[tuple[str, str], ...] = (
    (
        "mapping values are not allowed",
        "Text that contains a colon (:) must be in quotes: "
        'summary: "Before you come: what to bring".',
    ),
    (
        "found character '\\t' that cannot start any token",
        "Use spaces, not tabs, to indent front matter.",
    ),
    ("found undefined alias", "An asterisk (*) cannot start a value: put the text in quotes."),
    (
        "found character '@' that cannot start any token",
        "A value cannot start with @ or `: put the text in quotes.",
    ),
    (
        "found character '`' that cannot start any token",
        "A value cannot start with @ or `: put the text in quotes.",
    ),
    (
        "expected <block end>, but found '<block sequence start>'",
        "The '- ' lines of a list must be indented the same, under their key (sources:).",
    ),
    (
        "expected <block end>",
        "Check the indentation: keys of the same block start in the same column, and a "
        "quoted value must end with the same quote it started with.",
    ),
    (
        "found unexpected end of stream",
        "A quote was opened and never closed: end the text with the same quote (\" or ').",
    ),
    (
        "while scanning a quoted scalar",
        "A quote was opened and never closed: end the text with the same quote (\" or ').",
    ),
    (
        "while parsing a flow",
        "A bracket [ or { was opened and not closed: close it on the same line, or put the "
        "text in quotes.",
    ),
    (
        "could not find expected ':'",
        "Each line is 'key: value'; a value that goes on to the next line must be in quotes.",
    ),
    ("is not a real date", "Dates are YYYY-MM-DD with a month 01-12 and a day that exists."),
    (
        "must be 'key: value' lines",
        "Write the front matter as 'key: value' lines, one field per line.",
    ),
)

TOML_HINTS: tuple[tuple[str, str], ...] = (
    (
        "Illegal character '\\n'",
        "A quote was opened and never closed: end the text with the same quote on the same line.",
    ),
    (
        "Unterminated string",
        "A quote was opened and never closed: end the text with the same quote on the same line.",
    ),
    (
        "Illegal character",
        "Text must be in quotes; a quote inside text is written \\\" (or use 'single quotes').",
    ),
    (
        "Expected '=' after a key",
        'Each line is key = "value"; a key with spaces or accents must be in quotes.',
    ),
    (
        "Invalid value",
        'Text must be in quotes: name = "Maple Street Clinic"; true/false and numbers are not.',
    ),
    (
        "Cannot overwrite a value",
        "The same key is written twice: keep one of the two lines.",
    ),
    (
        "Cannot declare",
        "The same [section] is written twice: merge the two into one.",
    ),
    (
        "Unclosed array",
        "A [ list was opened and not closed: end it with ], with commas between the items.",
    ),
    (
        "Invalid statement",
        'A key with spaces or accents must be in quotes: "año" = "..."; each line is key = value.',
    ),
    (
        "Expected newline or end of document after a statement",
        "One key = value per line; text with spaces must be in quotes.",
    ),
)


def _lookup(rules: tuple[tuple[str, str], ...], message: str) -> str:
    lowered = message.lower()
    for needle, hint in rules:
        if needle.lower() in lowered:
            return hint
    return ""


def yaml_hint(message: str) -> str:
    return _lookup(YAML_HINTS, message)


def toml_hint(message: str) -> str:
    return _lookup(TOML_HINTS, message)
