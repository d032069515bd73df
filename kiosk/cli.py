"""`kiosk` command line: run | check | search | snapshot | stats | set-pin.

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

from kiosk import __version__

REPO_CONTENT = Path(__file__).resolve().parent.parent / "content"


def default_content_dir() -> Path:
    env = os.environ.get("KIOSK_CONTENT")
    if env:
        return Path(env)
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
            help="content folder (default: ./content or $KIOSK_CONTENT)",
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

    check = sub.add_parser("check", help="check a content folder and report problems")
    content_arg(check)
    check.add_argument("--strict", action="store_true", help="warnings fail too (exit 1)")
    check.add_argument("--json", action="store_true", help="machine-readable output")

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

    set_pin = sub.add_parser("set-pin", help="set the maintenance PIN in kiosk.toml")
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
    content = args.content or default_content_dir()
    handlers = {
        "run": cmd_run,
        "check": cmd_check,
        "search": cmd_search,
        "snapshot": cmd_snapshot,
        "stats": cmd_stats,
        "set-pin": cmd_set_pin,
    }
    try:
        return handlers[command](args, content)
    except KeyboardInterrupt:
        return 130


def cmd_check(args: argparse.Namespace, content: Path) -> int:
    from kiosk.content import load_catalog
    from kiosk.problems import Severity

    catalog = load_catalog(content)
    problems = sorted(catalog.problems, key=lambda p: (p.file, p.line or 0, p.code))
    counts = Counter(p.severity for p in problems)
    errors, warnings = counts[Severity.ERROR], counts[Severity.WARNING]
    failed = errors > 0 or (args.strict and warnings > 0)
    if args.json:
        print(
            json.dumps(
                {
                    "content": str(content),
                    "version": catalog.version,
                    "errors": errors,
                    "warnings": warnings,
                    "ok": not failed,
                    "problems": [p.to_dict() for p in problems],
                },
                indent=2,
                ensure_ascii=False,
            )
        )
        return 1 if failed else 0
    for problem in problems:
        print(problem.format())
    languages = ", ".join(
        f"{code}: {len(lang.explainers)} explainers, {len(lang.questions)} questions"
        for code, lang in catalog.languages.items()
    )
    print(f"\n{content} (version {catalog.version}) - {languages}")
    print(f"{errors} error(s), {warnings} warning(s)" + (" - FAILED" if failed else " - OK"))
    return 1 if failed else 0


def cmd_search(args: argparse.Namespace, content: Path) -> int:
    from kiosk.content import load_catalog
    from kiosk.search import SearchIndex

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


def cmd_run(args: argparse.Namespace, content: Path) -> int:
    from kiosk.qt.app import run

    return run(args, content)


def cmd_snapshot(args: argparse.Namespace, content: Path) -> int:
    from kiosk.qt.snapshot import snapshot

    return snapshot(args, content)


def cmd_stats(args: argparse.Namespace, content: Path) -> int:
    import datetime as dt

    from kiosk import usage
    from kiosk.config import load_config
    from kiosk.paths import state_dir

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
        sources = [args.db or state_dir(load_config(content)) / "usage.sqlite3"]
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
        from kiosk import stats_html

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


def _top(report, n: int):
    """The text report shows the first n items of each list."""
    import dataclasses

    return dataclasses.replace(
        report, top_explainers=report.top_explainers[:n], top_questions=report.top_questions[:n]
    )


def cmd_set_pin(args: argparse.Namespace, content: Path) -> int:
    from kiosk.pin import hash_pin, validate_pin, write_pin_hash

    if args.pin_stdin:
        pin = sys.stdin.readline().strip()
    else:
        pin = getpass.getpass("New maintenance PIN (4 to 8 digits): ")
        if getpass.getpass("Type it again: ") != pin:
            print("The PINs do not match; nothing changed.", file=sys.stderr)
            return 1
    try:
        validate_pin(pin)
    except ValueError as exc:
        print(f"{exc}; nothing changed.", file=sys.stderr)
        return 1
    path = content / "kiosk.toml"
    try:
        write_pin_hash(path, hash_pin(pin))
    except (OSError, ValueError) as exc:
        print(f"cannot write the PIN to {path}: {exc}; nothing changed.", file=sys.stderr)
        return 1
    print(f"PIN hash written to {path}")
    return 0
