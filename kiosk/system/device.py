"""The device file: what belongs to one kiosk, never to the content an editor copies.

The PIN hash, the state and log folders, where the content lives, the speech engine and
per-device overrides (a longer idle timeout on this tablet, the software renderer on that
mini PC) live in a device file outside the content folder, so copying an editor's folder
onto a kiosk never changes its PIN or its statistics, and a PIN hash never travels in git.

Every command finds the device file by the same rule (`--device FILE`, else $KIOSK_DEVICE,
else /etc/kiosk/kiosk.toml) and the state folder from it, so `kiosk stats` on a device
reads the numbers the service writes. Loading never raises: problems are reported (by
`kiosk check`) and the defaults used.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from kiosk.check.problems import Problem, error, toml_error_line, warning
from kiosk.content.config import (
    ADMIN,
    KIOSK,
    Config,
    Key,
    _check_value,
    _line_of,
    _section_line,
    _type_name,
)

DEFAULT_FILE = Path("/etc/kiosk/kiosk.toml")
ENV_VAR = "KIOSK_DEVICE"

DEVICE = {
    "content": Key(
        str, "", "The content folder, when neither --content nor $KIOSK_CONTENT names one"
    ),
    "state_dir": Key(
        str,
        "",
        "Folder for statistics, the lock and the content cache; empty = $XDG_STATE_HOME/kiosk "
        "(~/.local/state/kiosk)",
    ),
    "log_dir": Key(str, "", "Folder for the event log and kiosk.log; empty = <state_dir>/logs"),
    "metrics_file": Key(
        str,
        "",
        "Health metrics file (Prometheus text, for node_exporter's textfile collector); "
        "empty = kiosk.prom in the state folder",
    ),
    "speech_engine": Key(
        str,
        "auto",
        "Read-aloud engine: auto (speech-dispatcher on Linux), speechd or none",
        choices=("auto", "speechd", "none"),
    ),
}
DEVICE_ADMIN = {
    "pin_hash": Key(
        str,
        "",
        "Maintenance PIN as a salted scrypt hash; write it with kiosk set-pin",
        pin_hash=True,
    ),
    "corner": replace(ADMIN["corner"], default=""),
}
# Content settings a device may override: how this screen and these people need it.
OVERRIDABLE = (
    "idle_timeout_s",
    "warning_s",
    "default_language",
    "text_scale",
    "high_contrast",
    "reduced_motion",
    "renderer",
    "show_cursor",
)
OVERRIDES = {name: KIOSK[name] for name in OVERRIDABLE}
SCHEMA: dict[str, dict[str, Key]] = {
    "device": DEVICE,
    "admin": DEVICE_ADMIN,
    "kiosk": OVERRIDES,
}
SECTION_DOCS = {
    "device": "this kiosk's folders and speech",
    "admin": "staff access on this kiosk",
    "kiosk": "overrides of the content's [kiosk] settings, on this kiosk only",
}


@dataclass(frozen=True)
class Device:
    path: Path
    exists: bool
    device: dict[str, Any]
    admin: dict[str, Any]
    overrides: dict[str, Any]  # only the keys the file sets
    problems: tuple[Problem, ...] = field(default=(), compare=False)

    @property
    def pin_hash(self) -> str:
        return str(self.admin.get("pin_hash") or "")

    @property
    def speech_engine(self) -> str:
        return self.device["speech_engine"]

    @property
    def content(self) -> Path | None:
        value = self.device["content"]
        return self._resolve(value) if value else None

    @property
    def state_dir(self) -> Path:
        value = self.device["state_dir"]
        return self._resolve(value) if value else default_state_dir()

    @property
    def log_dir(self) -> Path:
        value = self.device["log_dir"]
        return self._resolve(value) if value else self.state_dir / "logs"

    @property
    def metrics_file(self) -> Path | None:
        """The metrics file chosen here, or None for the default in the state folder."""
        value = self.device["metrics_file"]
        return self._resolve(value) if value else None

    def _resolve(self, value: str) -> Path:
        """Relative folders are relative to the device file (so a test or a USB stick can
        carry one), ~ is the user's home."""
        path = Path(value).expanduser()
        return path if path.is_absolute() else (self.path.parent / path)

    def start_defaults(self) -> dict[str, Any]:
        """What a reset returns to on this device, where the file overrides the content."""
        names = {"text_scale": "text_scale", "high_contrast": "high_contrast"}
        names |= {"reduced_motion": "reduced_motion", "default_language": "language"}
        return {names[k]: v for k, v in self.overrides.items() if k in names}

    def apply(self, config: Config) -> Config:
        """The content's configuration with this device's overrides on top."""
        admin = dict(config.admin)
        if self.admin.get("corner"):
            admin["corner"] = self.admin["corner"]
        kiosk = {**config.kiosk, **self.overrides}
        if kiosk["default_language"] not in kiosk["languages"]:
            kiosk["default_language"] = config.kiosk["default_language"]
        return replace(config, kiosk=kiosk, admin=admin)

    def folders_inside(self, content: Path) -> list[str]:
        """Which of state_dir and log_dir lie inside the content folder."""
        inside = []
        try:
            root = content.resolve()
            for name, folder in (("state_dir", self.state_dir), ("log_dir", self.log_dir)):
                if folder.resolve().is_relative_to(root):
                    inside.append(name)
        except OSError:
            pass
        return inside

    def folder_problems(self, content: Path) -> list[Problem]:
        """A state or log folder inside the content folder would make the kiosk's own writes
        look like content changes (it would reload and reset itself every few seconds), and
        copying new content over it would wipe the statistics."""
        folders = {"state_dir": self.state_dir, "log_dir": self.log_dir}
        return [
            error(
                "device-folder-in-content",
                str(self.path),
                None,
                f"{name} {folders[name]} is inside the content folder {content}",
                "Keep state and logs outside the content folder, e.g. state_dir = "
                '"/var/lib/kiosk"; until then the kiosk uses '
                f"{_outside_default(content)}.",
            )
            for name in self.folders_inside(content)
        ]

    def safe_folders(self, content: Path) -> Device:
        """This device, with a state or log folder inside the content replaced by a default
        outside it (see folder_problems)."""
        bad = self.folders_inside(content)
        if not bad:
            return self
        device = dict(self.device)
        fallback = _outside_default(content)
        if "state_dir" in bad:
            device["state_dir"] = str(fallback)
        if "log_dir" in bad or "state_dir" in bad and not self.device["log_dir"]:
            device["log_dir"] = str(fallback / "logs")
        return replace(self, device=device)


def _outside_default(content: Path) -> Path:
    default = default_state_dir()
    try:
        if default.resolve().is_relative_to(content.resolve()):
            return Path.home() / ".local" / "state" / "kiosk"
    except OSError:
        pass
    return default


def no_device() -> Device:
    """Every default (a development machine, snapshot, most tests)."""
    return load_device(Path(os.devnull))


def default_state_dir() -> Path:
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "kiosk"


def device_path(flag: Path | None = None) -> tuple[Path, bool]:
    """The device file to use and whether it was asked for (flag or environment)."""
    if flag is not None:
        return Path(flag), True
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env), True
    return DEFAULT_FILE, False


def load_device(flag: Path | None = None) -> Device:
    """Read the device file; never raises. A missing default file means a development
    machine: every default applies."""
    path, asked = device_path(flag)
    values = {
        name: {k: key.default for k, key in section.items()} for name, section in SCHEMA.items()
    }
    values["kiosk"] = {}
    problems: list[Problem] = []
    where = str(path)
    source = ""
    exists = False
    try:
        source = path.read_text(encoding="utf-8-sig")
        exists = True
        data = tomllib.loads(source)
    except FileNotFoundError:
        if asked:
            problems.append(
                warning(
                    "device-missing",
                    where,
                    None,
                    "the device file does not exist; using the defaults",
                    "Create it (see docs/configuration.md), or run kiosk set-pin, which writes it.",
                )
            )
        data = {}
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(error("unreadable-file", where, None, f"cannot read: {exc}"))
        data = {}
    except tomllib.TOMLDecodeError as exc:
        problems.append(
            error(
                "config-syntax",
                where,
                toml_error_line(exc, source),
                f"not valid TOML: {exc}",
                "Check quotes, brackets and '=' signs on that line.",
            )
        )
        data = {}

    for section_name, section_data in data.items():
        schema = SCHEMA.get(section_name)
        if schema is None or not isinstance(section_data, dict):
            problems.append(
                error(
                    "config-unknown-key",
                    where,
                    _section_line(source, section_name),
                    f"unknown section [{section_name}] in the device file",
                    "Device file sections: [device], [admin], [kiosk]. Clinic details, "
                    "languages and the theme belong in the content's kiosk.toml.",
                )
            )
            continue
        for name, value in section_data.items():
            key = schema.get(name)
            line = _line_of(source, section_name, name)
            if key is None:
                hint = f"Known keys: {', '.join(schema)}."
                if section_name == "kiosk":
                    hint = (
                        f"A device may override only {', '.join(OVERRIDABLE)}; "
                        "the rest belongs in the content's kiosk.toml."
                    )
                problems.append(
                    error(
                        "config-unknown-key",
                        where,
                        line,
                        f"unknown key '{name}' in [{section_name}]",
                        hint,
                    )
                )
                continue
            why = _check_value(section_name, name, key, value)
            if why:
                code = "config-type" if why.startswith("expected") else "config-range"
                problems.append(
                    error(
                        code,
                        where,
                        line,
                        f"{section_name}.{name}: {why}",
                        f"{key.doc}. Default: {key.default!r}.",
                    )
                )
                continue
            values[section_name][name] = float(value) if key.type is float else value
    return Device(
        path=path,
        exists=exists,
        device=values["device"],
        admin=values["admin"],
        overrides=values["kiosk"],
        problems=tuple(problems),
    )


def reference_markdown() -> str:
    """The device file's tables in docs/configuration.md, made from SCHEMA (a test compares)."""
    parts = []
    for section, keys in SCHEMA.items():
        parts += [f"### [{section}] ({SECTION_DOCS[section]})", ""]
        parts += ["| key | type | default | meaning |", "| --- | --- | --- | --- |"]
        for name, key in keys.items():
            meaning = key.doc
            limits = [f"min {key.min:g}"] if key.min is not None else []
            limits += [f"max {key.max:g}"] if key.max is not None else []
            if key.choices:
                limits.append("one of " + ", ".join(f"`{c}`" for c in key.choices))
            if limits:
                meaning += f" ({', '.join(limits)})"
            default = '`""`' if key.default == "" else f"`{key.default!r}`".replace("'", '"')
            if section == "kiosk":
                default = "the content's"
            parts.append(f"| `{name}` | {_type_name(key.type)} | {default} | {meaning} |")
        parts.append("")
    return "\n".join(parts)
