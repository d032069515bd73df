"""The health metrics file, read with Prometheus' own parser, after a scripted session on the
real QML: every count matches what was done, and nothing typed ever reaches the file."""

from __future__ import annotations

import pytest
from prometheus_client.parser import text_string_to_metric_families
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kiosk.stats.metrics import ERROR_KINDS, RESET_REASONS
from tests.ui.conftest import make_kiosk


def read_metrics(path) -> dict[tuple[str, tuple], float]:
    """{(sample name, sorted labels): value}, through the reference parser."""
    samples = {}
    for family in text_string_to_metric_families(path.read_text(encoding="utf-8")):
        for s in family.samples:
            samples[(s.name, tuple(sorted(s.labels.items())))] = s.value
    return samples


def value(samples, name: str, **labels: str) -> float:
    return samples[(name, tuple(sorted(labels.items())))]


@pytest.fixture
def monitored(qtbot, tmp_path, fonts, qml_warnings):
    kiosk, driver = make_kiosk(
        qtbot,
        tmp_path,
        idle_timeout=1.5,
        warning=1.5,
        usage_db=tmp_path / "usage.sqlite3",
        metrics_file=tmp_path / "prom" / "kiosk.prom",
    )
    yield driver, tmp_path / "prom" / "kiosk.prom"
    kiosk.close()


def search(driver, text: str) -> None:
    if driver.backend.search.text:
        driver.tap("clearSearch")
    driver.type_keys(text)
    QTest.keyClick(driver.window, Qt.Key.Key_Return)


def test_metrics_match_a_scripted_session(monitored):
    k, prom = monitored
    at_start = read_metrics(prom)
    assert value(at_start, "kiosk_up") == 1
    assert value(at_start, "kiosk_sessions_total") == 0
    assert value(at_start, "kiosk_content_info", version=k.backend.content.version, release="") == 1

    # Session 1: Help, two searches (one finds nothing), then Start over.
    k.tap("touchToStart")
    k.tap("helpButton")
    k.wait_for("helpScreen")
    k.tap("homeButton")
    k.tap("homeSearch")
    k.tap("searchInput")
    search(k, "zebra giraffe")
    search(k, "ketamine")
    k.tap("homeButton")
    k.tap("helpButton")
    k.wait_for("helpScreen")
    k.tap("homeButton")
    k.start_over()
    # Session 2: left alone until the idle reset.
    k.tap("touchToStart")
    k.qtbot.waitUntil(lambda: k.backend.navigation.screen == "attract", timeout=8000)
    k.qtbot.waitUntil(lambda: value(read_metrics(prom), "kiosk_speech_available") != -1)

    m = read_metrics(prom)
    assert value(m, "kiosk_sessions_total") == 2
    resets = {r: value(m, "kiosk_resets_total", reason=r) for r in RESET_REASONS}
    assert resets == {"idle": 1, "start-over": 1, "content-update": 0, "maintenance": 0, "other": 0}
    assert value(m, "kiosk_help_opens_total") == 2
    assert value(m, "kiosk_searches_total", results="no") == 1
    assert value(m, "kiosk_searches_total", results="yes") == 1
    assert value(m, "kiosk_keyboard_available") == 1  # the tests run the virtual keyboard
    assert value(m, "kiosk_speech_available") == 1  # Qt's mock engine
    assert value(m, "kiosk_statistics_paused") == 0
    assert value(m, "kiosk_content_update_refused") == 0
    assert all(value(m, "kiosk_errors_total", kind=kind) == 0 for kind in ERROR_KINDS)
    assert value(m, "kiosk_metrics_updated_seconds") >= value(m, "kiosk_start_time_seconds")
    text = prom.read_text(encoding="utf-8").lower()
    for typed in ("zebra", "giraffe", "ketamine"):
        assert typed not in text
    assert not list(prom.parent.glob(".kiosk-*"))  # no temp file left behind


def test_the_file_says_down_after_the_kiosk_closed(qtbot, tmp_path, fonts, qml_warnings):
    prom = tmp_path / "kiosk.prom"
    kiosk, driver = make_kiosk(qtbot, tmp_path, idle_timeout=60, warning=30, metrics_file=prom)
    assert value(read_metrics(prom), "kiosk_up") == 1
    assert value(read_metrics(prom), "kiosk_statistics_paused") == -1  # no statistics here
    kiosk.close()
    assert value(read_metrics(prom), "kiosk_up") == 0
