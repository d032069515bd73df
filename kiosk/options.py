"""What the command line asks for, as typed values: the argparse namespace stops in cli.py.

Each command that shows the kiosk gets one frozen options object, and the function that
builds and wires the parts for it (kiosk/qt/app.py `run`, kiosk/qt/snapshot.py, kiosk/qt/
preview.py) reads nothing else from the command line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kiosk.system.device import Device, no_device


@dataclass(frozen=True)
class Display:
    """How the kiosk starts (--lang, --size, --text-scale, ...); a reset returns to it."""

    language: str | None = None
    size: tuple[int, int] | None = None
    text_scale: float | None = None
    high_contrast: bool = False
    reduced_motion: bool = False


@dataclass(frozen=True)
class RunOptions:
    """`kiosk run`: the kiosk process."""

    content: Path
    device: Device = field(default_factory=no_device)
    display: Display = Display()
    windowed: bool = False  # a normal window instead of locked-down fullscreen
    idle_timeout_s: float | None = None  # None: the content's and the device's settings
    warning_s: float | None = None
    event_log: Path | None = None  # None: events.jsonl in the device's log folder
    metrics_file: Path | None = None  # None: the device's, else kiosk.prom in its state
    hooks: tuple[str, ...] = ()  # --hook modules; () means $KIOSK_HOOK's (docs/hooks.md)


@dataclass(frozen=True)
class SnapshotOptions:
    """`kiosk snapshot`: every screen to PNG, with a contact sheet."""

    content: Path
    out: Path
    display: Display = Display()
    only: frozenset[str] | None = None  # ids of explainers, topics, questions, screens
    event_log: Path | None = None


@dataclass(frozen=True)
class PreviewOptions:
    """`kiosk preview`: the editor's window that shows each saved change."""

    content: Path
    display: Display = Display()
    event_log: Path | None = None
