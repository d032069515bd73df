"""Print the reading level of every page and answer (what `kiosk check` gates), as a
Markdown table: `.venv/bin/python scripts/reading-levels.py [content]`."""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

from kiosk.content.loader import Loader
from kiosk.content.readability import median_smog


def main() -> None:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "content")
    loader = Loader(root)
    loader.load()
    for lang, rows in sorted(loader.readings.items()):
        readings = [r for _, _, r in rows]
        keys = list(readings[0].scores)
        print(f"\n### {lang}: {len(rows)} pages and answers\n")
        print("| file | page or answer | " + " | ".join(keys) + " | passes |")
        print("|---|---|" + "---|" * len(keys) + "---|")
        for rel, label, r in rows:
            cells = " | ".join(f"{r.scores[k]:g}" for k in keys)
            print(f"| {rel} | {label} | {cells} | {'no' if r.too_hard else 'yes'} |")
        print()
        for k in keys:
            values = [r.scores[k] for r in readings]
            print(
                f"- {k}: median {statistics.median(values):g}, "
                f"min {min(values):g}, max {max(values):g}"
            )
        print(f"- failing the gates: {sum(r.too_hard for r in readings)} of {len(readings)}")
        if lang.startswith("en"):
            print(f"- median SMOG {median_smog(readings):g}")


if __name__ == "__main__":
    main()
