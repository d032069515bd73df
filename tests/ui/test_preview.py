"""`kiosk preview`: an editor saves a file while the preview shows that page; the new text
is on screen without a tap, on the same page; a save with an error shows the banner with
file and line and keeps the old text on screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF

from kiosk.content.scaffold import init_content
from kiosk.qt.preview import Preview, changed_line
from kiosk.stats.events import EventLog
from tests.mock_speech import MockReader

from .conftest import Driver

OLD = "Bring a list of the medicines you take."
NEW = "Bring a list of every medicine you take, with the doses."


def texts_on_screen(window) -> list[str]:
    """The text of every visible Text item inside the window's area."""
    found, width, height = [], window.width(), window.height()

    def walk(item) -> None:
        if not item.isVisible() or item.opacity() == 0:
            return
        text = item.property("text")
        if isinstance(text, str) and text and item.width() > 0:
            point = item.mapToScene(QPointF(item.width() / 2, item.height() / 2))
            if 0 <= point.x() < width and 0 <= point.y() < height:
                found.append(text)
        for child in item.childItems():
            walk(child)

    walk(window.contentItem())
    return found


def on_screen(window, words: str) -> bool:
    return any(words in text for text in texts_on_screen(window))


@pytest.fixture
def preview(qtbot, tmp_path, fonts, qml_warnings):
    # A kiosk init folder: every UI string the QML needs, so it loads without errors.
    folder = tmp_path / "content"
    init_content(folder, ["en", "es"])
    log = tmp_path / "events.jsonl"
    preview = Preview(folder, events=EventLog(log), reader_type=MockReader, settle_ms=100)
    preview.kiosk.window.show()
    qtbot.waitExposed(preview.kiosk.window)
    driver = Driver(preview.kiosk, qtbot, log)
    yield preview, driver, folder
    preview.close()


def open_page_two(driver) -> None:
    driver.tap("explainerCard_welcome")
    driver.wait_for("explainerScreen")
    driver.tap("nextPage")
    driver.qtbot.waitUntil(lambda: driver.backend.navigation.page == 1)


def test_a_saved_edit_is_on_screen_at_once_on_the_same_page(preview, qtbot):
    preview_, driver, folder = preview
    window = driver.window
    open_page_two(driver)
    qtbot.waitUntil(lambda: on_screen(window, OLD))
    page = folder / "en/explainers/welcome.md"
    page.write_text(page.read_text(encoding="utf-8").replace(OLD, NEW), encoding="utf-8")
    # No tap, no reset: the new words appear where the editor is looking.
    qtbot.waitUntil(lambda: on_screen(window, NEW), timeout=1500)
    assert (
        driver.backend.navigation.screen,
        driver.backend.navigation.item,
        driver.backend.navigation.page,
    ) == (
        "explainer",
        "welcome",
        1,
    )
    assert not on_screen(window, OLD)
    assert not preview_.banner.property("visible")
    assert "reset" not in [e["event"] for e in driver.events()]


def test_a_save_with_an_error_shows_the_banner_and_keeps_the_old_text(preview, qtbot):
    preview_, driver, folder = preview
    window = driver.window
    open_page_two(driver)
    qtbot.waitUntil(lambda: on_screen(window, OLD))
    page = folder / "en/explainers/welcome.md"
    text = page.read_text(encoding="utf-8")
    broken = text.replace(OLD, NEW + " See [more](question:can-i-drive-hom).")
    page.write_text(broken, encoding="utf-8")
    banner = preview_.banner
    qtbot.waitUntil(lambda: banner.property("visible"), timeout=3000)
    line = next(n for n, t in enumerate(broken.splitlines(), 1) if "can-i-drive-hom" in t)
    problems = banner.property("problems")
    assert any(
        p.startswith(f"en/explainers/welcome.md:{line}: ") and "can-i-drive-hom" in p
        for p in problems
    ), problems
    assert any("did you mean 'can-i-drive-home'?" in p for p in problems)
    assert on_screen(window, "error(s)")  # the banner is drawn, over the page
    # The last good content stays, on the same page.
    assert on_screen(window, OLD) and not on_screen(window, NEW)
    assert driver.backend.navigation.page == 1
    # Fixed: the banner goes and the new text shows.
    page.write_text(text.replace(OLD, NEW), encoding="utf-8")
    qtbot.waitUntil(lambda: on_screen(window, NEW) and not banner.property("visible"), timeout=3000)


def test_saving_another_file_opens_it_where_it_changed(preview, qtbot):
    _preview, driver, folder = preview
    open_page_two(driver)
    topic = folder / "en/questions/visit.md"
    text = topic.read_text(encoding="utf-8")
    question = driver.backend.catalog.languages["en"].topics["visit"].questions[-1]
    lines = text.splitlines()
    lines[question.line + 1] = lines[question.line + 1] + " A new sentence."
    topic.write_text("\n".join(lines) + "\n", encoding="utf-8")
    qtbot.waitUntil(
        lambda: (
            (driver.backend.navigation.screen, driver.backend.navigation.item)
            == ("answer", question.id)
        ),
        timeout=3000,
    )


def test_changed_line():
    assert changed_line(None, "a\n") == 1
    assert changed_line("a\nb\nc\n", "a\nB\nc\n") == 2
    assert changed_line("a\n", "a\nb\n") == 2
