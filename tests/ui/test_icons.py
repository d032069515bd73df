"""The drawn icons (assets/icons, kiosk/qt/icons.py) and the glyphs the QML still types."""

from __future__ import annotations

import logging
import re
import tomllib
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QRawFont

from kiosk import assets_dir
from kiosk.qt.icons import MAX_SIDE, IconProvider, icon_folder, icon_names

ROOT = Path(__file__).resolve().parents[2]
QML = ROOT / "kiosk" / "qml" / "Kiosk"


ANSWER = r'(?:^|[?:])\s*"([^"]+)"'  # a value a binding gives: not one it compares with


def named_in_qml() -> set[str]:
    """Every icon name a QML file asks for (`iconName: ...` or an Icon's `name: ...`)."""
    names: set[str] = set()
    for path in QML.glob("*.qml"):
        text = path.read_text(encoding="utf-8")
        for line in re.findall(r"^\s*iconName:(.*)$", text, re.M):
            names.update(re.findall(ANSWER, line))
        for block in re.findall(r"\bIcon \{(.*?)\n\s*\}", text, re.S):
            for line in re.findall(r"^\s*name:(.*)$", block, re.M):
                names.update(re.findall(ANSWER, line))
    return names


def test_every_icon_the_qml_names_is_drawn():
    used = named_in_qml()
    assert {"home", "back", "previous", "next", "more-below", "search"} <= used
    assert used <= icon_names(), f"no SVG for {sorted(used - icon_names())}"


def test_icons_are_plain_drawings_in_the_current_colour():
    for path in icon_folder().glob("*.svg"):
        svg = path.read_text(encoding="utf-8")
        assert "currentColor" in svg, path.name
        assert not re.search(r"<script|href|<image|<foreignObject|url\(", svg, re.I), path.name


def test_the_provider_draws_an_icon_in_the_colour_asked(qapp):
    provider = IconProvider()
    image = provider.requestImage("stop/a11d1d", QSize(), QSize(40, 40))
    assert (image.width(), image.height()) == (40, 40)
    middle = image.pixelColor(20, 20)
    assert middle.name() == "#a11d1d" and middle.alpha() == 255
    assert image.pixelColor(0, 0).alpha() == 0  # the corner stays clear


def test_a_see_through_colour_draws_a_see_through_icon(qapp):
    image = IconProvider().requestImage("stop/80a11d1d", QSize(), QSize(40, 40))
    assert 100 < image.pixelColor(20, 20).alpha() < 160


@pytest.mark.parametrize("request_id", ["nope/123456", "stop/red", "stop/", "../fonts/x/123456"])
def test_an_unknown_icon_or_colour_is_blank_and_logged_once(qapp, caplog, request_id):
    provider = IconProvider()
    with caplog.at_level(logging.WARNING, logger="kiosk.qt.icons"):
        for _ in range(3):
            image = provider.requestImage(request_id, QSize(), QSize(24, 24))
            assert image.width() == 24 and image.pixelColor(12, 12).alpha() == 0
    assert len(caplog.records) == 1


def test_a_huge_size_is_capped(qapp):
    image = IconProvider().requestImage("home/000000", QSize(), QSize(100_000, 100_000))
    assert image.width() == MAX_SIDE


def test_an_unreadable_icon_file_is_skipped(qapp, tmp_path, caplog):
    (tmp_path / "good.svg").write_text((icon_folder() / "stop.svg").read_text())
    (tmp_path / "bad.svg").mkdir()  # a folder where a file should be
    with caplog.at_level(logging.WARNING, logger="kiosk.qt.icons"):
        provider = IconProvider(tmp_path)
    assert provider.requestImage("good/000000", QSize(), QSize(8, 8)).pixelColor(4, 4).alpha()
    assert "bad.svg" in caplog.text


def typed_glyphs() -> dict[str, str]:
    """Every character outside ASCII in a QML string literal or a bundled label."""
    found: dict[str, str] = {}
    for path in QML.glob("*.qml"):
        for literal in re.findall(r'"([^"\n]*)"', path.read_text(encoding="utf-8")):
            for char in literal:
                if ord(char) > 127:
                    found.setdefault(char, path.name)
    for path in (ROOT / "content").glob("*/strings.toml"):
        for key, value in tomllib.loads(path.read_text(encoding="utf-8")).items():
            for char in str(value):
                if ord(char) > 127:
                    found.setdefault(char, f"{path.parent.name}/strings.toml {key}")
    return found


def test_the_bundled_font_draws_every_character_the_kiosk_types(qapp):
    """A glyph missing from the bundled font falls back to whatever the tablet has, which
    on a bare system is an empty box: icons are drawn instead (assets/icons)."""
    fonts = [
        QRawFont(str(path), 16)
        for path in (assets_dir() / "fonts").glob("AtkinsonHyperlegible-*.ttf")
    ]
    assert fonts and all(font.isValid() for font in fonts)
    missing = {
        char: where
        for char, where in typed_glyphs().items()
        if not all(font.supportsCharacter(ord(char)) for font in fonts)
    }
    assert not missing, {f"U+{ord(c):04X} {c}": where for c, where in missing.items()}
