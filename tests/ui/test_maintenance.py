"""Maintenance mode through real taps: corner gesture, PIN pad and lockout, the screen's
status and its reload / restart / exit, and the idle timeout closing it."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.qt.maintenance import EXIT_CODE, RESTART_CODE
from kiosk.system.device import load_device
from kiosk.system.pin import PinGuard, hash_pin, write_pin_hash

from .conftest import make_kiosk

PIN = "482913"


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def pin_content(content_copy: Path, tmp_path: Path) -> Path:
    """Content, and a device file with the PIN next to it (tmp_path/device.toml)."""
    (tmp_path / "device.toml").write_text("[admin]\n")
    write_pin_hash(tmp_path / "device.toml", hash_pin(PIN))
    return content_copy


@pytest.fixture
def staff(qtbot, tmp_path, fonts, qml_warnings, pin_content):
    """A kiosk with a PIN, a fake clock for the lockout, and Exit/Restart recorded."""
    clock = FakeClock()
    quits: list[int] = []
    kiosk, driver = make_kiosk(
        qtbot,
        tmp_path,
        idle_timeout=60,
        warning=30,
        content=pin_content,
        device=load_device(tmp_path / "device.toml"),
        pin_guard=PinGuard(clock=clock),
        quit=quits.append,
        usage_db=tmp_path / "usage.sqlite3",
    )
    driver.clock, driver.quits, driver.content = clock, quits, pin_content
    yield driver
    kiosk.close()


def pin_kiosk(qtbot, tmp_path, pin_content, idle_timeout: float, warning: float):
    """A kiosk whose device file holds the PIN, with these timeouts (the idle tests)."""
    return make_kiosk(
        qtbot,
        tmp_path,
        idle_timeout=idle_timeout,
        warning=warning,
        content=pin_content,
        device=load_device(tmp_path / "device.toml"),
    )


def enter_pin(driver, pin: str) -> None:
    for digit in pin:
        driver.tap(f"pinKey_{digit}")
    driver.tap("pinKey_ok")


def open_maintenance(driver) -> None:
    driver.corner_taps()
    driver.wait_for("pinPad")
    driver.qtbot.waitUntil(lambda: driver.find("pinPad").isVisible())
    enter_pin(driver, PIN)
    driver.qtbot.waitUntil(lambda: driver.kiosk.maintenance.open)
    assert driver.kiosk.maintenance.wait_idle()


def test_a_pin_set_while_the_kiosk_runs_counts_at_the_next_pad(staff, tmp_path):
    write_pin_hash(tmp_path / "device.toml", hash_pin("975316"))  # kiosk set-pin, meanwhile
    staff.corner_taps()
    staff.qtbot.waitUntil(lambda: staff.kiosk.maintenance.pinPadOpen)
    enter_pin(staff, "975316")
    staff.qtbot.waitUntil(lambda: staff.kiosk.maintenance.open)


def test_four_corner_taps_or_taps_elsewhere_do_not_open_the_pad(staff):
    staff.corner_taps(4)
    staff.qtbot.wait(50)
    assert not staff.kiosk.maintenance.pinPadOpen
    staff.corner_taps(5)
    staff.qtbot.waitUntil(lambda: staff.kiosk.maintenance.pinPadOpen)
    assert staff.find("pinPad").isVisible()


def test_five_wrong_pins_lock_the_pad_for_five_minutes(staff):
    maintenance = staff.kiosk.maintenance
    staff.corner_taps()
    staff.qtbot.waitUntil(lambda: maintenance.pinPadOpen)
    for tries_left in (4, 3, 2, 1):
        enter_pin(staff, "1111")
        assert maintenance.message == "pin_wrong"
        assert maintenance.attemptsLeft == tries_left
        assert str(tries_left) in staff.find("pinMessage").property("text")
    enter_pin(staff, "1111")
    assert maintenance.message == "pin_locked"
    assert not staff.find("pinKey_2").isEnabled()
    # Locked: even the right PIN typed on a keyboard is not checked.
    maintenance.submitPin(PIN)
    assert not maintenance.open and maintenance.message == "pin_locked"
    staff.clock.now += 299
    assert maintenance.lockedSeconds == 1
    staff.clock.now += 2
    staff.qtbot.waitUntil(lambda: maintenance.message == "", timeout=3000)
    assert staff.find("pinKey_2").isEnabled()
    enter_pin(staff, PIN)
    staff.qtbot.waitUntil(lambda: maintenance.open)
    events = [e["event"] for e in staff.events()]
    assert events.count("pin_wrong") == 4 and events.count("pin_locked") == 1
    assert PIN not in staff.log_path.read_text()  # the PIN itself is never logged


def test_cancel_closes_the_pad_and_forgets_the_digits(staff):
    staff.corner_taps()
    staff.qtbot.waitUntil(lambda: staff.kiosk.maintenance.pinPadOpen)
    staff.tap("pinKey_2")
    staff.tap("pinKey_4")
    assert staff.find("pinPad").property("digits") == "24"
    staff.tap("pinCancel")
    assert not staff.kiosk.maintenance.pinPadOpen
    assert staff.find("pinPad") is None  # hidden
    staff.corner_taps()
    staff.qtbot.waitUntil(lambda: staff.find("pinPad") is not None)
    assert staff.find("pinPad").property("digits") == ""


def test_the_right_pin_opens_maintenance_with_the_check_results(staff):
    open_maintenance(staff)
    status = staff.kiosk.maintenance.status
    assert status.runningVersion == staff.backend.content.version
    assert status.folderChecked and status.checkFailed == ""
    assert status.errors == 0 and status.warnings > 0  # draft review notices
    assert any("draft" in p["message"] for p in status.problems.rows())
    assert staff.find("maintenanceScreen").isVisible()
    assert staff.on_screen("maintClose") is not None
    staff.tap("maintClose")
    assert not staff.kiosk.maintenance.open
    assert staff.find("maintenanceScreen") is None  # hidden


def card_lines(driver, name: str) -> list[str]:
    """The visible lines of text in a maintenance card below its title, in order."""
    card = driver.find(name)
    lines, stack = [], [card]
    while stack:
        item = stack.pop()
        if not item.isVisible():
            continue
        text = item.property("text") if item.inherits("QQuickText") else None
        if text and text != card.property("title"):
            lines.append(text)
        stack.extend(reversed(item.childItems()))
    return lines


def test_the_cards_show_a_week_of_use_the_running_content_and_the_problems(staff):
    staff.tap("touchToStart")
    staff.tap("explainerCard_how-it-works")
    staff.qtbot.waitUntil(lambda: staff.backend.navigation.screen == "explainer")
    staff.tap("homeButton")
    staff.start_over()  # one session, one explainer read
    open_maintenance(staff)
    version = staff.backend.content.version
    usage = card_lines(staff, "maintUsage")
    assert staff.find("maintUsage").property("title") == "Use in the last 7 days"
    assert usage[0].startswith("Sessions: ") and not usage[0].startswith("Sessions: 0.")
    assert "Typical length: " in usage[0] and "Typical length: -" not in usage[0]
    assert usage[0].endswith("Searches: 0, with no answer: 0.")
    assert usage[1] == "Most read guides: how-it-works (1)"
    assert len(usage) == 2  # no question was opened
    content = card_lines(staff, "maintContent")
    assert content[0].startswith(f"Showing version {version}, loaded ")
    assert content[1].startswith(f"Folder on disk: version {version}, 0 errors, ")
    assert len(content) == 2  # the check did not fail
    problems = card_lines(staff, "maintProblems")
    assert staff.find("maintProblems").property("title") == f"Problems found: {len(problems)}"
    assert problems and all(line.startswith("Warning: ") for line in problems)
    system = card_lines(staff, "maintSystem")
    assert "Statistics: ok" in system and "PIN pad: ok" in system


def test_a_check_that_fails_says_why_and_shows_no_folder_results(staff, monkeypatch):
    import kiosk.content

    def broken(folder):
        raise OSError("disk on fire")

    monkeypatch.setattr(kiosk.content, "load_catalog", broken)
    open_maintenance(staff)
    content = card_lines(staff, "maintContent")
    assert content[0].startswith("Showing version ")
    assert content[1:] == ["The check could not run: disk on fire"]
    assert card_lines(staff, "maintUsage") == ["No statistics yet."]
    assert card_lines(staff, "maintProblems") == []  # neither problems nor "no problems"
    assert staff.find("maintProblems").property("title") == "Problems found: 0"


def test_exit_needs_a_second_tap_and_restart_asks_for_a_restart(staff):
    open_maintenance(staff)
    staff.tap("maintExit")
    assert staff.quits == []
    staff.tap("maintExit")
    assert staff.quits == [EXIT_CODE]
    staff.tap("maintRestart")
    assert staff.quits == [EXIT_CODE, RESTART_CODE]


def test_reload_applies_good_content_and_refuses_broken_content(staff):
    open_maintenance(staff)
    maintenance = staff.kiosk.maintenance
    old = staff.backend.content.version
    strings = staff.content / "en" / "strings.toml"
    strings.write_text(
        strings.read_text().replace("Touch the screen to start", "Tap to begin"), "utf-8"
    )
    staff.tap("maintReload")
    assert maintenance.wait_idle()
    assert maintenance.message == "maint_reload_done"
    assert staff.backend.content.version != old
    assert maintenance.open  # the staff member stays on the screen to read the result
    assert maintenance.status.runningVersion == staff.backend.content.version

    current = staff.backend.content.version
    strings.write_text(strings.read_text().replace('language_name = "English"\n', ""), "utf-8")
    staff.tap("maintReload")
    assert maintenance.wait_idle()
    assert maintenance.message == "maint_reload_refused"
    assert staff.backend.content.version == current
    assert maintenance.status.errors >= 1
    assert "errors" in staff.find("maintMessage").property("text")


def test_idle_timeout_closes_maintenance_and_returns_to_attract(
    qtbot, tmp_path, fonts, pin_content
):
    kiosk, driver = pin_kiosk(qtbot, tmp_path, pin_content, 1.0, 0.5)
    try:
        open_maintenance(driver)
        qtbot.waitUntil(lambda: not kiosk.maintenance.open, timeout=5000)
        assert driver.backend.navigation.screen == "attract"
        assert driver.find("touchToStart") is not None
        reasons = [e.get("reason") for e in driver.events() if e["event"] == "reset"]
        assert reasons == ["idle"]
    finally:
        kiosk.close()


def test_a_forgotten_pin_pad_closes_at_the_idle_reset(qtbot, tmp_path, fonts, pin_content):
    kiosk, driver = pin_kiosk(qtbot, tmp_path, pin_content, 1.0, 0.5)
    try:
        driver.corner_taps()
        qtbot.waitUntil(lambda: kiosk.maintenance.pinPadOpen)
        driver.tap("pinKey_1")
        qtbot.waitUntil(lambda: not kiosk.maintenance.pinPadOpen, timeout=5000)
        assert driver.find("pinPad") is None
        assert driver.backend.navigation.screen == "attract"
    finally:
        kiosk.close()


def test_a_kiosk_closed_during_a_check_waits_for_it(qtbot, tmp_path, fonts, pin_content):
    kiosk, driver = pin_kiosk(qtbot, tmp_path, pin_content, 60, 30)
    maintenance = kiosk.maintenance
    try:
        driver.corner_taps()
        driver.qtbot.waitUntil(lambda: maintenance.pinPadOpen)
        enter_pin(driver, PIN)  # opens the screen, which starts checking the content folder
        assert maintenance.open and maintenance.busy
    finally:
        kiosk.close()
    # The check must not report to a maintenance object that is about to be deleted.
    assert not maintenance._worker.is_alive()
