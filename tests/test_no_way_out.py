"""Nothing in the kiosk can open another program, a browser, a file dialog, or let a finger
zoom, drag or select: checked over the source, so a later change cannot slip one in."""

from __future__ import annotations

import re

from conftest import REPO

KIOSK = REPO / "kiosk"
# What would open something outside the kiosk, or hand the screen to another program.
PYTHON_FORBIDDEN = re.compile(
    r"\b(subprocess|webbrowser|QDesktopServices|os\.system|os\.startfile|QProcess|os\.spawn)"
)
QML_FORBIDDEN = re.compile(
    r"\b(openUrlExternally|FileDialog|FolderDialog|PinchHandler|PinchArea|DropArea|"
    r"Drag\.active|DragHandler|WebEngineView|WebView|Menu\s*\{|TextEdit\s*\{)"
)


def test_python_never_starts_another_program():
    hits = [
        f"{path.relative_to(REPO)}:{number}: {line.strip()}"
        for path in KIOSK.rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if PYTHON_FORBIDDEN.search(line) and not line.lstrip().startswith("#")
    ]
    assert hits == []


def test_qml_has_no_zoom_drag_drop_menus_dialogs_or_links_out():
    hits = [
        f"{path.relative_to(REPO)}:{number}: {line.strip()}"
        for path in (KIOSK / "qml").rglob("*.qml")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if QML_FORBIDDEN.search(line) and not line.lstrip().startswith("//")
    ]
    assert hits == []


def test_text_fields_cannot_select_or_paste_by_mouse():
    for path in (KIOSK / "qml").rglob("*.qml"):
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r"\bTextInput\s*\{", text):
            body = text[match.end() : match.end() + 2000]
            assert "selectByMouse: false" in body, path.name
