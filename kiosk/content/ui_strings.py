"""The UI string keys every language's strings.toml must define.

The QML asks for every label as `txt("key")`; scanning the QML for those calls keeps this
list exact without a second copy to forget.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

QML_DIR = Path(__file__).resolve().parent.parent / "qml" / "Kiosk"
STRING_CALL = re.compile(r"""\b(?:txt|fmt)\(\s*["']([a-z0-9_]+)["']""")
# Keys the Python side reads or hands to QML (attract screen invitations, language switch,
# the maintenance screen's system rows).
BACKEND_KEYS = frozenset(
    {
        "touch_to_start",
        "attract_welcome",
        "language_name",
        *(f"maint_sys_{k}" for k in ("version", "since", "stats", "renderer", "keyboard")),
        "maint_sys_content",
        "maint_sys_pin",
    }
)


@functools.cache
def required_keys() -> frozenset[str]:
    keys: set[str] = set(BACKEND_KEYS)
    for path in QML_DIR.rglob("*.qml"):
        keys.update(STRING_CALL.findall(path.read_text(encoding="utf-8")))
    return frozenset(keys)
