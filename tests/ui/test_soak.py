"""A short soak: random taps, swipes, typing and idle resets must not crash the kiosk or
make its QML warn. Memory and speed are the benchmark's business (bench/soak.py), not this
test's: nothing here is timed."""

from __future__ import annotations

from bench.soak import run_soak


def test_short_soak_has_no_crash_and_no_qml_warning():
    report = run_soak(
        400, seconds=25, seed=8, env={"QT_QPA_PLATFORM": "offscreen"}, idle_timeout=0.8
    )
    assert not report["crashed"], "\n".join(report.get("stderr_tail", []))
    assert not report["qml_warnings"], "\n".join(report["qml_warnings"])
    assert report["events"] > 50
    assert report["resets"], "no idle or start-over reset happened"
