"""Plain-language hints for the parsers' messages (YAML front matter, TOML files).

The parsers say what confused them ("mapping values are not allowed here"); an editor needs
to know what to type instead. Each rule maps a piece of the parser's message to one fix.
"""

from __future__ import annotations


def N_(text: str) -> str:  # noqa: N802 - gettext's name for "translated where it is shown"
    return text


YAML_HINTS: tuple[tuple[str, str], ...] = (
    # libyaml (the fast parser) words some problems differently from PyYAML.
    ("found a tab character", N_("Use spaces, not tabs, to indent front matter.")),
    (
        "did not find expected key",
        N_(
            "Check the indentation: keys of the same block start in the same column, and "
            "the '- ' lines of a list are indented the same, under their key."
        ),
    ),
    (
        "mapping values are not allowed",
        N_(
            'Text that contains a colon (:) must be in quotes: summary: "Before you come: what to bring".'
        ),
    ),
    (
        "found character '\\t' that cannot start any token",
        N_("Use spaces, not tabs, to indent front matter."),
    ),
    ("found undefined alias", N_("An asterisk (*) cannot start a value: put the text in quotes.")),
    (
        "found character '@' that cannot start any token",
        N_("A value cannot start with @ or `: put the text in quotes."),
    ),
    (
        "found character '`' that cannot start any token",
        N_("A value cannot start with @ or `: put the text in quotes."),
    ),
    (
        "expected <block end>, but found '<block sequence start>'",
        N_("The '- ' lines of a list must be indented the same, under their key (sources:)."),
    ),
    (
        "expected <block end>",
        N_(
            "Check the indentation: keys of the same block start in the same column, and a quoted value must end with the same quote it started with."
        ),
    ),
    (
        "found unexpected end of stream",
        N_("A quote was opened and never closed: end the text with the same quote (\" or ')."),
    ),
    (
        "while scanning a quoted scalar",
        N_("A quote was opened and never closed: end the text with the same quote (\" or ')."),
    ),
    (
        "while parsing a flow",
        N_(
            "A bracket [ or { was opened and not closed: close it on the same line, or put the text in quotes."
        ),
    ),
    (
        "could not find expected ':'",
        N_("Each line is 'key: value'; a value that goes on to the next line must be in quotes."),
    ),
    ("is not a real date", N_("Dates are YYYY-MM-DD with a month 01-12 and a day that exists.")),
    (
        "must be 'key: value' lines",
        N_("Write the front matter as 'key: value' lines, one field per line."),
    ),
)

TOML_HINTS: tuple[tuple[str, str], ...] = (
    (
        "Illegal character '\\n'",
        N_(
            "A quote was opened and never closed: end the text with the same quote on the same line."
        ),
    ),
    (
        "Unterminated string",
        N_(
            "A quote was opened and never closed: end the text with the same quote on the same line."
        ),
    ),
    (
        "Illegal character",
        N_("Text must be in quotes; a quote inside text is written \\\" (or use 'single quotes')."),
    ),
    (
        "Expected '=' after a key",
        N_('Each line is key = "value"; a key with spaces or accents must be in quotes.'),
    ),
    (
        "Invalid value",
        N_('Text must be in quotes: name = "Maple Street Clinic"; true/false and numbers are not.'),
    ),
    ("Cannot overwrite a value", N_("The same key is written twice: keep one of the two lines.")),
    ("Cannot declare", N_("The same [section] is written twice: merge the two into one.")),
    (
        "Unclosed array",
        N_("A [ list was opened and not closed: end it with ], with commas between the items."),
    ),
    (
        "Invalid statement",
        N_(
            'A key with spaces or accents must be in quotes: "año" = "..."; each line is key = value.'
        ),
    ),
    (
        "Expected newline or end of document after a statement",
        N_("One key = value per line; text with spaces must be in quotes."),
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
