"""A content path that is a `current` symlink, swapped atomically to a new release (as the
deploy/ scripts do): the kiosk notices the swap, applies a good release at the next reset,
refuses a broken one and keeps what it shows, and says which release it runs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from prometheus_client.parser import text_string_to_metric_families

from tests.ui.conftest import CONTENT, make_kiosk

EXPLAINER = Path("en") / "explainers" / "how-it-works.md"


def release(root: Path, name: str, *, title: str | None = None, broken: bool = False) -> Path:
    folder = root / "releases" / name
    shutil.copytree(CONTENT, folder)
    (folder / "RELEASE").write_text(name + "\n")
    page = folder / EXPLAINER
    text = page.read_text(encoding="utf-8")
    if title:
        text = text.replace("title: How", f"title: {title} How", 1)
    if broken:
        text = text.replace("---\ntitle:", "---\ntitle: [broken\n", 1)
    page.write_text(text, encoding="utf-8")
    return folder


def swap(root: Path, name: str) -> None:
    """`ln -s releases/NAME tmp && mv -T tmp current`."""
    tmp = root / ".current-tmp"
    os.symlink(Path("releases") / name, tmp)
    os.replace(tmp, root / "current")


def metric(prom: Path, name: str) -> dict:
    return {
        tuple(sorted(s.labels.items())): s.value
        for f in text_string_to_metric_families(prom.read_text(encoding="utf-8"))
        for s in f.samples
        if s.name == name
    }


@pytest.fixture
def rollout(qtbot, tmp_path, fonts, qml_warnings):
    site = tmp_path / "site"
    release(site, "r1")
    swap(site, "r1")
    prom = tmp_path / "kiosk.prom"
    kiosk, driver = make_kiosk(
        qtbot,
        tmp_path,
        content=site / "current",
        idle_timeout=60,
        warning=30,
        watch_content=True,
        metrics_file=prom,
    )
    kiosk.watcher.settle.setInterval(100)
    yield kiosk, driver, site, prom
    kiosk.close()


def titles(driver) -> list[str]:
    return [r["title"] for r in driver.backend.content.explainers.rows()]


def test_a_swapped_link_applies_at_the_next_reset_and_a_broken_release_is_refused(rollout):
    kiosk, k, site, prom = rollout
    assert metric(prom, "kiosk_content_info") == {
        (("release", "r1"), ("version", k.backend.content.version)): 1
    }
    k.tap("touchToStart")
    old = k.backend.content.version
    release(site, "r2", title="Updated")
    swap(site, "r2")
    k.qtbot.waitUntil(
        lambda: any(e.get("release") == "r2" for e in k.events() if e["event"] == "content_ready"),
        timeout=8000,
    )
    assert k.backend.content.version == old  # a patient is reading: wait for the reset
    assert metric(prom, "kiosk_content_pending") == {(): 1}
    k.start_over()
    k.qtbot.waitUntil(lambda: k.backend.content.version != old)
    assert any(t.startswith("Updated How") for t in titles(k))
    (labels,) = metric(prom, "kiosk_content_info")
    assert dict(labels) == {"release": "r2", "version": k.backend.content.version}
    system = {row["label"]: row["value"] for row in kiosk.maintenance._running().system}
    assert system["maint_sys_release"] == "r2"  # what the maintenance screen shows

    good = k.backend.content.version
    release(site, "r3", broken=True)
    swap(site, "r3")
    k.qtbot.waitUntil(
        lambda: any(
            e.get("release") == "r3" for e in k.events() if e["event"] == "content_rejected"
        ),
        timeout=8000,
    )
    k.tap("touchToStart")
    k.start_over()
    assert k.backend.content.version == good
    assert any(t.startswith("Updated How") for t in titles(k))
    assert metric(prom, "kiosk_content_update_refused") == {(): 1}
    assert metric(prom, "kiosk_content_info") == {(("release", "r2"), ("version", good)): 1}


def test_the_periodic_check_catches_a_change_the_file_watcher_missed():
    """Run in a process of its own: after the accessibility audit, in the same process, this
    test aborted (SIGABRT, Qt or PySide, cause not found yet) in most full runs; alone it
    passes. Not a timing test: the check runs every 200 ms and the wait is generous."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-o",
            "addopts=",
            "-q",
            "-p",
            "no:cacheprovider",
            f"{__file__}::{ISOLATED}",
        ],
        env={**os.environ, "KIOSK_ISOLATED_TEST": "1"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "1 passed" in result.stdout


ISOLATED = "test_periodic_check_in_this_process"


@pytest.mark.skipif(
    os.environ.get("KIOSK_ISOLATED_TEST") != "1", reason="run by the test above, in its own process"
)
def test_periodic_check_in_this_process(rollout):
    kiosk, k, site, _prom = rollout
    # As if inotify ran out of watches: the file watcher's news no longer arrives. (Not by
    # removing its paths: the watcher adds them again, and inotify's late "watch removed"
    # notices for reused descriptors are a needless race to bring into a test.)
    watcher = kiosk.watcher
    watcher.watcher.directoryChanged.disconnect(watcher._changed)
    watcher.watcher.fileChanged.disconnect(watcher._changed)
    old = k.backend.content.version
    page = site / "current" / EXPLAINER
    page.write_text(
        page.read_text(encoding="utf-8").replace("title: How", "title: Checked How", 1),
        encoding="utf-8",
    )
    k.tap("touchToStart")
    watcher.check.setInterval(200)
    watcher.check.start()
    k.qtbot.waitUntil(lambda: any(e["event"] == "content_ready" for e in k.events()), timeout=8000)
    k.start_over()
    k.qtbot.waitUntil(lambda: k.backend.content.version != old)
    assert any(t.startswith("Checked How") for t in titles(k))


def test_a_swap_before_the_watcher_started_is_noticed(qtbot, tmp_path, fonts, qml_warnings):
    site = tmp_path / "site"
    release(site, "r1")
    swap(site, "r1")
    kiosk, k = make_kiosk(
        qtbot,
        tmp_path,
        content=site / "current",
        idle_timeout=60,
        warning=30,
        watch_content=True,
        start_later=True,  # as the kiosk process does: watching starts after the first frame
    )
    try:
        old = k.backend.content.version
        release(site, "r2", title="Early")
        swap(site, "r2")
        kiosk.start_background()
        k.qtbot.waitUntil(lambda: k.backend.content.version != old, timeout=8000)
        assert any(t.startswith("Early How") for t in titles(k))
    finally:
        kiosk.close()


def test_closing_the_kiosk_mid_load_waits_for_the_load(
    qtbot, tmp_path, fonts, qml_warnings, monkeypatch
):
    """A loader thread must never outlive the watcher it reports to (or be the last to hold
    it: a Qt object freed on that thread can abort the process)."""
    import threading
    import time

    from kiosk.content import loader

    started = threading.Event()
    real = loader.load_catalog

    def slow_load(*args, **kwargs):
        started.set()
        time.sleep(2)  # a large content folder on a slow card
        return real(*args, **kwargs)

    site = tmp_path / "site"
    release(site, "r1")
    swap(site, "r1")
    kiosk, k = make_kiosk(
        qtbot, tmp_path, content=site / "current", idle_timeout=60, warning=30, watch_content=True
    )
    monkeypatch.setattr(loader, "load_catalog", slow_load)  # the watcher's loads only
    kiosk.watcher.settle.setInterval(0)
    release(site, "r2", title="Late")
    swap(site, "r2")
    k.qtbot.waitUntil(started.is_set, timeout=8000)
    kiosk.close()
    assert not [t for t in threading.enumerate() if t.name.startswith("content-")]
    assert not [e for e in k.events() if e["event"] == "content_ready"]
