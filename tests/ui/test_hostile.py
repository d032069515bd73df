"""Hostile content and restarts in the real QML: the last good content with the reason on
the maintenance screen, the built-in help screen when nothing is good, a live update with a
FIFO and an alias bomb refused without hanging, and a PIN lockout that survives a restart."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hostile import attacks

from kiosk.content.last_good import start_content
from kiosk.system.device import load_device
from kiosk.system.pin import PinGuard, hash_pin, write_pin_hash

from .conftest import make_kiosk

PIN = "482913"


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def pin_device(tmp_path: Path):
    """A device file with the PIN (the PIN hash lives there, never in the content)."""
    path = tmp_path / "device.toml"
    path.write_text("[admin]\n", encoding="utf-8")
    write_pin_hash(path, hash_pin(PIN))
    return load_device(path)


def enter_pin(driver, pin: str) -> None:
    for digit in pin:
        driver.tap(f"pinKey_{digit}")
    driver.tap("pinKey_ok")


def system_rows(maintenance) -> dict[str, str]:
    return {row["label"]: row["value"] for row in maintenance.status.system.rows()}


def test_a_broken_strings_file_after_a_good_start_shows_the_last_good_content_and_says_why(
    qtbot, tmp_path, fonts, qml_warnings, content_copy
):
    device = pin_device(tmp_path)
    last_good = tmp_path / "state" / "last-good"
    assert start_content(content_copy, last_good, None).source == "live"  # the good start
    strings = content_copy / "en" / "strings.toml"
    strings.write_text("touch_to_start = \n", encoding="utf-8")  # broken TOML
    kiosk, driver = make_kiosk(
        qtbot,
        tmp_path,
        idle_timeout=60,
        warning=30,
        content=content_copy,
        last_good_dir=last_good,
        device=device,
    )
    try:
        # The previous content, with its words (not raw keys), on the attract screen.
        assert kiosk.backend.catalog.root == last_good
        assert kiosk.backend.content.label("touch_to_start") != "touch_to_start"
        assert driver.on_screen("touchToStart") is not None
        assert not kiosk.backend.content.fallbackActive
        driver.corner_taps()
        qtbot.waitUntil(lambda: kiosk.maintenance.pinPadOpen)
        enter_pin(driver, PIN)
        qtbot.waitUntil(lambda: kiosk.maintenance.open)
        assert kiosk.maintenance.wait_idle()
        note = system_rows(kiosk.maintenance)["maint_sys_content"]
        assert "Showing the last good content" in note and "en/strings.toml" in note
        assert any(e["event"] == "content_refused_at_start" for e in driver.events())
    finally:
        kiosk.close()


def test_with_no_good_content_the_built_in_help_screen_shows_the_crisis_lines(
    qtbot, tmp_path, fonts, qml_warnings
):
    empty = tmp_path / "empty"
    empty.mkdir()
    kiosk, driver = make_kiosk(
        qtbot, tmp_path, idle_timeout=60, warning=30, content=empty, last_good_dir=tmp_path / "lg"
    )
    try:
        assert kiosk.backend.content.fallbackActive
        screen = driver.wait_for("fallbackScreen")
        assert screen.isVisible()
        words = " ".join(
            t["danger"] + t["crisis"] + t["ask"]
            for t in kiosk.backend.content.fallback_model.rows()
        )
        assert "911" in words and "988" in words
        assert "front desk" in words and "recepción" in words
        # A tap on the screen does not reach the empty content underneath.
        driver.tap_at(driver.center(screen))
        assert kiosk.backend.navigation.screen == "attract"
    finally:
        kiosk.close()


def test_a_live_update_with_a_fifo_and_an_alias_bomb_is_refused_and_later_updates_apply(
    qtbot, tmp_path, fonts, qml_warnings, content_copy
):
    kiosk, driver = make_kiosk(
        qtbot, tmp_path, idle_timeout=60, warning=30, content=content_copy, watch_content=True
    )
    try:
        kiosk.watcher.settle.setInterval(200)
        version = kiosk.backend.content.version
        os.mkfifo(content_copy / "en" / "explainers" / "pipe.md")
        bomb = content_copy / "en" / "explainers" / "bomb.md"
        bomb.write_text(
            "---\ntitle: x\nsummary: y\ntopic: basics\nsources: &a [x, x, x]\n"
            "review: [*a, *a, *a]\n---\nText.\n",
            encoding="utf-8",
        )
        qtbot.waitUntil(
            lambda: any(e["event"] == "content_rejected" for e in driver.events()), timeout=20000
        )
        assert kiosk.backend.content.version == version
        # The loader thread did not hang on the FIFO: the next (good) update is applied.
        (content_copy / "en" / "explainers" / "pipe.md").unlink()
        bomb.unlink()
        page = content_copy / "en" / "questions" / "basics.md"
        page.write_text(page.read_text(encoding="utf-8") + "\nOne more line.\n", "utf-8")
        qtbot.waitUntil(lambda: kiosk.backend.content.version != version, timeout=20000)
    finally:
        kiosk.close()


LIVE_ATTACKS = [
    "symlink-dev-zero",
    "50-mb-file",
    "20000-stars",
    "deep-lists",
    "binary-junk",
    "fifo-kiosk-toml",
    "half-copied-release",
    "images-escaping",
]


@pytest.mark.parametrize("name", LIVE_ATTACKS)
def test_each_hostile_live_update_is_refused_and_the_content_stays(
    qtbot, tmp_path, fonts, qml_warnings, content_copy, name
):
    kiosk, driver = make_kiosk(
        qtbot, tmp_path, idle_timeout=60, warning=30, content=content_copy, watch_content=True
    )
    try:
        kiosk.watcher.settle.setInterval(200)
        version = kiosk.backend.content.version
        attacks.ATTACKS[name][0](content_copy)
        qtbot.waitUntil(
            lambda: any(e["event"] == "content_rejected" for e in driver.events()), timeout=20000
        )
        assert kiosk.backend.content.version == version
        assert driver.on_screen("touchToStart") is not None
    finally:
        kiosk.close()


def test_a_folder_that_changes_while_it_loads_is_loaded_again_before_it_is_shown(
    qtbot, tmp_path, fonts, qml_warnings, content_copy, monkeypatch
):
    from kiosk.content import loader

    real = loader.load_catalog
    page = content_copy / "en" / "questions" / "basics.md"
    versions: list[str] = []

    def copy_goes_on(root, **kwargs):
        catalog = real(root, **kwargs)
        if not versions:  # the copy was still writing while the first load ran
            page.write_text(page.read_text(encoding="utf-8") + "\nThe rest.\n", "utf-8")
        versions.append(catalog.version)
        return catalog

    monkeypatch.setattr(loader, "load_catalog", copy_goes_on)
    kiosk, driver = make_kiosk(
        qtbot, tmp_path, idle_timeout=60, warning=30, content=content_copy, watch_content=True
    )
    try:
        kiosk.watcher.settle.setInterval(200)
        version = kiosk.backend.content.version
        page.write_text(page.read_text(encoding="utf-8") + "\nHalf", "utf-8")
        qtbot.waitUntil(lambda: kiosk.backend.content.version != version, timeout=20000)
        assert len(versions) >= 2
        assert kiosk.backend.content.version == versions[-1] != versions[0]
        ready = [e["version"] for e in driver.events() if e["event"] == "content_ready"]
        assert versions[0] not in ready  # the half-copied folder was never offered
    finally:
        kiosk.close()


def test_five_wrong_pins_a_restart_and_one_more_keep_the_pad_locked(
    qtbot, tmp_path, fonts, qml_warnings, content_copy
):
    device = pin_device(tmp_path)
    clock = FakeClock()
    state = tmp_path / "pin-state.json"

    def start():
        return make_kiosk(
            qtbot,
            tmp_path,
            idle_timeout=60,
            warning=30,
            content=content_copy,
            pin_guard=PinGuard(clock=clock, state_path=state),
            device=device,
        )

    kiosk, driver = start()
    try:
        driver.corner_taps()
        qtbot.waitUntil(lambda: kiosk.maintenance.pinPadOpen)
        for _ in range(5):
            enter_pin(driver, "111111")
        assert kiosk.maintenance.message == "pin_locked"
    finally:
        kiosk.close()
    clock.now += 30
    kiosk, driver = start()  # the restart
    try:
        driver.corner_taps()
        qtbot.waitUntil(lambda: kiosk.maintenance.pinPadOpen)
        assert kiosk.maintenance.message == "pin_locked"
        assert not driver.find("pinKey_2").isEnabled()
        kiosk.maintenance.submitPin("111111")  # one more wrong try, typed on a keyboard
        kiosk.maintenance.submitPin(PIN)  # and even the right one
        assert not kiosk.maintenance.open and kiosk.maintenance.message == "pin_locked"
        assert kiosk.maintenance.lockedSeconds == 270
        locked = [e for e in driver.events() if e["event"] == "pin_locked"]
        assert locked and locked[-1].get("at") == "start"
    finally:
        kiosk.close()


@pytest.fixture
def content_copy(tmp_path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(Path(__file__).resolve().parents[2] / "content", target)
    return target
