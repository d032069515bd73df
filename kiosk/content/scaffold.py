"""`kiosk init DIR`: a new content folder to start from, that passes `kiosk check`.

One explainer, one question topic, strings and synonyms for each language asked for, a
picture and kiosk.toml. The UI strings come from the bundled content (every key the kiosk
needs, kept complete by its tests); a language the bundle lacks starts from English.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from kiosk.content.config import LANG_CODE

TEMPLATE = Path(__file__).resolve().parent.parent / "templates" / "content"
BUNDLED = Path(__file__).resolve().parent.parent.parent / "content"


class InitError(Exception):
    pass


def init_content(target: Path, languages: list[str], bundled: Path = BUNDLED) -> list[Path]:
    """Write the new folder; return the files written. Refuses a folder with files in it."""
    if not languages:
        raise InitError("name at least one language, e.g. --lang en,es")
    for code in languages:
        if not LANG_CODE.match(code):
            raise InitError(f"{code!r} is not a language code like en or es")
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise InitError(f"{target} already exists and is not empty: choose a new folder")
    strings_source = {}
    for code in languages:
        source = bundled / code / "strings.toml"
        if not source.is_file():
            source = bundled / "en" / "strings.toml"
        if not source.is_file():
            raise InitError(f"cannot find the kiosk's strings ({source}); is the kiosk installed?")
        strings_source[code] = source
    target.mkdir(parents=True, exist_ok=True)
    written = []
    shutil.copytree(TEMPLATE / "images", target / "images")
    written += sorted((target / "images").iterdir())
    config = (TEMPLATE / "kiosk.toml").read_text(encoding="utf-8")
    config = config.replace("{languages}", json.dumps(languages)).replace(
        "{default_language}", languages[0]
    )
    (target / "kiosk.toml").write_text(config, encoding="utf-8")
    written.append(target / "kiosk.toml")
    for code in languages:
        texts = TEMPLATE / (code if (TEMPLATE / code).is_dir() else "en")
        folder = target / code
        shutil.copytree(texts, folder)
        strings = strings_source[code].read_text(encoding="utf-8")
        if strings_source[code].parent.name != code:
            strings = f"# Copied from English by kiosk init: translate every value.\n{strings}"
        (folder / "strings.toml").write_text(strings, encoding="utf-8")
        written += sorted(p for p in folder.rglob("*") if p.is_file())
    return written
