"""Soak: random taps, swipes, typing and idle resets across every screen, for a long time.

    .venv/bin/python -m bench.soak --events 20000 [--seed 1] [--json FILE]

The kiosk runs in a worker subprocess (so a crash is reported, not suffered) with short
session timeouts; the worker drives its window with real input events, as the UI tests do,
and samples its own PSS and USS. Reported: crash, QML warnings, resets, screens visited, and
memory growth after warm-up (target: under 10 MiB over 20,000 events; USS is the steadier
measure on a shared machine, see memory_mib). Exit status 1 on a crash or
a QML warning; memory is reported, not judged.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
WARMUP_FRACTION = 0.2
# Items a finger may aim at; anything else visible with an objectName is tapped rarely.
TARGET_PREFIXES = (
    "touchToStart",
    "explainerCard_",
    "featured_",
    "topic_",
    "chip_",
    "result_",
    "related_",
    "nextPage",
    "prevPage",
    "homeButton",
    "backButton",
    "helpButton",
    "language_",
    "displayButton",
    "biggerText",
    "smallerText",
    "highContrast",
    "reducedMotion",
    "closeDisplay",
    "homeSearch",
    "searchInput",
    "clearSearch",
    "moreBelowButton",
    "moreOnTopic",
    "finishedButton",
    "moreTimeButton",
    "startOverButton",
)


def memory_mib() -> dict[str, float]:
    """This process's PSS, and its USS (private pages). PSS moves by tens of MiB when other
    processes that map the same Qt libraries start or stop (other kiosks, tests, a parallel
    soak). USS moves much less, but library pages also become private when the last other
    process mapping them exits (seen: +51 MiB in one sample as two parallel soaks ended);
    growth() takes the median of three samples at each end."""
    kib = {"pss": 0, "uss": 0}
    for line in Path("/proc/self/smaps_rollup").read_text().splitlines():
        name, _, value = line.partition(":")
        if name == "Pss":
            kib["pss"] += int(value.split()[0])
        elif name in ("Private_Clean", "Private_Dirty"):
            kib["uss"] += int(value.split()[0])
    return {key: round(value / 1024, 2) for key, value in kib.items()}


# -- the worker: runs the kiosk in this process ------------------------------------------
def worker(args: argparse.Namespace) -> int:  # noqa: C901 (one loop of many small actions)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_QUICK_BACKEND", "software")
    os.environ.setdefault("QT_IM_MODULE", "qtvirtualkeyboard")
    from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
    from PySide6.QtGui import QGuiApplication, QKeyEvent
    from PySide6.QtTest import QTest

    from kiosk.qt.app import Kiosk, QmlMessages, load_fonts
    from kiosk.session.inactivity import Timings
    from kiosk.stats.events import EventLog

    messages = QmlMessages()
    messages.install()
    app = QGuiApplication([sys.argv[0]])  # noqa: F841 (must live as long as the kiosk)
    load_fonts()
    tmp = Path(tempfile.mkdtemp(prefix="kiosk-soak-"))
    kiosk = Kiosk(
        Path(args.content),
        events=EventLog(tmp / "events.jsonl"),
        timings=Timings(args.idle_timeout, args.warning),
        size=(1280, 800),
        watch_content=False,
    )
    window = kiosk.window
    window.show()
    QTest.qWaitForWindowExposed(window)
    rng = random.Random(args.seed)
    resets = Counter()
    kiosk.backend.resetDone.connect(lambda reason: resets.update([reason]))
    screens: Counter[str] = Counter()
    actions: Counter[str] = Counter()
    samples: list[tuple[int, float]] = []
    uss_samples: list[tuple[int, float]] = []
    started = time.monotonic()

    def visible_items() -> list[Any]:
        found, stack = [], [window.contentItem()]
        while stack:
            item = stack.pop()
            if not item.isVisible() or item.opacity() == 0:
                continue
            name = item.objectName()
            if name and item.width() > 0 and item.height() > 0:
                point = item.mapToScene(QPointF(item.width() / 2, item.height() / 2))
                if 0 <= point.x() < window.width() and 0 <= point.y() < window.height():
                    found.append((name, point.toPoint(), item))
            stack.extend(item.childItems())
        return found

    def tap(point: QPoint) -> None:
        QTest.mouseClick(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)

    def swipe(start: QPoint, end: QPoint) -> None:
        QTest.mousePress(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
        for i in range(1, 9):
            x = start.x() + (end.x() - start.x()) * i // 8
            y = start.y() + (end.y() - start.y()) * i // 8
            QTest.mouseMove(window, QPoint(x, y), 8)
        QTest.mouseRelease(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)

    def type_text(text: str) -> None:
        for char in text:
            key = Qt.Key.Key_Space if char == " " else Qt.Key(ord(char.upper()))
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QGuiApplication.sendEvent(
                    window, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char)
                )

    def keyboard_keys() -> list[Any]:
        panel = next((i for n, _, i in visible_items() if n == "keyboard"), None)
        if panel is None or not panel.property("active"):
            return []
        keys, stack = [], [panel]
        while stack:
            item = stack.pop()
            text = item.property("text")
            if isinstance(text, str) and len(text) == 1 and text.isalpha() and item.isVisible():
                keys.append(item)
            stack.extend(item.childItems())
        return keys

    words = ["ketamine", "safe", "spray", "cost", "drive", "adiccion", "nausea", "xq"]
    event = 0
    width, height = window.width(), window.height()
    while event < args.events and time.monotonic() - started < args.seconds:
        roll = rng.random()
        items = visible_items()
        targets = [(n, p) for n, p, _ in items if n.startswith(TARGET_PREFIXES)]
        if roll < 0.55 and targets:
            name, point = rng.choice(targets)
            actions["tap:" + name.split("_")[0]] += 1
            tap(point)
        elif roll < 0.62:
            actions["tap:anywhere"] += 1
            tap(QPoint(rng.randrange(width), rng.randrange(height)))
        elif roll < 0.75:
            horizontal = rng.random() < 0.6
            x, y = rng.randrange(100, width - 100), rng.randrange(150, height - 100)
            dx, dy = (rng.choice((-400, 400)), 0) if horizontal else (0, rng.choice((-300, 300)))
            actions["swipe"] += 1
            swipe(
                QPoint(x, y),
                QPoint(max(1, min(width - 1, x + dx)), max(1, min(height - 1, y + dy))),
            )
        elif roll < 0.85:
            actions["type"] += 1
            search = next((p for n, p, _ in items if n == "searchInput"), None)
            if search is not None:
                tap(search)
                type_text(rng.choice(words)[: rng.randrange(1, 9)])
        elif roll < 0.93:
            keys = keyboard_keys()
            actions["keyboard"] += 1 if keys else 0
            for key in rng.sample(keys, min(len(keys), 3)):
                center = key.mapToScene(QPointF(key.width() / 2, key.height() / 2)).toPoint()
                tap(center)
        elif roll < 0.93 + args.idle_share:
            # Walk away: the warning shows, then the reset (both on the short timeouts).
            actions["idle"] += 1
            before = sum(resets.values())
            deadline = time.monotonic() + args.idle_timeout + args.warning + 3
            while sum(resets.values()) == before and time.monotonic() < deadline:
                QTest.qWait(50)
        else:
            actions["wait"] += 1
            QTest.qWait(rng.choice((20, 60, 250)))
        QTest.qWait(args.pace_ms)
        screens[kiosk.backend.navigation.screen] += 1
        event += 1
        if event % args.sample_every == 0 or event == args.events:
            memory = memory_mib()
            samples.append((event, memory["pss"]))
            uss_samples.append((event, memory["uss"]))
            # Progress on stdout: if the worker dies, the parent still knows how far it got.
            print(
                f"SOAK-PROGRESS {event} {samples[-1][1]} {kiosk.backend.navigation.screen}",
                flush=True,
            )
    result = {
        "events": event,
        "seconds": round(time.monotonic() - started, 1),
        "resets": dict(resets),
        "screens": dict(screens),
        "actions": dict(actions),
        "qml_warnings": sorted(set(messages.messages))[:50],
        "pss_samples": samples,
        "uss_samples": uss_samples,
    }
    kiosk.close()
    print("SOAK-RESULT " + json.dumps(result), flush=True)
    # Skip interpreter finalization: PySide6 can crash tearing down QML objects at exit
    # (seen: bool_dealloc during GC). The soak judges the running kiosk, not the exit.
    sys.stderr.flush()
    os._exit(0)


# -- the parent: runs the worker, judges crashes, warnings and growth --------------------
def growth(samples: list[tuple[int, float]], kind: str = "pss") -> dict[str, float]:
    """Memory growth after warm-up: the last samples against the first ones after it."""
    if len(samples) < 4:
        return {}
    warm = [s for s in samples if s[0] >= samples[-1][0] * WARMUP_FRACTION] or samples
    head = sorted(v for _, v in warm[:3])[len(warm[:3]) // 2]
    tail = sorted(v for _, v in warm[-3:])[len(warm[-3:]) // 2]
    prefix = "" if kind == "pss" else kind + "_"
    return {
        f"warm_{kind}_mib": head,
        f"end_{kind}_mib": tail,
        f"{prefix}growth_mib": round(tail - head, 2),
        f"max_{kind}_mib": max(v for _, v in samples),
    }


def run_soak(
    events: int,
    *,
    seconds: float = 3600,
    seed: int = 1,
    content: Path | None = None,
    idle_timeout: float = 1.0,
    warning: float = 0.6,
    env: dict[str, str] | None = None,
    extra: list[str] | None = None,
    gdb: bool = False,
) -> dict[str, Any]:
    """Run a soak worker; returns its report with crash, growth and ok (no crash/warning).

    gdb: run the worker under gdb, which prints the native backtrace if it dies (in the
    report as "backtrace")."""
    # -X faulthandler: a segfault in Qt still prints the Python stack.
    command = [sys.executable, "-X", "faulthandler", "-m", "bench.soak", "--worker"]
    if gdb:
        # -return-child-result: gdb exits with the worker's status (non-zero if it died).
        command = [
            *("gdb", "-q", "-batch", "-return-child-result", "-iex", "set debuginfod enabled off"),
            *("-ex", "set pagination off", "-ex", "run", "-ex", "bt 60", "--args", *command),
        ]
    command += ["--events", str(events)]
    command += ["--seconds", str(seconds), "--seed", str(seed)]
    command += ["--idle-timeout", str(idle_timeout), "--warning", str(warning)]
    command += ["--content", str(content or REPO / "content")] + (extra or [])
    proc = subprocess.run(
        command,
        cwd=REPO,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
    )
    report: dict[str, Any] = {"returncode": proc.returncode}
    progress = []
    for line in proc.stdout.splitlines():
        if line.startswith("SOAK-RESULT "):
            report.update(json.loads(line.removeprefix("SOAK-RESULT ")))
        elif line.startswith("SOAK-PROGRESS "):
            progress.append(line.split()[1:])
    report["crashed"] = proc.returncode != 0 or "events" not in report
    if gdb:
        # gdb's own status is 1 when "bt" finds no stack (the worker exited): judge by what
        # it printed to stdout, from the signal that stopped the worker to the last frame.
        lines = proc.stdout.splitlines()
        stop = next((i for i, line in enumerate(lines) if "received signal" in line), None)
        report["crashed"] = stop is not None or "events" not in report
        if report["crashed"]:
            trace = [line for line in lines[stop or 0 :] if not line.startswith("SOAK-")]
            report["backtrace"] = trace[:80]
    if report["crashed"]:
        # Qt's own chatter (DelegateModel, pipewire) would hide the fatal lines: keep those.
        lines = proc.stderr.splitlines()
        fatal = next((i for i, line in enumerate(lines) if "Fatal" in line), None)
        report["stderr_tail"] = lines[fatal : fatal + 40] if fatal is not None else lines[-40:]
        report["crashed_after_events"] = int(progress[-1][0]) if progress else 0
        report.setdefault("pss_samples", [[int(p[0]), float(p[1])] for p in progress])
    report.update(growth([tuple(s) for s in report.get("pss_samples", [])]))
    uss = growth([tuple(s) for s in report.get("uss_samples", [])], "uss")
    report.update(uss)
    report["ok"] = not report["crashed"] and not report.get("qml_warnings")
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.soak", description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=20000)
    parser.add_argument("--seconds", type=float, default=6 * 3600, help="stop after this long")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--content", default=str(REPO / "content"))
    parser.add_argument("--idle-timeout", type=float, default=1.0)
    parser.add_argument("--warning", type=float, default=0.6)
    parser.add_argument("--idle-share", type=float, default=0.01, help="chance of walking away")
    parser.add_argument("--pace-ms", type=int, default=5, help="event loop time per event")
    parser.add_argument("--sample-every", type=int, default=250)
    parser.add_argument("--json", type=Path, default=None, help="write the report here")
    parser.add_argument(
        "--gdb", action="store_true", help="run the worker under gdb: a native backtrace on a crash"
    )
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        return worker(args)
    extra = ["--idle-share", str(args.idle_share), "--pace-ms", str(args.pace_ms)]
    extra += ["--sample-every", str(args.sample_every)]
    report = run_soak(
        args.events,
        seconds=args.seconds,
        seed=args.seed,
        content=Path(args.content),
        idle_timeout=args.idle_timeout,
        warning=args.warning,
        extra=extra,
        gdb=args.gdb,
    )
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(
        f"events {report.get('events')} in {report.get('seconds')} s; crashed: {report['crashed']}"
    )
    if report["crashed"]:
        print(
            f"exit status {report['returncode']} after about "
            f"{report.get('crashed_after_events')} events"
        )
    print(f"resets {report.get('resets')}; screens {report.get('screens')}")
    print(f"QML warnings: {len(report.get('qml_warnings', []))}")
    for message in report.get("qml_warnings", [])[:10]:
        print(f"  {message}")
    if "growth_mib" in report:
        print(
            f"PSS after warm-up {report['warm_pss_mib']} MiB -> end {report['end_pss_mib']} MiB: "
            f"growth {report['growth_mib']} MiB (target < 10), max {report['max_pss_mib']} MiB"
        )
    if "uss_growth_mib" in report:
        print(
            f"USS after warm-up {report['warm_uss_mib']} MiB -> end {report['end_uss_mib']} MiB: "
            f"growth {report['uss_growth_mib']} MiB (target < 10), max {report['max_uss_mib']} MiB"
        )
    for line in report.get("stderr_tail", []) + report.get("backtrace", []):
        print(f"  {line}")
    return 0 if report["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
