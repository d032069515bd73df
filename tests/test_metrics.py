"""HealthMetrics without Qt: fixed labels, refused content, errors without their text."""

from __future__ import annotations

import logging

from prometheus_client.parser import text_string_to_metric_families

from kiosk.content.release import release_id
from kiosk.stats.metrics import ErrorsToMetrics, HealthMetrics


def samples(path) -> dict:
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for f in text_string_to_metric_families(path.read_text(encoding="utf-8"))
        for s in f.samples
    }


def test_refused_content_and_a_release_that_arrives_at_reset(tmp_path):
    prom = tmp_path / "kiosk.prom"
    m = HealthMetrics(prom, keyboard=False, clock=lambda: 1000.0)
    m({"event": "content_loaded", "version": "aaa", "release": "git-1"})
    m({"event": "content_rejected", "version": "bbb", "release": "git-2"})
    got = samples(prom)
    assert got[("kiosk_content_info", (("release", "git-1"), ("version", "aaa")))] == 1
    assert got[("kiosk_content_update_refused", ())] == 1
    assert got[("kiosk_errors_total", (("kind", "content_refused"),))] == 1
    assert got[("kiosk_last_error_seconds", (("kind", "content_refused"),))] == 1000

    m({"event": "content_ready", "version": "ccc", "release": "git-3"})
    assert samples(prom)[("kiosk_content_pending", ())] == 1
    m({"event": "reset", "reason": "weird reason", "content_version": "ccc"})
    got = samples(prom)
    assert got[("kiosk_content_info", (("release", "git-3"), ("version", "ccc")))] == 1
    assert got[("kiosk_content_pending", ())] == 0
    assert got[("kiosk_content_update_refused", ())] == 0
    assert got[("kiosk_resets_total", (("reason", "other"),))] == 1


def test_an_error_is_counted_by_area_and_its_message_never_written(tmp_path):
    prom = tmp_path / "kiosk.prom"
    m = HealthMetrics(prom, keyboard=True)
    handler = ErrorsToMetrics(m)
    logger = logging.getLogger("kiosk.usage")
    logger.addHandler(handler)
    try:
        logger.error("disk full while saving %s", "secret patient words")
        logging.getLogger("kiosk.usage").warning("only a warning")
    finally:
        logger.removeHandler(handler)
    m.write()
    got = samples(prom)
    assert got[("kiosk_errors_total", (("kind", "statistics"),))] == 1
    assert sum(v for (name, _), v in got.items() if name == "kiosk_errors_total") == 1
    assert "secret" not in prom.read_text()


def test_label_values_are_escaped_and_a_write_failure_is_not_raised(tmp_path):
    (tmp_path / "blocker").write_text("a file where the folder should be")
    m = HealthMetrics(tmp_path / "blocker" / "kiosk.prom", keyboard=True)
    m({"event": "content_loaded", "version": 'a"b\\c\nd', "release": ""})  # no exception
    m.path = tmp_path / "ok.prom"
    m.write()
    assert samples(m.path)[("kiosk_content_info", (("release", ""), ("version", 'a"b\\c\nd')))] == 1


def test_the_release_marker_is_cut_to_a_plain_short_id(tmp_path):
    assert release_id(tmp_path) == ""
    (tmp_path / "RELEASE").write_text('git-3f2a"}\n<script>second line\n')
    assert release_id(tmp_path) == "git-3f2a"
    (tmp_path / "RELEASE").write_bytes(b"x" * 500)
    assert release_id(tmp_path) == "x" * 64
