"""Mark `Property(..., constant=True)` as constant in pyside6-metaobjectdump's JSON.

PySide6 6.11's metaobjectdump reads only a Property's `notify`, so qmllint would take every
constant property for a stale one ("non-constant and non-notifiable"). Usage:
    python scripts/mark_constants.py DUMP.json SOURCE.py
"""

from __future__ import annotations

import ast
import json
import sys
from pathlib import Path


def constant_properties(source: Path) -> dict[str, set[str]]:
    """class name -> names of its properties declared with constant=True."""
    found: dict[str, set[str]] = {}
    for cls in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
        if not isinstance(cls, ast.ClassDef):
            continue
        for node in cls.body:
            calls: list[tuple[str, ast.expr]] = []
            if isinstance(node, ast.Assign) and len(node.targets) == 1:
                target = node.targets[0]
                if isinstance(target, ast.Name):
                    calls.append((target.id, node.value))
            elif isinstance(node, ast.FunctionDef):  # @Property(..., constant=True)
                calls += [(node.name, d) for d in node.decorator_list]
            for name, call in calls:
                if (
                    isinstance(call, ast.Call)
                    and isinstance(call.func, ast.Name)
                    and call.func.id == "Property"
                    and any(
                        k.arg == "constant"
                        and isinstance(k.value, ast.Constant)
                        and k.value.value is True
                        for k in call.keywords
                    )
                ):
                    found.setdefault(cls.name, set()).add(name)
    return found


def main(dump: Path, source: Path) -> None:
    constants = constant_properties(source)
    data = json.loads(dump.read_text(encoding="utf-8"))
    for entry in data:
        for cls in entry.get("classes", []):
            for prop in cls.get("properties", []):
                if prop["name"] in constants.get(cls["className"], ()):
                    prop["constant"] = True
    dump.write_text(json.dumps(data, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
