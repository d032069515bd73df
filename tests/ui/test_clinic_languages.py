"""Clinic details per language: [clinic.es] values on Spanish screens and pages."""

from __future__ import annotations

import re

from .conftest import make_kiosk


def spanish_clinic(content):
    config = content / "kiosk.toml"
    text = config.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^hours = .*$", 'hours = "Mon-Fri 9-5"', text, count=1)
    text = text.replace('hours = "[Horario de atención]"', 'hours = "lunes a viernes, de 9 a 5"')
    config.write_text(text, encoding="utf-8")


def test_spanish_screens_show_the_spanish_clinic_values(
    qtbot, tmp_path, fonts, qml_warnings, content_copy
):
    spanish_clinic(content_copy)
    kiosk, driver = make_kiosk(qtbot, tmp_path, idle_timeout=60, warning=30, content=content_copy)
    try:
        driver.tap("attractHelp_es")
        driver.wait_for("helpScreen")
        assert kiosk.backend.content.clinicHours == "lunes a viernes, de 9 a 5"
        # The same kiosk in English shows [clinic]'s value.
        driver.tap("language_en")
        qtbot.waitUntil(lambda: kiosk.backend.preferences.language == "en")
        assert kiosk.backend.content.clinicHours == "Mon-Fri 9-5"
        # Pages are filled per language too: {{ clinic.hours }} in the booking answer.
        es = kiosk.backend.catalog.languages["es"].questions["how-to-book"]
        en = kiosk.backend.catalog.languages["en"].questions["how-to-book"]
        assert any("lunes a viernes, de 9 a 5" in b.plain for b in es.blocks)
        assert any("Mon-Fri 9-5" in b.plain for b in en.blocks)
    finally:
        kiosk.close()


def test_the_help_screen_shows_clinic_details_as_written(
    qtbot, tmp_path, fonts, qml_warnings, content_copy
):
    """An "&" or "<" in the clinic's details is words, not markup (the lines are StyledText)."""
    config = content_copy / "kiosk.toml"
    text = config.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^address = .*$", 'address = "Suite 4 <b>rear</b> & Co"', text, count=1)
    config.write_text(text, encoding="utf-8")
    kiosk, driver = make_kiosk(qtbot, tmp_path, idle_timeout=60, warning=30, content=content_copy)
    try:
        driver.tap("touchToStart")
        driver.tap("helpButton")
        screen = driver.wait_for("helpScreen")
        lines = [item for item in walk(screen) if "Suite 4" in str(item.property("text") or "")]
        assert len(lines) == 1
        shown = lines[0].property("text")
        assert "&lt;b&gt;rear&lt;/b&gt; &amp; Co" in shown  # escaped for StyledText
    finally:
        kiosk.close()


def walk(root):
    stack = [root]
    while stack:
        item = stack.pop()
        yield item
        stack.extend(item.childItems())
