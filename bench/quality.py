"""Search quality: top-1 and top-3 rates per language on patients' own queries.

    .venv/bin/python -m bench.quality [--content DIR] [--misses] [--json FILE]

The queries live in bench/search_queries/<lang>.toml (see the comment at their top); a
query with no accepted answer (the content does not answer it) always counts as a miss. Runs
the real SearchIndex on the bundled content in this interpreter; a second or two.
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from pathlib import Path
from typing import Any

from bench.common import REPO

QUERIES = REPO / "bench" / "search_queries"
GOAL = {"top1": 0.85, "top3": 0.97}


def load_queries(folder: Path = QUERIES) -> dict[str, dict[str, list[str]]]:
    return {
        path.stem: tomllib.loads(path.read_text(encoding="utf-8"))
        for path in sorted(folder.glob("*.toml"))
    }


def answer_key(hit: Any) -> str:
    return hit.id if hit.kind == "question" else f"explainer:{hit.id}"


def search_quality(content: Path | None = None) -> dict[str, Any]:
    from kiosk.content import load_catalog
    from kiosk.search.index import SearchIndex

    catalog = load_catalog(content or REPO / "content", readability=False)
    index = SearchIndex(catalog)
    out: dict[str, Any] = {}
    for lang, queries in load_queries().items():
        language = catalog.languages.get(lang)
        if language is None:
            continue
        known = set(language.questions) | {f"explainer:{e}" for e in language.explainers}
        unknown = sorted({a for accept in queries.values() for a in accept} - known)
        top1 = top3 = 0
        misses = []
        for query, accept in queries.items():
            found = [answer_key(h) for h in index.search(query, lang, limit=10)]
            rank = next((n for n, key in enumerate(found, 1) if key in accept), None)
            top1 += rank == 1
            top3 += rank is not None and rank <= 3
            if rank != 1:
                misses.append({"query": query, "rank": rank, "want": accept, "got": found[:3]})
        total = len(queries)
        out[lang] = {
            "queries": total,
            "top1": round(top1 / total, 4),
            "top3": round(top3 / total, 4),
            "unknown_answers": unknown,  # ids the content does not have (fix the query file)
            "misses": misses,
        }
    index.close()
    return out


def report_lines(result: dict[str, Any], *, misses: bool = True) -> list[str]:
    lines = []
    for lang, data in result.items():
        ok = data["top1"] >= GOAL["top1"] and data["top3"] >= GOAL["top3"]
        lines.append(
            f"search quality {lang}: {data['queries']} queries, top-1 {data['top1']:.1%}, "
            f"top-3 {data['top3']:.1%} (goal {GOAL['top1']:.0%} / {GOAL['top3']:.0%}: "
            f"{'pass' if ok else 'MISS'})"
        )
        if data["unknown_answers"]:
            lines.append(f"  answers not in the content: {', '.join(data['unknown_answers'])}")
        if misses:
            for miss in data["misses"]:
                where = f"rank {miss['rank']}" if miss["rank"] else "not in top 10"
                more = len(miss["want"]) - 1
                want = miss["want"][0] if miss["want"] else "(no answer in the content)"
                lines.append(
                    f"  {'miss' if not miss['rank'] or miss['rank'] > 3 else 'not first'} "
                    f"[{where}] {miss['query']!r}: want {want}"
                    f"{f' (+{more})' if more > 0 else ''}, "
                    f"got {', '.join(miss['got']) or 'nothing'}"
                )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.quality", description=__doc__.split("\n")[0])
    parser.add_argument("--content", type=Path, default=None, help="content folder")
    parser.add_argument("--no-misses", action="store_true", help="rates only")
    parser.add_argument("--json", type=Path, default=None, help="also write the result here")
    args = parser.parse_args(argv)
    result = search_quality(args.content)
    print("\n".join(report_lines(result, misses=not args.no_misses)))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
