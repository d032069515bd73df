"""`kiosk` command line: run | check | search | snapshot | stats | set-pin | manifest |
handout | export-site | init | preview.

Every command finds the device file (kiosk/system/device.py) by the same rule, and from it the
state folder and the PIN.

Qt is imported only by the subcommands that show something (run, snapshot), so the editor
tools start fast and work on machines without Qt's system libraries.
"""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import os
import sqlite3
import sys
import time
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk import __version__
from kiosk.options import Display, PreviewOptions, RunOptions, SnapshotOptions

if TYPE_CHECKING:
    from kiosk.system.device import Device

REPO_CONTENT = Path(__file__).resolve().parent.parent / "content"


def default_content_dir(device_content: Path | None = None) -> Path:
    """--content, else $KIOSK_CONTENT, else the device file's, else ./content, else the
    bundled content."""
    env = os.environ.get("KIOSK_CONTENT")
    if env:
        return Path(env)
    if device_content is not None:
        return device_content
    if (Path.cwd() / "content" / "kiosk.toml").exists():
        return Path.cwd() / "content"
    return REPO_CONTENT


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"size must look like 1280x800, not {text!r}") from None
    if width < 320 or height < 320:
        raise argparse.ArgumentTypeError("size must be at least 320x320")
    return width, height


def _scale(text: str) -> float:
    value = float(text)
    if not 1.0 <= value <= 2.0:
        raise argparse.ArgumentTypeError("text scale must be between 1.0 and 2.0")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kiosk",
        description="Offline patient education kiosk. With no subcommand, runs the kiosk.",
    )
    parser.add_argument("--version", action="version", version=f"kiosk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def content_arg(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--content",
            type=Path,
            default=None,
            metavar="DIR",
            help="content folder (default: $KIOSK_CONTENT, the device file's, or ./content)",
        )
        p.add_argument(
            "--device",
            type=Path,
            default=None,
            metavar="FILE",
            help="device file: PIN, state folder... (default: $KIOSK_DEVICE or "
            "/etc/kiosk/kiosk.toml)",
        )

    def display_args(p: argparse.ArgumentParser) -> None:
        p.add_argument("--lang", metavar="L", help="start language (default from kiosk.toml)")
        p.add_argument(
            "--size", type=_size, default=None, metavar="WxH", help="window size, e.g. 1280x800"
        )
        p.add_argument(
            "--text-scale", type=_scale, default=None, metavar="S", help="text size, 1.0 to 2.0"
        )
        p.add_argument("--high-contrast", action="store_true", help="high-contrast theme")
        p.add_argument(
            "--event-log",
            type=Path,
            default=None,
            metavar="FILE",
            help="event log file (default: the kiosk's log folder)",
        )

    run = sub.add_parser("run", help="start the kiosk (the default)")
    content_arg(run)
    display_args(run)
    run.add_argument("--reduced-motion", action="store_true", help="start with animations off")
    run.add_argument(
        "--windowed",
        action="store_true",
        help="a normal window instead of locked-down fullscreen (development)",
    )
    run.add_argument(
        "--idle-timeout",
        type=float,
        default=None,
        metavar="S",
        help="seconds without input before the warning",
    )
    run.add_argument(
        "--warning", type=float, default=None, metavar="S", help="seconds the warning counts down"
    )
    run.add_argument(
        "--metrics-file",
        type=Path,
        default=None,
        metavar="FILE",
        help="health metrics for node_exporter (default: kiosk.prom in the state folder)",
    )
    run.add_argument(
        "--hook",
        action="append",
        metavar="MODULE",
        help="a Python module whose attach(kiosk) runs at start (a benchmark's probe, a "
        "test's fixture; repeatable; default: $KIOSK_HOOK); see docs/hooks.md",
    )

    check = sub.add_parser("check", help="check a content folder and report problems")
    content_arg(check)
    check.add_argument("--strict", action="store_true", help="warnings fail too (exit 1)")
    check.add_argument("--json", action="store_true", help="machine-readable output")
    check.add_argument(
        "--lang", metavar="L", help="language of the messages (default: LANGUAGE / LANG)"
    )
    check.add_argument(
        "--baseline", type=Path, metavar="FILE", help="show only problems not in this baseline"
    )
    check.add_argument(
        "--save-baseline", type=Path, metavar="FILE", help="write today's problems as a baseline"
    )

    search = sub.add_parser("search", help="search the content as the kiosk does")
    content_arg(search)
    search.add_argument("query", help="what a patient would type")
    search.add_argument("--lang", metavar="L", help="language (default from kiosk.toml)")
    search.add_argument("--json", action="store_true", help="machine-readable output")

    snapshot = sub.add_parser("snapshot", help="render every screen to PNG with a contact sheet")
    content_arg(snapshot)
    display_args(snapshot)
    snapshot.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="DIR",
        help="folder for the PNG files and index.html",
    )
    snapshot.add_argument(
        "--only",
        action="append",
        metavar="ID[,ID...]",
        help="only these explainers, topics, questions or screens (home, help, ...)",
    )

    stats = sub.add_parser("stats", help="print anonymous usage statistics")
    content_arg(stats)
    stats.add_argument("--since", metavar="DATE", help="only from this date (YYYY-MM-DD)")
    stats.add_argument("--csv", type=Path, metavar="FILE", help="also write a CSV file")
    stats.add_argument(
        "--db", type=Path, metavar="FILE", help="statistics file (default: state dir)"
    )
    stats.add_argument(
        "--html",
        type=Path,
        metavar="FILE",
        help="also write a report with charts as one self-contained HTML page",
    )
    stats.add_argument(
        "--lang",
        choices=("en", "es"),
        default="en",
        help="language of the HTML report (titles too, where the content has them)",
    )
    stats.add_argument(
        "--merge",
        type=Path,
        nargs="+",
        default=[],
        metavar="DB_OR_CSV",
        help="combine these kiosks' statistics (copied databases or CSV exports) into one "
        "report; with --merge, this kiosk's own database counts only if given with --db",
    )

    handout = sub.add_parser("handout", help="write printable PDF handouts")
    content_arg(handout)
    handout.add_argument(
        "--lang", action="append", metavar="L", help="only this language (repeatable)"
    )
    handout.add_argument(
        "--paper",
        action="append",
        choices=("letter", "a4"),
        help="paper size (repeatable; default: both)",
    )
    handout.add_argument(
        "ids", nargs="*", metavar="ID", help="explainer or topic ids (default: all)"
    )
    handout.add_argument("--out", type=Path, required=True, metavar="DIR", help="output folder")

    export = sub.add_parser("export-site", help="write the content as a static website")
    content_arg(export)
    export.add_argument("--out", type=Path, required=True, metavar="DIR", help="output folder")
    manifest = sub.add_parser(
        "manifest", help="write release.sha256: a kiosk applies the folder only when it matches"
    )
    content_arg(manifest)

    init = sub.add_parser("init", help="make a new content folder that passes kiosk check")
    init.add_argument("dir", type=Path, metavar="DIR", help="the new folder")
    init.add_argument(
        "--lang", default="en", metavar="L[,L...]", help="languages, first is the default"
    )

    preview = sub.add_parser(
        "preview", help="a window for editors that shows each saved change at once"
    )
    content_arg(preview)
    display_args(preview)

    set_pin = sub.add_parser("set-pin", help="set the maintenance PIN in the device file")
    content_arg(set_pin)
    set_pin.add_argument(
        "--pin-stdin",
        action="store_true",
        help="read the PIN from standard input instead of asking",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    parser = build_parser()
    args = parser.parse_args(argv)
    command = args.command or "run"
    if args.command is None:
        args = parser.parse_args(["run", *(argv if argv is not None else sys.argv[1:])])
    from kiosk.system.device import load_device

    # One rule for every command: the same device file, so the same state folder and PIN.
    device = load_device(getattr(args, "device", None))
    content = getattr(args, "content", None) or default_content_dir(device.content)
    handlers = {
        "run": cmd_run,
        "check": cmd_check,
        "search": cmd_search,
        "snapshot": cmd_snapshot,
        "stats": cmd_stats,
        "set-pin": cmd_set_pin,
        "handout": cmd_handout,
        "export-site": cmd_export_site,
        "manifest": cmd_manifest,
        "init": cmd_init,
        "preview": cmd_preview,
    }
    try:
        return handlers[command](args, content, device)
    except KeyboardInterrupt:
        return 130


def display(args: argparse.Namespace) -> Display:
    """The display flags (run, snapshot, preview) as the kiosk's start-up defaults."""
    return Display(
        language=args.lang,
        size=args.size,
        text_scale=args.text_scale,
        high_contrast=args.high_contrast,
        reduced_motion=getattr(args, "reduced_motion", False),  # only run has the flag
    )


def run_options(args: argparse.Namespace, content: Path, device: Device) -> RunOptions:
    return RunOptions(
        content=content,
        device=device,
        display=display(args),
        windowed=args.windowed,
        idle_timeout_s=args.idle_timeout,
        warning_s=args.warning,
        event_log=args.event_log,
        metrics_file=args.metrics_file,
        hooks=tuple(args.hook or ()),
    )


def snapshot_options(args: argparse.Namespace, content: Path) -> SnapshotOptions:
    only = None  # everything
    if args.only:  # --only a,b --only c
        only = frozenset(p.strip() for value in args.only for p in value.split(",") if p.strip())
    return SnapshotOptions(
        content=content,
        out=args.out,
        display=display(args),
        only=only,
        event_log=args.event_log,
    )


def preview_options(args: argparse.Namespace, content: Path) -> PreviewOptions:
    return PreviewOptions(content=content, display=display(args), event_log=args.event_log)


def cmd_check(args: argparse.Namespace, content: Path, device: Device) -> int:
    from kiosk.check import report
    from kiosk.check.diagnosis import diagnose
    from kiosk.check.i18n import Messages
    from kiosk.check.problems import Severity
    from kiosk.content import load_catalog

    messages = Messages(args.lang)
    catalog = load_catalog(content)
    # The device file is checked with the content: the kiosk reads both.
    device_problems = [*device.problems, *device.folder_problems(content)]
    roots = diagnose(
        [*catalog.problems, *device_problems], catalog.dropped, catalog.config.default_language
    )
    if args.save_baseline:
        count = report.save_baseline(args.save_baseline, roots)
        print(f"wrote {count} problem(s) to {args.save_baseline}", file=sys.stderr)
    filtered = report.Filtered(roots)
    if args.baseline:
        try:
            filtered = report.subtract(roots, report.load_baseline(args.baseline))
        except (OSError, ValueError) as exc:
            print(f"cannot read the baseline {args.baseline}: {exc}", file=sys.stderr)
            return 2
    roots = filtered.roots
    failed = report.failed(roots, args.strict)
    if args.json:
        problems = report.to_json(roots, messages if args.lang else None)
        counts = Counter(p["severity"] for p in problems)
        print(
            json.dumps(
                {
                    "content": str(content),
                    "device": str(device.path) if device.exists else None,
                    "version": catalog.version,
                    "errors": counts[str(Severity.ERROR)],
                    "warnings": counts[str(Severity.WARNING)],
                    "ok": not failed,
                    "problems": problems,
                },
                indent=2,
                ensure_ascii=False,
            )
        )
        return 1 if failed else 0
    for line in report.render(roots, messages):
        print(line)
    languages = ", ".join(
        f"{code}: {len(lang.explainers)} explainers, {len(lang.questions)} questions"
        for code, lang in catalog.languages.items()
    )
    print(f"\n{content} (version {catalog.version}) - {languages}")
    for line in report.summary(roots, messages, filtered, is_failed=failed):
        print(line)
    return 1 if failed else 0


def cmd_search(args: argparse.Namespace, content: Path, device: Device) -> int:
    from kiosk.content import load_catalog
    from kiosk.search.index import SearchIndex

    catalog = load_catalog(content)
    index = SearchIndex(catalog)
    started = time.perf_counter()
    hits = index.search(args.query, args.lang)
    elapsed_ms = (time.perf_counter() - started) * 1000
    if args.json:
        print(
            json.dumps(
                {
                    "query": args.query,
                    "ms": round(elapsed_ms, 2),
                    "hits": [h.to_dict() for h in hits],
                },
                indent=2,
                ensure_ascii=False,
            )
        )
        return 0
    if not hits:
        print(f"no results for {args.query!r} ({elapsed_ms:.1f} ms)")
        return 0
    for number, hit in enumerate(hits, 1):
        where = f"page {hit.page + 1}: {hit.where}" if hit.kind == "explainer" else hit.where
        print(f"{number:2}. [{hit.kind}] {hit.id} - {hit.title} ({where})")
    print(f"{len(hits)} result(s) in {elapsed_ms:.1f} ms")
    return 0


def cmd_run(args: argparse.Namespace, content: Path, device: Device) -> int:
    from kiosk.qt.app import run

    return run(run_options(args, content, device))


def cmd_snapshot(args: argparse.Namespace, content: Path, device: Device) -> int:
    from kiosk.qt.snapshot import snapshot

    return snapshot(snapshot_options(args, content))


def cmd_stats(args: argparse.Namespace, content: Path, device: Device) -> int:
    import datetime as dt

    from kiosk.stats import usage

    since = None
    if args.since:
        try:
            since = dt.date.fromisoformat(args.since)
        except ValueError:
            print(f"--since must be a date like 2026-11-01, not {args.since!r}", file=sys.stderr)
            return 2
    if args.merge:
        sources = ([args.db] if args.db else []) + list(args.merge)
    else:
        db = args.db or device.safe_folders(content).state_dir / "usage.sqlite3"
        if not db.exists():
            # Not "Sessions: 0": most likely this is not where the kiosk counts.
            where = f"the device file {device.path}" if device.exists else "no device file"
            print(
                f"kiosk stats: no statistics at {db} ({where}). On a kiosk, run this with the "
                "service's device file (--device FILE or $KIOSK_DEVICE); or pass --db FILE.",
                file=sys.stderr,
            )
            return 1
        sources = [db]
    reports = []
    for source in sources:
        try:
            if args.merge and not source.exists():
                raise OSError(f"no such file: {source}")
            reports.append(
                usage.load_report(source, since)
                if args.merge
                else usage.report(source, since, top=None)
            )
        except (sqlite3.Error, OSError, ValueError) as exc:
            print(f"cannot read statistics from {source}: {exc}", file=sys.stderr)
            return 1
    full = usage.merge_reports(reports)
    print(usage.format_report(_top(full, 10)), end="")
    if args.csv:
        usage.write_csv(full, args.csv)
        print(f"wrote {args.csv}")
    if args.html:
        from kiosk.stats import html_report as stats_html

        try:
            from kiosk.content import load_catalog

            catalog = load_catalog(content, readability=False)
        except Exception as exc:  # titles are a nicety: ids still make a report
            print(f"no titles from {content}: {exc}", file=sys.stderr)
            catalog = None
        page = stats_html.render(
            full, lang=args.lang, catalog=catalog, sources=[p.name for p in sources]
        )
        args.html.write_text(page, encoding="utf-8")
        print(f"wrote {args.html}")
    return 0


def _load_for_export(content: Path, langs: list[str] | None):
    """The catalog and the languages to export, or an exit code if they cannot be."""
    from kiosk.check.problems import Severity
    from kiosk.content import load_catalog

    catalog = load_catalog(content)
    errors = [p for p in catalog.problems if p.severity == Severity.ERROR]
    if errors:
        for problem in errors:
            print(problem.format(), file=sys.stderr)
        print(f"{content} has {len(errors)} error(s): nothing written", file=sys.stderr)
        return None, 1
    chosen = langs or [c for c in catalog.config.languages if c in catalog.languages]
    unknown = [c for c in chosen if c not in catalog.languages]
    if unknown:
        print(f"no such language in {content}: {', '.join(unknown)}", file=sys.stderr)
        return None, 2
    return (catalog, chosen), 0


def cmd_handout(args: argparse.Namespace, content: Path, device: Device) -> int:
    loaded, code = _load_for_export(content, args.lang)
    if loaded is None:
        return code
    catalog, langs = loaded
    from kiosk.outputs.handout import PAPERS, handouts, write_handouts
    from kiosk.qt.offscreen import gui_application

    known = {h.id for h in handouts(catalog, langs, [])}
    missing = [i for i in args.ids if i not in known]
    if missing:
        print(f"no explainer or topic with id: {', '.join(missing)}", file=sys.stderr)
        return 2
    gui_application()
    written = write_handouts(catalog, args.out, langs, args.ids, args.paper or list(PAPERS))
    print(f"wrote {len(written)} PDF handout(s) to {args.out}")
    return 0


def cmd_export_site(args: argparse.Namespace, content: Path, device: Device) -> int:
    loaded, code = _load_for_export(content, None)
    if loaded is None:
        return code
    catalog, langs = loaded
    from kiosk.outputs.site import ExportError, export_site

    try:
        pages = export_site(catalog, args.out, langs)
    except (ExportError, OSError) as exc:
        print(f"cannot write the site: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {pages} page(s) to {args.out}; open {args.out / 'index.html'}")
    return 0


def cmd_manifest(args: argparse.Namespace, content: Path, device: Device) -> int:
    """Hashes of every file, for releases copied file by file (see docs/authoring.md)."""
    import tempfile

    from kiosk.content.safe_files import MANIFEST, RefusedFile, manifest_lines

    try:
        text = manifest_lines(content)
        fd, tmp = tempfile.mkstemp(dir=content, prefix=f".{MANIFEST}.")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, content / MANIFEST)
    except (OSError, RefusedFile) as exc:
        print(f"cannot write {content / MANIFEST}: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {content / MANIFEST} ({text.count(chr(10))} files)")
    return 0


DEVICE_FILE_HEADER = """\
# This kiosk's own settings (see docs/configuration.md): never copied with the content.
"""


def _top(report, n: int):
    """The text report shows the first n items of each list."""
    import dataclasses

    return dataclasses.replace(
        report, top_explainers=report.top_explainers[:n], top_questions=report.top_questions[:n]
    )


def cmd_set_pin(args: argparse.Namespace, content: Path, device: Device) -> int:
    from kiosk.system.pin import hash_pin, validate_pin, write_pin_hash

    if args.pin_stdin:
        pin = sys.stdin.readline().strip()
    else:
        pin = getpass.getpass("New maintenance PIN (6 to 8 digits, not an obvious one): ")
        if getpass.getpass("Type it again: ") != pin:
            print("The PINs do not match; nothing changed.", file=sys.stderr)
            return 1
    try:
        validate_pin(pin)
    except ValueError as exc:
        print(f"{exc}; nothing changed.", file=sys.stderr)
        return 1
    path = device.path
    try:
        if not path.exists():  # a new device: the file starts with the PIN
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(DEVICE_FILE_HEADER, encoding="utf-8")
            path.chmod(0o600)  # the hash is not the PIN, but nobody else needs to read it
        write_pin_hash(path, hash_pin(pin))
    except (OSError, ValueError) as exc:
        print(f"cannot write the PIN to {path}: {exc}; nothing changed.", file=sys.stderr)
        return 1
    print(f"PIN hash written to {path}")
    return 0


def cmd_init(args: argparse.Namespace, content: Path, device: Device) -> int:
    from kiosk.content.scaffold import InitError, init_content

    languages = [code.strip() for code in args.lang.split(",") if code.strip()]
    try:
        written = init_content(args.dir, languages)
    except (InitError, OSError) as exc:
        print(f"kiosk init: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {len(written)} files to {args.dir}; next:")
    print(f"  kiosk check --content {args.dir}")
    print(f"  kiosk preview --content {args.dir}")
    print("The authoring guide: docs/authoring.md")
    return 0


def cmd_preview(args: argparse.Namespace, content: Path, device: Device) -> int:
    from kiosk.qt.preview import run_preview

    return run_preview(preview_options(args, content))
