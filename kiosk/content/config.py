"""kiosk.toml -> a frozen Config, with every problem an editor should fix.

Loading never raises: a bad value is reported and replaced by its default, so the kiosk
can always start. The schema below is the single source of truth for keys, types, ranges
and defaults; the README's configuration reference is written from it.
"""

from __future__ import annotations

import json
import math
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.check.problems import Problem, error, toml_error_line, warning
from kiosk.check.suggest import closest
from kiosk.content.safe_files import MAX_TEXT_BYTES, RefusedFile, read_regular

CONFIG_FILE = "kiosk.toml"
MIN_IDLE_TIMEOUT_S = 30
MIN_WARNING_S = 20  # WCAG 2.2.1: at least 20 s to ask for more time
# An hour: longer leaves one patient's session for the next (and 2,200,000 s overflowed
# Qt's timer, so the reset never ran).
MAX_IDLE_TIMEOUT_S = 3600
MAX_WARNING_S = 600
HEX_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")
LANG_CODE = re.compile(r"^[a-z]{2,3}(-[A-Za-z]{2,4})?$")
# A table header, `[kiosk]` or `[[x]]`, maybe followed by a comment.
TABLE_HEADER = re.compile(r"^\[\[?\s*([^\]]*?)\s*\]\]?\s*(?:#.*)?$")


@dataclass(frozen=True)
class Key:
    """One key of kiosk.toml: its type, default, limits and what it means."""

    type: type | tuple[type, ...]
    default: Any
    doc: str
    min: float | None = None
    max: float | None = None
    colour: bool = False
    choices: tuple[str, ...] = ()
    pin_hash: bool = False  # must be empty or a hash kiosk.system.pin can verify


CLINIC = {
    "name": Key(str, "[Clinic name]", "Clinic name shown on the attract and help screens"),
    "phone": Key(str, "[Clinic phone number]", "Front desk phone number"),
    "address": Key(str, "[Clinic street address]", "Street address"),
    "hours": Key(str, "[Opening hours]", "Opening hours, as patients should read them"),
    "cost_note": Key(
        str,
        "[What to say about cost and insurance: ask the front desk]",
        "What patients should know about cost and insurance",
    ),
    "website": Key(str, "[clinic website]", "Web address, shown as plain text only"),
    "logo": Key(str, "", "Logo image inside the content folder, e.g. images/logo.svg"),
    "site_url": Key(
        str,
        "",
        "Public address of the site kiosk export-site wrote, e.g. https://clinic.example/learn; "
        "set: explainers and answers offer a QR code to it. Empty: no QR code",
    ),
}

KIOSK = {
    "languages": Key(list, ["en"], "Language folders to offer, first is not special"),
    "default_language": Key(str, "en", "Language every session starts in"),
    "idle_timeout_s": Key(
        int,
        120,
        "Seconds without a touch before the 'Still there?' warning",
        MIN_IDLE_TIMEOUT_S,
        MAX_IDLE_TIMEOUT_S,
    ),
    "warning_s": Key(
        int,
        30,
        "Seconds the warning counts down before the reset",
        MIN_WARNING_S,
        MAX_WARNING_S,
    ),
    "featured": Key(list, [], "Links shown on the attract screen, e.g. 'question:ID'"),
    "renderer": Key(
        str,
        "auto",
        "Scene graph: auto (software without a GPU), software or hardware",
        choices=("auto", "software", "hardware"),
    ),
    "show_cursor": Key(bool, False, "Show the mouse pointer (for mouse-driven kiosks)"),
    "text_scale": Key(float, 1.0, "Start-up text size (1.0 to 2.0)", 1.0, 2.0),
    "high_contrast": Key(bool, False, "Start in the high-contrast theme"),
    "reduced_motion": Key(bool, False, "Start with animations turned off"),
}

THEME = {
    "background": Key(str, "#F6F4EF", "Page background", colour=True),
    "surface": Key(str, "#FFFFFF", "Cards and panels", colour=True),
    "text": Key(str, "#1F2933", "Body text", colour=True),
    "muted": Key(str, "#4A5560", "Secondary text", colour=True),
    "accent": Key(str, "#1D5F8A", "Buttons and links", colour=True),
    "accent_text": Key(str, "#FFFFFF", "Text on accent buttons", colour=True),
    "accent_soft": Key(str, "#E3EEF5", "Selected chips and soft highlights", colour=True),
    "border": Key(str, "#C9CED4", "Card and divider lines", colour=True),
    "focus": Key(str, "#B4540A", "Keyboard focus ring", colour=True),
    "tip": Key(str, "#E6F2EC", "Tip callout background", colour=True),
    "warning": Key(str, "#FBEBD8", "Warning callout background", colour=True),
    "note": Key(str, "#E8EEF6", "Note callout background", colour=True),
    "urgent": Key(str, "#9B1C1C", "Help button and crisis lines", colour=True),
    "urgent_text": Key(str, "#FFFFFF", "Text on the help button", colour=True),
    "font_family": Key(str, "Atkinson Hyperlegible", "Font for all text"),
    "base_font_px": Key(int, 26, "Body text size at 100% on a 1280x800 screen", 20, 40),
}

HIGH_CONTRAST = {
    "background": Key(str, "#000000", "Page background", colour=True),
    "surface": Key(str, "#111111", "Cards and panels", colour=True),
    "text": Key(str, "#FFFFFF", "Body text", colour=True),
    "muted": Key(str, "#E6E6E6", "Secondary text", colour=True),
    "accent": Key(str, "#FFE14D", "Buttons and links", colour=True),
    "accent_text": Key(str, "#000000", "Text on accent buttons", colour=True),
    "accent_soft": Key(str, "#333000", "Selected chips", colour=True),
    "border": Key(str, "#FFFFFF", "Lines", colour=True),
    "focus": Key(str, "#00E5FF", "Keyboard focus ring", colour=True),
    "tip": Key(str, "#002A12", "Tip callout background", colour=True),
    "warning": Key(str, "#3A2000", "Warning callout background", colour=True),
    "note": Key(str, "#001A3A", "Note callout background", colour=True),
    "urgent": Key(str, "#FFB3B3", "Help button", colour=True),
    "urgent_text": Key(str, "#000000", "Text on the help button", colour=True),
}

ADMIN = {
    "corner": Key(
        str,
        "bottom-left",
        "Corner where five quick taps open the staff PIN pad",
        choices=("top-left", "top-right", "bottom-left", "bottom-right"),
    ),
}

# Keys that belong to the device file (kiosk/system/device.py), never to the content: a PIN hash
# or a state folder copied with an editor's folder would change every kiosk it reaches.
DEVICE_KEYS = {
    ("admin", "pin_hash"): "kiosk set-pin writes the PIN hash there",
    ("kiosk", "state_dir"): "as [device] state_dir",
    ("kiosk", "log_dir"): "as [device] log_dir",
    ("kiosk", "speech_engine"): "as [device] speech_engine",
}
DEVICE_HINT = (
    "Move it to the device file (/etc/kiosk/kiosk.toml, or --device FILE / $KIOSK_DEVICE; "
    "see docs/configuration.md): {how}."
)

SCHEMA: dict[str, dict[str, Key]] = {
    "clinic": CLINIC,
    "kiosk": KIOSK,
    "theme": THEME,
    "theme.high_contrast": HIGH_CONTRAST,
    "admin": ADMIN,
}


@dataclass(frozen=True)
class Config:
    clinic: dict[str, str]
    kiosk: dict[str, Any]
    theme: dict[str, Any]
    high_contrast: dict[str, Any]
    admin: dict[str, str]
    problems: tuple[Problem, ...] = field(default=(), compare=False)
    # [clinic.es] and the like: clinic values in one language, over [clinic].
    clinic_by_language: dict[str, dict[str, str]] = field(default_factory=dict)

    def clinic_for(self, language: str) -> dict[str, str]:
        """The clinic's details as patients reading `language` should see them."""
        return {**self.clinic, **self.clinic_by_language.get(language, {})}

    @property
    def languages(self) -> list[str]:
        return list(self.kiosk["languages"])

    @property
    def default_language(self) -> str:
        return self.kiosk["default_language"]

    @property
    def idle_timeout_s(self) -> int:
        return self.kiosk["idle_timeout_s"]

    @property
    def warning_s(self) -> int:
        return self.kiosk["warning_s"]


def defaults(section: dict[str, Key]) -> dict[str, Any]:
    return {name: key.default for name, key in section.items()}


def _type_name(t: type | tuple[type, ...]) -> str:
    names = {str: "text", int: "whole number", float: "number", bool: "true/false", list: "list"}
    if isinstance(t, tuple):
        return " or ".join(names.get(x, x.__name__) for x in t)
    return names.get(t, t.__name__)


def _line_of(source: str, section: str, key: str) -> int | None:
    """Best-effort line of `key = ...` inside [section] for editor-friendly messages."""
    current = ""
    for number, line in enumerate(source.splitlines(), 1):
        stripped = line.strip()
        header = TABLE_HEADER.match(stripped)
        if header:
            current = header.group(1)
        elif current == section and re.match(rf"^{re.escape(key)}\s*=", stripped):
            return number
    return None


def _section_line(source: str, section: str) -> int | None:
    """Line of a `[section]` header, or of a top-level `section = ...` key."""
    for number, line in enumerate(source.splitlines(), 1):
        header = TABLE_HEADER.match(line.strip())
        if header and header.group(1) == section:
            return number
    return _line_of(source, "", section)


def _check_value(section: str, name: str, key: Key, value: Any) -> str | None:
    """Return why `value` is not acceptable for `key`, or None."""
    expected = key.type
    if expected is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if isinstance(value, bool) and expected is not bool:
        return f"expected {_type_name(expected)}, got true/false"
    if not isinstance(value, expected):
        return f"expected {_type_name(expected)}, got {type(value).__name__}"
    if isinstance(value, float) and not math.isfinite(value):
        # TOML allows nan and inf; nan passes every < and > test below.
        return f"expected a number, got {value}"
    if key.colour and not (isinstance(value, str) and HEX_COLOUR.match(value)):
        return "expected a colour like #1D5F8A"
    if key.pin_hash and value:
        from kiosk.system.pin import is_valid_hash

        if not is_valid_hash(value):
            return "is not a PIN hash written by kiosk set-pin (the PIN pad would never open)"
    if key.choices and value not in key.choices:
        return f"must be one of {', '.join(key.choices)}"
    if not isinstance(value, int | float):  # only numbers have a range
        return None
    if key.min is not None and value < key.min:
        return f"must be at least {key.min:g}"
    if key.max is not None and value > key.max:
        return f"must be at most {key.max:g}"
    return None


def load_config(content_dir: Path) -> Config:
    """Read content_dir/kiosk.toml; never raises."""
    path = content_dir / CONFIG_FILE
    problems: list[Problem] = []
    values = {name: defaults(section) for name, section in SCHEMA.items()}
    try:
        # utf-8-sig: Windows editors (Notepad) may start the file with a byte order mark.
        # Only a regular file inside the folder, and not a huge one: a FIFO must not hang.
        source = read_regular(path, content_dir, MAX_TEXT_BYTES).decode("utf-8-sig")
        data = tomllib.loads(source)
    except FileNotFoundError:
        problems.append(
            error(
                "config-missing",
                CONFIG_FILE,
                None,
                "kiosk.toml is missing",
                "Copy kiosk.toml from the bundled content folder and edit it.",
            )
        )
        source, data = "", {}
    except (OSError, UnicodeDecodeError, RefusedFile) as exc:
        problems.append(
            error(
                "unreadable-file",
                CONFIG_FILE,
                None,
                f"cannot read: {exc}",
                "Save the file as UTF-8 text.",
            )
        )
        source, data = "", {}
    except (tomllib.TOMLDecodeError, RecursionError) as exc:
        problems.append(
            error(
                "config-syntax",
                CONFIG_FILE,
                toml_error_line(exc, source) if isinstance(exc, tomllib.TOMLDecodeError) else None,
                f"not valid TOML: {exc}"
                if isinstance(exc, tomllib.TOMLDecodeError)
                else "not valid TOML: nested too deeply",
                _toml_hint(str(exc)) or "Check quotes, brackets and '=' signs on that line.",
            )
        )
        source, data = "", {}

    for section_name, section_data in data.items():
        if section_name == "device":
            problems.append(
                error(
                    "config-device-key",
                    CONFIG_FILE,
                    _section_line(source, section_name),
                    "[device] belongs to the device file, not the content",
                    DEVICE_HINT.format(how="the same [device] section"),
                )
            )
            continue
        if section_name not in ("clinic", "kiosk", "theme", "admin"):
            what = (
                f"unknown section [{section_name}]"
                if isinstance(section_data, dict)
                else f"unknown key '{section_name}' outside any [section]"
            )
            problems.append(
                error(
                    "config-unknown-key",
                    CONFIG_FILE,
                    _section_line(source, section_name),
                    what,
                    "Known sections: [clinic], [kiosk], [theme], [theme.high_contrast], [admin].",
                    suggestion=closest(section_name, ("clinic", "kiosk", "theme", "admin")),
                )
            )
            continue
        if not isinstance(section_data, dict):
            problems.append(
                error(
                    "config-type",
                    CONFIG_FILE,
                    _section_line(source, section_name),
                    f"'{section_name}' must be a [table]",
                    f"Write [{section_name}] on its own line, then its keys below it.",
                )
            )
            continue
        if section_name == "clinic":
            section_data = _split_clinic_languages(section_data, values, problems, source)
        _apply(section_name, section_data, values, problems, source)

    kiosk = values["kiosk"]
    for code in kiosk["languages"]:
        if not isinstance(code, str) or not LANG_CODE.match(code):
            problems.append(
                error(
                    "config-type",
                    CONFIG_FILE,
                    _line_of(source, "kiosk", "languages"),
                    f"language code {code!r} is not a code like 'en' or 'es'",
                )
            )
    kiosk["languages"] = [
        c for c in kiosk["languages"] if isinstance(c, str) and LANG_CODE.match(c)
    ]
    if not kiosk["languages"]:
        kiosk["languages"] = ["en"]
    if kiosk["default_language"] not in kiosk["languages"]:
        problems.append(
            error(
                "config-range",
                CONFIG_FILE,
                _line_of(source, "kiosk", "default_language"),
                f"default_language {kiosk['default_language']!r} is not in languages",
                f"Use one of: {', '.join(kiosk['languages'])}.",
            )
        )
        kiosk["default_language"] = kiosk["languages"][0]
    by_language = values.pop("clinic-languages", {})
    for code in list(by_language):
        if code not in kiosk["languages"]:
            problems.append(
                error(
                    "config-range",
                    CONFIG_FILE,
                    _section_line(source, f"clinic.{code}"),
                    f"[clinic.{code}] is for a language not in [kiosk] languages",
                    f"Add '{code}' to languages, or remove [clinic.{code}].",
                )
            )
            del by_language[code]
    tables = [("clinic", values["clinic"])]
    tables += [(f"clinic.{code}", table) for code, table in sorted(by_language.items())]
    for table_name, table in tables:
        for name, value in table.items():
            if name != "logo" and value.startswith("[") and value.endswith("]"):
                problems.append(
                    warning(
                        "clinic-placeholder",
                        CONFIG_FILE,
                        _line_of(source, table_name, name),
                        f"{table_name}.{name} is still the placeholder {value}",
                        f"Put your clinic's own details in kiosk.toml [{table_name}].",
                    )
                )

    return Config(
        clinic_by_language=by_language,
        clinic=values["clinic"],
        kiosk=kiosk,
        theme=values["theme"],
        high_contrast=values["theme.high_contrast"],
        admin=values["admin"],
        problems=tuple(problems),
    )


def _split_clinic_languages(section_data: dict, values: dict, problems: list, source: str) -> dict:
    """Take [clinic.es]-style tables out of [clinic]; each is checked like [clinic] itself
    and kept in values["clinic-languages"] (only the keys it sets)."""
    plain = {}
    for name, value in section_data.items():
        if isinstance(value, dict) and LANG_CODE.match(name):
            checked = {"clinic": defaults(CLINIC)}
            _apply("clinic", value, checked, problems, source, table=f"clinic.{name}")
            values.setdefault("clinic-languages", {})[name] = {
                key: value[key]
                for key in value
                if key in CLINIC and checked["clinic"][key] == value[key]
            }
        else:
            plain[name] = value
    return plain


def _apply(
    section_name: str,
    section_data: dict,
    values: dict,
    problems: list,
    source: str,
    table: str | None = None,
):
    table = table or section_name  # the name the editor wrote, for messages and lines
    schema = SCHEMA[section_name]
    for name, value in section_data.items():
        if section_name == "theme" and name == "high_contrast":
            if isinstance(value, dict):
                _apply("theme.high_contrast", value, values, problems, source)
            else:
                problems.append(
                    error(
                        "config-type",
                        CONFIG_FILE,
                        _line_of(source, section_name, name),
                        "theme.high_contrast must be a [theme.high_contrast] table",
                    )
                )
            continue
        key = schema.get(name)
        line = _line_of(source, table, name)
        if (section_name, name) in DEVICE_KEYS:
            problems.append(
                error(
                    "config-device-key",
                    CONFIG_FILE,
                    line,
                    f"{section_name}.{name} belongs to the device, not the content",
                    DEVICE_HINT.format(how=DEVICE_KEYS[section_name, name]),
                )
            )
            continue
        if key is None:
            problems.append(
                error(
                    "config-unknown-key",
                    CONFIG_FILE,
                    line,
                    f"unknown key '{name}' in [{table}]",
                    f"Known keys: {', '.join(schema)}.",
                    suggestion=closest(name, schema),
                )
            )
            continue
        why = _check_value(section_name, name, key, value)
        if why:
            code = "config-type" if why.startswith("expected") else "config-range"
            problems.append(
                error(
                    code,
                    CONFIG_FILE,
                    line,
                    f"{table}.{name}: {why}",
                    f"{key.doc}. Default: {key.default!r}.",
                )
            )
            continue
        if key.type is float:
            value = float(value)
        values[section_name][name] = value


def reference_markdown() -> str:
    """The configuration reference tables in README.md, made from SCHEMA (a test compares)."""
    parts = []
    for section, keys in SCHEMA.items():
        parts += [f"### [{section}]", "", "| key | type | default | meaning |"]
        parts.append("| --- | --- | --- | --- |")
        for name, key in keys.items():
            meaning = key.doc
            limits = []
            if key.min is not None:
                limits.append(f"min {key.min:g}")
            if key.max is not None:
                limits.append(f"max {key.max:g}")
            if key.choices:
                limits.append("one of " + ", ".join(f"`{c}`" for c in key.choices))
            if limits:
                meaning += f" ({', '.join(limits)})"
            default = json.dumps(key.default, ensure_ascii=False)  # TOML spells these alike
            parts.append(f"| `{name}` | {_type_name(key.type)} | `{default}` | {meaning} |")
        parts.append("")
    return "\n".join(parts)


def _toml_hint(message: str) -> str:
    from kiosk.content.hints import toml_hint  # plain words for the parser's (no Markdown)

    return toml_hint(message)
