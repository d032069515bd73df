"""Leaving a screen, or changing what its list shows, while its list is still busy.

The soak found both by taps: the question list's rows were being made between frames
when the screen went away or its model was reset, and Qt warned (see QuestionsScreen.qml,
cacheBuffer); the explainer's page list was still moving when its screen was unloaded,
and the kiosk crashed (see ExplainerScreen.release())."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

PAUSES = itertools.cycle((0, 1, 3, 8, 20, 40))


def delegate_warnings(qtlog) -> list[str]:
    return [r.message for r in qtlog.records if r.message.startswith("DelegateModel::")]


def wait(ms: int) -> None:
    """Run the event loop as the kiosk's own does: QTest.qWait also deletes what was
    deleteLater()'d, where qtbot.wait's nested loop leaves the old screens alive."""
    QTest.qWait(ms)


def test_questions_screen_left_or_reset_while_its_rows_are_made(kiosk, qtlog):
    backend = kiosk.backend
    backend.navigation.start()
    topics = [row["id"] for row in backend.content.topics.rows()]
    for turn in range(60):
        backend.navigation.openTopic("")  # every question: more rows than fit on the screen
        wait(next(PAUSES))
        backend.navigation.goHome()  # the Loader destroys the questions screen
        wait(next(PAUSES))
        backend.navigation.openTopic("")
        wait(next(PAUSES))
        backend.search.setText("safe"[: 1 + turn % 4])  # results replace the questions
        wait(next(PAUSES))
        backend.search.setText("")
        wait(next(PAUSES))
        backend.navigation.openTopic(topics[turn % len(topics)])  # a chip: same list, another model
        wait(next(PAUSES))
        backend.navigation.openTopic("")
        wait(next(PAUSES))
        if turn % 10 == 0:
            backend.preferences.setLanguage(
                "es" if backend.preferences.language == "en" else "en"
            )  # a new screen
            wait(next(PAUSES))
        backend.navigation.goHome()
        wait(next(PAUSES))
    assert backend.navigation.screen == "home"
    # Warnings from our QML ("destroyed during incubation") fail the test through the kiosk
    # fixture; the delegate model's name no file.
    assert not delegate_warnings(qtlog), "\n".join(delegate_warnings(qtlog))


def test_leaving_an_explainer_while_its_pages_still_move(kiosk):
    """Swipe, tap Next, tap another language, a few frames apart, as the soak did: the page
    list was still moving when its screen was unloaded, and the kiosk segfaulted in Qt's
    ~QQuickItemView (see ExplainerScreen.release()). A regression shows as a crash here."""
    backend, window = kiosk.backend, kiosk.window
    backend.navigation.start()
    backend.preferences.setReducedMotion(False)  # the fixture's default: pages would turn at once
    explainers = [row["id"] for row in backend.content.explainers.rows()]
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    for turn in range(40):
        backend.navigation.openExplainer(explainers[turn % len(explainers)])
        wait(next(PAUSES))
        start = QPoint(900, 400)
        QTest.mousePress(window, left, none, start)
        for step in range(1, 9):
            QTest.mouseMove(window, QPoint(900 - 50 * step, 400), 8)
        QTest.mouseRelease(window, left, none, QPoint(500, 400))
        wait(5)
        kiosk.tap_at(kiosk.center(kiosk.find("nextPage")))
        wait(next(PAUSES))
        other = "es" if backend.preferences.language == "en" else "en"
        kiosk.tap_at(kiosk.center(kiosk.find("language_" + other)))
        wait(next(PAUSES))
    assert backend.navigation.screen == "explainer"
    # Emptying the old list ends its movement; that must not turn the new screen's page.
    pages = kiosk.find("pages")
    kiosk.qtbot.waitUntil(lambda: pages.property("currentIndex") == backend.navigation.page)
