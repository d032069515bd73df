"""The kiosk benchmark: start-up, memory, idle cost, tap latency, search, content load, reset.

    scripts/bench.sh [--quick] [--platforms xcb,offscreen] [--idle-seconds 60] [--peer]
    scripts/bench.sh --only quality   # search quality alone (or: python -m bench.quality)

Every number comes from a real `kiosk run` process (under Xvfb for xcb) except search and
content load, which time the same Python code in a fresh interpreter. Results go to JSON
(bench/results/<time>.json unless --out) and a table of budget vs measured. Budgets are
reported, never asserted: timings on a shared machine are noisy.
"""

from __future__ import annotations

import argparse
import json
import platform as host_platform
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.common import (
    PYTHON,
    REPO,
    KioskProcess,
    Platform,
    kiosk,
    percentile,
    xdotool,
    xvfb,
)
from bench.gen import generate_files, generate_questions
from bench.quality import report_lines, search_quality

RESULTS = REPO / "bench" / "results"

# name: (limit, unit, how the measured value compares, what it means)
BUDGETS: dict[str, tuple[float, str, str, str]] = {
    "first_frame_s": (0.4, "s", "<=", "launch -> first frame of attract (median)"),
    "pss_after_500_nav_mib": (120, "MiB", "<=", "PSS after 500 navigations"),
    "idle_frames_attract": (0, "frames", "<=", "frames rendered while idle on attract"),
    "idle_frames_explainer": (0, "frames", "<=", "frames rendered while idle on an explainer"),
    "idle_cpu_attract_s_per_min": (0.05, "CPU-s/min", "<", "idle CPU on attract"),
    "idle_cpu_explainer_s_per_min": (0.05, "CPU-s/min", "<", "idle CPU on an explainer"),
    "tap_first_frame_ms_p50": (33, "ms", "<=", "tap -> first frame of new content (median)"),
    "search_keystroke_ms_p95": (2, "ms", "<=", "search per keystroke, 2,000 questions (p95)"),
    "search_top1_en": (0.85, "share", ">=", "search quality en: right answer first"),
    "search_top3_en": (0.97, "share", ">=", "search quality en: right answer in top 3"),
    "search_top1_es": (0.85, "share", ">=", "search quality es: right answer first"),
    "search_top3_es": (0.97, "share", ">=", "search quality es: right answer in top 3"),
    "load_1000_files_s": (1.0, "s", "<=", "load + index 1,000 files"),
    # 1,900 files: just under the content folder's 2,000-file limit (kiosk/content/safe_files.py).
    "load_growth_1900_vs_1000": (2.3, "x", "<=", "time(1,900)/time(1,000); linear is 1.9"),
    "reset_ms": (100, "ms", "<=", "idle timeout -> attract drawn (median)"),
}

EXPLAINER = "how-it-works"  # bundled content ids the navigation tour uses
TOPIC = "safety"
QUESTION = "is-ketamine-safe"


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def _wall(event: dict[str, Any]) -> float:
    return datetime.fromisoformat(event["time"]).timestamp()


# -- cold start ---------------------------------------------------------------------------
def cold_start(plat: Platform, runs: int, work: Path) -> dict[str, Any]:
    """Launch -> first frame, from the kiosk's own event (seconds since its process started)
    and from outside (the event's wall-clock time minus the moment we launched it).

    The runs share one state folder, as restarts of one kiosk do: the first run parses the
    markdown and fills the content cache, the others start from it (the usual case)."""
    state = plat.state or work / f"state-{plat.name}"
    inside, outside, scene = [], [], ""
    for _ in range(runs + 1):
        wall = time.time()
        # QSG_INFO: Qt itself says which scene graph backend it loaded.
        with kiosk(plat, hook=False, state=state, env={"QSG_INFO": "1"}) as k:
            event = k.wait_event("first_frame")
            start = k.wait_event("start")
            scene = start.get("scene_graph", "")
            inside.append(event["seconds"])
            outside.append(round(_wall(event) - wall, 3))
        loaded = [line for line in k.stderr_text.splitlines() if "Loading backend" in line]
        qt_says = loaded[0].split("Loading backend")[-1].strip() if loaded else "?"
    return {
        "runs": runs,
        "uncached_first_frame_s": inside[0],
        "first_frame_s": inside[1:],
        "first_frame_external_s": outside[1:],
        "median_s": statistics.median(inside[1:]),
        "min_s": min(inside[1:]),
        "median_external_s": statistics.median(outside[1:]),
        "scene_graph": scene,
        "qsg_info_backend": qt_says,
        "gpu_device": any(Path("/dev/dri").glob("renderD*")),
    }


def tap(k: KioskProcess, plat: Platform, name: str) -> float:
    """Tap the middle of an item like a finger would; returns monotonic time just before."""
    where = k.ask(cmd="find", name=name)
    if where["found"] and not where["visible"] and where["scrolled"]:
        k.settle(quiet=0.2)  # scrolled into view first, as a finger would
        where = k.ask(cmd="find", name=name)
    if not where["found"] or not where.get("visible"):
        raise RuntimeError(f"nothing called {name!r} on screen")
    deadline = time.monotonic() + 2
    while where.get("settling") and time.monotonic() < deadline:
        # Just appeared or moved: it takes taps after 350 ms, as a person's would come.
        time.sleep(0.05)
        where = k.ask(cmd="find", name=name)
    before = time.monotonic()
    if plat.name == "xcb":
        xdotool(plat.display, "mousemove", str(where["x"]), str(where["y"]), "click", "1")
    else:
        k.ask(cmd="tap", x=where["wx"], y=where["wy"])
    return before


def wait_latency(k: KioskProcess, since: float, timeout: float = 10) -> dict[str, Any]:
    """The hook's record of the first frame after a screen change that happened after since."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for record in reversed(k.ask(cmd="state")["latencies"]):
            if record["frame"] > since:
                return record
        time.sleep(0.005)
    raise TimeoutError("no new content was drawn")


def cold_to_home(plat: Platform, runs: int) -> dict[str, Any]:
    """Launch, tap 'touch to start' as soon as the first frame shows, home screen drawn."""
    totals = []
    for _ in range(runs):
        with kiosk(plat) as k:
            k.wait_frame_after(0)
            # The first layout pass may land a frame after the first one: wait for the button.
            deadline = time.monotonic() + 5
            while not k.ask(cmd="find", name="touchToStart")["found"]:
                if time.monotonic() > deadline:
                    raise TimeoutError("no touchToStart")
                time.sleep(0.005)
            before = tap(k, plat, "touchToStart")
            record = wait_latency(k, before)
            started = k.launched
            totals.append(round(record["frame"] - started, 3))
    return {"runs": runs, "home_ready_s": totals, "median_s": statistics.median(totals)}


# -- memory and idle ----------------------------------------------------------------------
def navigate(k: KioskProcess, slot: str, *args: Any) -> None:
    before = time.monotonic()
    state = k.ask(cmd="call", slot=slot, args=list(args))
    if state["latencies"] and state["latencies"][-1]["frame"] > before:
        return
    with suppress(TimeoutError):  # a call that changes nothing visible (same page again)
        wait_latency(k, before, timeout=5)


TOUR: list[tuple[str, tuple[Any, ...]]] = [
    ("navigation.start", ()),
    ("navigation.openExplainer", (EXPLAINER,)),
    ("navigation.setPage", (1,)),
    ("navigation.setPage", (2,)),
    ("navigation.back", ()),
    ("navigation.openTopic", ("",)),
    ("navigation.openTopic", (TOPIC,)),
    ("navigation.openQuestion", (QUESTION,)),
    ("navigation.openHelp", ()),
    ("navigation.goHome", ()),
    ("preferences.setLanguage", ("es",)),
    ("navigation.openExplainer", (EXPLAINER,)),
    ("navigation.openTopic", ("",)),
    ("navigation.openQuestion", (QUESTION,)),
    ("preferences.setLanguage", ("en",)),
    ("navigation.goHome", ()),
    ("session.startOver", ()),  # a reset back to attract, as at the end of a visit
]


def idle(k: KioskProcess, seconds: float) -> dict[str, float]:
    k.settle(quiet=1.0)
    state0, cpu0 = k.ask(cmd="state"), k.cpu()
    time.sleep(seconds)
    state1, cpu1 = k.ask(cmd="state"), k.cpu()
    cpu = cpu1 - cpu0
    return {
        "seconds": seconds,
        "frames": state1["frames"] - state0["frames"],
        "cpu_s": round(cpu, 3),
        "cpu_s_per_min": round(cpu * 60 / seconds, 4),
    }


def memory_and_idle(plat: Platform, idle_seconds: float, navigations: int) -> dict[str, Any]:
    out: dict[str, Any] = {}
    with kiosk(plat) as k:
        # Idle means nothing left to do: read aloud loads in the background after the first
        # frame (seconds of CPU with speech-dispatcher), so wait for it to finish either way.
        out["speech"] = k.wait_event("speech_ready", "speech_unavailable", timeout=60)
        k.settle(quiet=1.0)
        out["pss_start_mib"] = round(k.pss(), 1)
        out["memory_start_mib"] = k.memory()
        out["processes"] = len(k.pids())
        log(f"  idle on attract for {idle_seconds:g} s")
        out["idle_attract"] = idle(k, idle_seconds)
        navigate(k, "navigation.start")
        navigate(k, "navigation.openExplainer", EXPLAINER)
        log(f"  idle on an explainer for {idle_seconds:g} s")
        out["idle_explainer"] = idle(k, idle_seconds)
        navigate(k, "navigation.goHome")
        k.settle()
        out["pss_home_mib"] = round(k.pss(), 1)
        log(f"  {navigations} navigations")
        done = 0
        while done < navigations:
            for slot, args in TOUR:
                navigate(k, slot, *args)
                done += 1
                if done >= navigations:
                    break
        k.settle()
        out["navigations"] = done
        out["pss_after_nav_mib"] = round(k.pss(), 1)
        out["memory_after_nav_mib"] = k.memory()
        navigate(k, "navigation.start")
        navigate(k, "navigation.openTopic", "")
        k.settle()
        k.ask(cmd="keyboard")
        time.sleep(0.5)
        state = k.settle()
        out["keyboard_shown"] = state["keyboard"]
        out["pss_keyboard_mib"] = round(k.pss(), 1)
    return out


# -- tap latency --------------------------------------------------------------------------
TAPS = [
    ("touchToStart", "home"),
    (f"explainerCard_{EXPLAINER}", "explainer"),
    ("nextPage", "page turn"),
    ("homeButton", "home"),
    (f"topic_{TOPIC}", "questions"),
    ("helpButton", "help"),
    ("homeButton", "home"),
]


def tap_latency(plat: Platform, rounds: int) -> dict[str, Any]:
    """Input event -> first frame that shows the new content; and -> last frame of any
    transition (the frames stop once an animation ends)."""
    rows = []
    with kiosk(plat) as k:
        k.settle()
        for _ in range(rounds):
            for name, kind in TAPS:
                k.settle(quiet=0.3)
                before = tap(k, plat, name)
                record = wait_latency(k, before)
                state = k.settle(quiet=0.4)
                input_at = record["frame"] - record["input_ms"] / 1000
                rows.append(
                    {
                        "tap": name,
                        "kind": kind,
                        "first_frame_ms": record["input_ms"],
                        "after_qml_built_ms": record["change_ms"],  # hook runs after QML's handlers
                        "from_xdotool_ms": round((record["frame"] - before) * 1000, 2),
                        "settled_ms": round((state["last_frame"] - input_at) * 1000, 2),
                    }
                )
            navigate(k, "session.startOver")
    first = [r["first_frame_ms"] for r in rows]
    settled = [r["settled_ms"] for r in rows]
    return {
        "taps": len(rows),
        "first_frame_ms_p50": percentile(first, 50),
        "first_frame_ms_p95": percentile(first, 95),
        "first_frame_ms_max": max(first),
        "settled_ms_p50": percentile(settled, 50),
        "settled_ms_p95": percentile(settled, 95),
        "by_kind": {
            kind: {
                "first_frame_ms_p50": percentile(
                    [r["first_frame_ms"] for r in rows if r["kind"] == kind], 50
                ),
                "settled_ms_p50": percentile(
                    [r["settled_ms"] for r in rows if r["kind"] == kind], 50
                ),
            }
            for kind in sorted({r["kind"] for r in rows})
        },
        "rows": rows,
    }


# -- reset --------------------------------------------------------------------------------
def reset(plat: Platform, runs: int) -> dict[str, Any]:
    """Short timeouts (windowed test mode); from the timeout firing to attract drawn."""
    values, logged = [], []
    with kiosk(plat, windowed=True, args=["--idle-timeout", "0.5", "--warning", "0.5"]) as k:
        for _ in range(runs):
            navigate(k, "navigation.start")
            navigate(k, "navigation.openExplainer", EXPLAINER)
            k.ask(cmd="call", slot="navigation.setPage", args=[1])
            before = time.monotonic()
            deadline = before + 10
            record = None
            while record is None and time.monotonic() < deadline:
                for row in k.ask(cmd="state")["latencies"]:
                    if row["frame"] > before and "reset_ms" in row:
                        record = row
                time.sleep(0.02)
            if record is None:
                raise TimeoutError("no reset drawn")
            values.append(record["reset_ms"])
        logged = [e["ms"] for e in k.events() if e["event"] == "reset"]
    return {
        "runs": runs,
        "reset_drawn_ms": values,
        "median_ms": statistics.median(values),
        "backend_reset_ms_logged": logged,
    }


# -- search and content load (pure Python, fresh interpreters) ----------------------------
SEARCH_SCRIPT = r"""
import json, sys, time, random
from pathlib import Path
from kiosk.content import load_catalog
from kiosk.search.index import SearchIndex
catalog = load_catalog(Path(sys.argv[1]), readability=False)
index = SearchIndex(catalog)
rng = random.Random(8)
questions = list(catalog.languages["en"].questions.values())
queries = [q.title for q in rng.sample(questions, 20)]
queries += ["ketamin adictive", "is it safe for my heart", "how long does an infusion take",
            "side efects", "nasal spray cost", "dissociation", "can I drive home"]
times, cpu = [], []
for query in queries:
    for end in range(1, len(query) + 1):
        started, started_cpu = time.perf_counter(), time.process_time()
        index.search(query[:end], "en")
        cpu.append((time.process_time() - started_cpu) * 1000)
        times.append((time.perf_counter() - started) * 1000)
print(json.dumps({"questions": len(questions), "keystrokes": len(times), "ms": times, "cpu": cpu}))
"""

LOAD_SCRIPT = r"""
import json, sys, time
from pathlib import Path
def pss():
    for line in open("/proc/self/smaps_rollup"):
        if line.startswith("Pss:"):
            return int(line.split()[1]) / 1024
from kiosk.content import load_catalog
from kiosk.search.index import SearchIndex
before = pss()
started = time.perf_counter()
catalog = load_catalog(Path(sys.argv[1]), readability=False)
loaded = time.perf_counter()
index = SearchIndex(catalog)
done = time.perf_counter()
lang = catalog.languages["en"]
errors = [p.code for p in catalog.problems if str(p.severity) == "error"]
if errors:  # a refused folder loads in no time: never report that as a load time
    sys.exit(f"the generated folder was refused: {sorted(set(errors))}")
print(json.dumps({"load_s": loaded - started, "index_s": done - loaded, "total_s": done - started,
                  "pss_growth_mib": pss() - before, "explainers": len(lang.explainers),
                  "questions": len(lang.questions)}))
"""


def _python(script: str, *args: str) -> dict[str, Any]:
    result = subprocess.run(
        [str(PYTHON), "-c", script, *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def search_latency(work: Path) -> dict[str, Any]:
    folder = generate_questions(work / "search-2000", 2000)
    data = _python(SEARCH_SCRIPT, str(folder))
    ms = data.pop("ms")
    cpu = data.pop("cpu")
    return {
        **data,
        "p50_ms": round(percentile(ms, 50), 3),
        "p95_ms": round(percentile(ms, 95), 3),
        "max_ms": round(max(ms), 3),
        # The code's own cost: on a shared machine the wall time adds waiting for a CPU.
        "cpu_p50_ms": round(percentile(cpu, 50), 3),
        "cpu_p95_ms": round(percentile(cpu, 95), 3),
    }


def search_in_kiosk(plat: Platform, work: Path) -> dict[str, Any]:
    """Per keystroke through the backend slot QML calls (search + result model + bindings),
    in the running kiosk with the 2,000-question catalog, on the question screen."""
    folder = work / "search-2000"
    times, frames = [], []
    with kiosk(plat, folder) as k:
        navigate(k, "navigation.start")
        navigate(k, "navigation.openTopic", "")
        k.settle()
        for query in ["ketamin adictive", "is it safe for my heart", "side efects of the spray"]:
            for end in range(1, len(query) + 1):
                before = time.monotonic()
                reply = k.ask(cmd="call", slot="search.setText", args=[query[:end]])
                times.append(reply["call_ms"])
                state = k.wait_frame_after(before)
                frames.append((state["last_frame"] - before) * 1000)
            k.ask(cmd="call", slot="search.setText", args=[""])
    return {
        "keystrokes": len(times),
        "slot_p50_ms": round(percentile(times, 50), 3),
        "slot_p95_ms": round(percentile(times, 95), 3),
        "to_frame_p50_ms": round(percentile(frames, 50), 2),
        "to_frame_p95_ms": round(percentile(frames, 95), 2),
    }


def content_load(work: Path, sizes: list[int]) -> dict[str, Any]:
    rows = {}
    for files in sizes:
        folder = generate_files(work / f"load-{files}", files)
        rows[str(files)] = _python(LOAD_SCRIPT, str(folder))
        log(f"  {files} files: {rows[str(files)]['total_s']:.3f} s")
    return rows


# -- report -------------------------------------------------------------------------------
def summary(results: dict[str, Any]) -> dict[str, float]:
    """The budgeted numbers, taken from the first platform measured (xcb when present)."""
    out: dict[str, float] = {}
    first = next(iter(results["platforms"].values()), {})
    if "cold_start" in first:
        out["first_frame_s"] = first["cold_start"]["median_s"]
    if "memory" in first:
        memory = first["memory"]
        out["pss_after_500_nav_mib"] = memory["pss_after_nav_mib"]
        out["idle_frames_attract"] = memory["idle_attract"]["frames"]
        out["idle_frames_explainer"] = memory["idle_explainer"]["frames"]
        out["idle_cpu_attract_s_per_min"] = memory["idle_attract"]["cpu_s_per_min"]
        out["idle_cpu_explainer_s_per_min"] = memory["idle_explainer"]["cpu_s_per_min"]
    if "tap" in first:
        out["tap_first_frame_ms_p50"] = first["tap"]["first_frame_ms_p50"]
    if "search" in results:
        out["search_keystroke_ms_p95"] = results["search"]["p95_ms"]
    for lang, data in results.get("search_quality", {}).items():
        for rate in ("top1", "top3"):
            if f"search_{rate}_{lang}" in BUDGETS:
                out[f"search_{rate}_{lang}"] = data[rate]
    load = results.get("content_load", {})
    if "1000" in load:
        out["load_1000_files_s"] = round(load["1000"]["total_s"], 3)
        if "1900" in load:
            out["load_growth_1900_vs_1000"] = round(
                load["1900"]["total_s"] / load["1000"]["total_s"], 2
            )
    if "reset" in first:
        out["reset_ms"] = first["reset"]["median_ms"]
    return out


def verdicts(values: dict[str, float]) -> dict[str, dict[str, Any]]:
    table = {}
    for name, value in values.items():
        limit, unit, op, meaning = BUDGETS[name]
        ok = {"<=": value <= limit, "<": value < limit, ">=": value >= limit}[op]
        table[name] = {
            "value": value,
            "budget": f"{op} {limit:g} {unit}",
            "ok": ok,
            "what": meaning,
        }
    return table


def print_table(results: dict[str, Any]) -> None:
    rows = results["budgets"]
    print(f"\nkiosk benchmark, {results['when']}  ({results['machine']})")
    for name, data in results["platforms"].items():
        cold = data.get("cold_start", {})
        print(
            f"  platform {name}: scene graph {data.get('scene_graph', '?')} (QSG_INFO: "
            f"{cold.get('qsg_info_backend', '?')}; GPU render node: {cold.get('gpu_device')})"
        )
    print(f"\n{'measure':<44} {'measured':>10}  {'budget':<18} result")
    for row in rows.values():
        mark = "pass" if row["ok"] else "MISS"
        print(f"{row['what']:<44} {row['value']:>10g}  {row['budget']:<18} {mark}")
    extra = []
    for plat, data in results["platforms"].items():
        if "cold_to_home" in data:
            extra.append(
                f"{plat}: launch -> home after first tap {data['cold_to_home']['median_s']} s"
            )
        if "cold_start" in data:
            c = data["cold_start"]
            extra.append(
                f"{plat}: first frame median {c['median_s']} s, min {c['min_s']} s "
                f"(from outside {c['median_external_s']} s); without the content cache "
                f"{c['uncached_first_frame_s']} s"
            )
        if "memory" in data:
            m = data["memory"]
            extra.append(
                f"{plat}: PSS start {m['pss_start_mib']} / after nav {m['pss_after_nav_mib']} "
                f"/ keyboard {m['pss_keyboard_mib']} MiB; after nav RSS "
                f"{m['memory_after_nav_mib']['rss']}, USS {m['memory_after_nav_mib']['uss']} MiB"
            )
        if "tap" in data:
            t = data["tap"]
            extra.append(
                f"{plat}: tap first frame p50 {t['first_frame_ms_p50']} p95 "
                f"{t['first_frame_ms_p95']} ms; settled (incl. animation) p50 "
                f"{t['settled_ms_p50']} ms"
            )
        if "search_in_kiosk" in data:
            s = data["search_in_kiosk"]
            extra.append(
                f"{plat}: search keystroke in the kiosk (slot) p95 {s['slot_p95_ms']} ms, "
                f"to frame p95 {s['to_frame_p95_ms']} ms"
            )
        if "reset" in data:
            extra.append(f"{plat}: reset drawn median {data['reset']['median_ms']} ms")
    if "search" in results:
        s = results["search"]
        extra.append(
            f"search per keystroke, {s['questions']} questions: wall p50 {s['p50_ms']} "
            f"p95 {s['p95_ms']} ms, CPU p50 {s.get('cpu_p50_ms')} p95 {s.get('cpu_p95_ms')} ms"
        )
    for files, row in results.get("content_load", {}).items():
        extra.append(
            f"load {files} files: {row['total_s']:.3f} s (index {row['index_s']:.3f} s), "
            f"+{row['pss_growth_mib']:.1f} MiB"
        )
    if "peer" in results:
        extra += results["peer"].get("lines", [])
    if "search_quality" in results:
        extra += report_lines(results["search_quality"])
    print("\n" + "\n".join(extra))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs, 10 s idle")
    parser.add_argument("--platforms", default="xcb,offscreen", help="xcb, offscreen or both")
    parser.add_argument("--idle-seconds", type=float, default=None, help="default 60 (10 quick)")
    parser.add_argument("--runs", type=int, default=None, help="cold starts (default 5, 3 quick)")
    parser.add_argument("--navigations", type=int, default=500)
    parser.add_argument(
        "--only",
        default="",
        help="comma list: cold,home,memory,tap,search,quality,load,reset",
    )
    parser.add_argument("--load-sizes", default="100,1000,1900")
    parser.add_argument("--peer", action="store_true", help="also MkDocs + Chromium --kiosk")
    parser.add_argument("--out", type=Path, default=None, help="JSON file to write")
    args = parser.parse_args(argv)
    idle_seconds = args.idle_seconds or (10.0 if args.quick else 60.0)
    runs = args.runs or (3 if args.quick else 5)
    only = set(filter(None, args.only.split(",")))

    def wanted(name: str) -> bool:
        return not only or name in only

    def guarded(where: dict[str, Any], key: str, measure: Any, *args: Any) -> None:
        """One measurement; a failure is recorded and the run goes on to the next one."""
        try:
            where[key] = measure(*args)
        except Exception as exc:  # a benchmark that stops halfway reports nothing at all
            log(f"  {key} failed: {type(exc).__name__}: {exc}")
            where.setdefault("errors", {})[key] = f"{type(exc).__name__}: {exc}"

    results: dict[str, Any] = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": f"{host_platform.node()}, {host_platform.machine()}, "
        f"{__import__('os').cpu_count()} CPUs, Python {host_platform.python_version()}",
        "settings": {"quick": args.quick, "idle_seconds": idle_seconds, "runs": runs},
        "platforms": {},
    }
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as tmp, ExitStack() as stack:
        work = Path(tmp)
        if wanted("search"):
            log("search latency, 2,000 questions")
            guarded(results, "search", search_latency, work)
        if wanted("quality"):
            log("search quality, patients' queries (bench/search_queries)")
            guarded(results, "search_quality", search_quality)
        if wanted("load"):
            log("content load")
            sizes = [int(s) for s in args.load_sizes.split(",")]
            guarded(results, "content_load", content_load, work, sizes)
        for name in args.platforms.split(","):
            plat = Platform(name, state=work / f"state-{name}")
            if name == "xcb":
                plat.display = stack.enter_context(xvfb())
            data: dict[str, Any] = {}
            results["platforms"][name] = data
            if wanted("cold"):
                log(f"{name}: cold start x{runs}")
                guarded(data, "cold_start", cold_start, plat, runs, work)
                data["scene_graph"] = data.get("cold_start", {}).get("scene_graph", "?")
            if wanted("home"):
                log(f"{name}: cold start to home x{runs}")
                guarded(data, "cold_to_home", cold_to_home, plat, runs)
            if wanted("memory"):
                log(f"{name}: memory and idle")
                guarded(data, "memory", memory_and_idle, plat, idle_seconds, args.navigations)
            if wanted("tap"):
                log(f"{name}: tap latency")
                guarded(data, "tap", tap_latency, plat, 3 if args.quick else 5)
            if wanted("search") and (work / "search-2000").exists():
                log(f"{name}: search in the kiosk")
                guarded(data, "search_in_kiosk", search_in_kiosk, plat, work)
            if wanted("reset"):
                log(f"{name}: reset")
                guarded(data, "reset", reset, plat, 3 if args.quick else 5)
        if args.peer:
            from bench.peer import peer

            log("peer: MkDocs + Chromium")
            guarded(results, "peer", peer, work, results, idle_seconds, runs)
    results["budgets"] = verdicts(summary(results))
    out = args.out or RESULTS / f"bench-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print_table(results)
    print(f"\nresults: {out}")
    return 0
