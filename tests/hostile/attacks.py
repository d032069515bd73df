"""One function per attack on a content folder: each changes a good copy of the bundled
content the way an attacker (or an unlucky copy) would. Big files are made at test time."""

from __future__ import annotations

import os
import random
from collections.abc import Callable
from pathlib import Path

FRONT = "---\ntitle: Attack\nsummary: A hostile page.\ntopic: basics\norder: 50\n---\n"


def page(folder: Path, body: str, front: str = FRONT, name: str = "attack.md") -> Path:
    path = folder / "en" / "explainers" / name
    path.write_text(front + body, encoding="utf-8")
    return path


def alias_bomb(folder: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for n in "bcdefghi":
        prev = chr(ord(n) - 1)
        lines.append(f"{n}: &{n} [" + ",".join([f"*{prev}"] * 9) + "]")
    front = FRONT.replace("order: 50\n", "sources:\n  - x\nreview:\n  " + "\n  ".join(lines) + "\n")
    page(folder, "Text.\n", front)


def yaml_deep(folder: Path) -> None:
    page(folder, "Text.\n", FRONT.replace("order: 50", "sources: " + "[" * 200 + "]" * 200))


def big_file(folder: Path) -> None:
    path = page(folder, "Text.\n")
    with open(path, "r+b") as f:
        f.truncate(50 * 1024 * 1024)  # 50 MB (sparse: costs no disk)


def dev_zero(folder: Path) -> None:
    (folder / "en" / "explainers" / "zero.md").symlink_to("/dev/zero")


def fifo_page(folder: Path) -> None:
    os.mkfifo(folder / "en" / "explainers" / "pipe.md")


def fifo_config(folder: Path) -> None:
    (folder / "kiosk.toml").unlink()
    os.mkfifo(folder / "kiosk.toml")


def fifo_strings(folder: Path) -> None:
    (folder / "es" / "strings.toml").unlink()
    os.mkfifo(folder / "es" / "strings.toml")


def deep_lists(folder: Path) -> None:
    page(folder, "".join("  " * i + "- x\n" for i in range(600)))


def many_stars(folder: Path) -> None:
    page(folder, "* " * 20000 + "x\n")


def star_run(folder: Path) -> None:
    page(folder, "*" * 20000 + "\n")


def deep_brackets(folder: Path) -> None:
    page(folder, "[" * 5000 + "x" + "]" * 5000 + "\n")


def deep_quotes(folder: Path) -> None:
    page(folder, "> " * 3000 + "x\n")


def html_script(folder: Path) -> None:
    page(folder, '<script>alert("x")</script>\n\n<img src=x onerror=alert(1)>\n\nText.\n')


def bad_links(folder: Path) -> None:
    page(folder, "[a](file:///etc/passwd) and [b](javascript:alert(1)) and [c](data:x).\n")


def image_escape(folder: Path) -> None:
    body = (
        "![up](../../../../../../usr/share/pixmaps/debian-logo.png)\n\n"
        "![abs](/usr/share/pixmaps/debian-logo.png)\n\n"
        "- in a list ![li](/etc/passwd)\n\n"
        "| a | b |\n| --- | --- |\n| ![cell](../../../secret.png) | x |\n"
    )
    page(folder, body)


def image_link_outside(folder: Path) -> None:
    (folder / "images" / "outside.svg").symlink_to("/usr/share/pixmaps")
    page(folder, "![x](images/outside.svg)\n")


def binary_junk(folder: Path) -> None:
    junk = random.Random(19).randbytes(4096)
    (folder / "en" / "explainers" / "junk.md").write_bytes(junk)


def invalid_utf8(folder: Path) -> None:
    (folder / "en" / "strings.toml").write_bytes(b'app_title = "caf\xe9 \xff\xfe"\n')


def wrong_types(folder: Path) -> None:
    front = "---\ntitle: [1, 2]\nsummary: {a: b}\ntopic: 7\norder: soon\n---\n"
    page(folder, "Text.\n", front)


def huge_numbers(folder: Path) -> None:
    page(folder, "Text.\n", FRONT.replace("order: 50", "order: " + "9" * 400))
    page(folder, "Text.\n", FRONT.replace("order: 50", "order: 1e999"), name="inf.md")
    toml = (folder / "kiosk.toml").read_text(encoding="utf-8")
    toml = toml.replace("idle_timeout_s = 120", "idle_timeout_s = 2200000")
    (folder / "kiosk.toml").write_text(toml, encoding="utf-8")


def toml_deep(folder: Path) -> None:
    with open(folder / "en" / "synonyms.toml", "a", encoding="utf-8") as f:
        f.write("\ndeep = " + "[" * 5000 + "]" * 5000 + "\n")


def too_many_files(folder: Path) -> None:
    extra = folder / "images" / "many"
    extra.mkdir()
    for n in range(2100):
        (extra / f"{n}.txt").write_bytes(b"")


def too_many_pages(folder: Path) -> None:
    page(folder, "".join(f"## Page {n}\n\nText {n}.\n\n" for n in range(100)))


def empty_folder(folder: Path) -> None:
    for child in folder.iterdir():
        if child.is_dir():
            import shutil

            shutil.rmtree(child)
        else:
            child.unlink()


def missing_folder(folder: Path) -> None:
    empty_folder(folder)
    folder.rmdir()


def half_copied_release(folder: Path) -> None:
    from kiosk.content.safe_files import MANIFEST, manifest_lines

    (folder / MANIFEST).write_text(manifest_lines(folder), encoding="utf-8")
    strings = folder / "en" / "strings.toml"
    data = strings.read_bytes()
    strings.write_bytes(data[: len(data) // 2])  # the copy stalled half-way


# name -> (attack, codes `kiosk check` must report, whether check must fail)
ATTACKS: dict[str, tuple[Callable[[Path], None], set[str], bool]] = {
    "alias-bomb": (alias_bomb, {"front-matter-syntax"}, True),
    "yaml-deep": (yaml_deep, {"front-matter-syntax"}, True),
    "50-mb-file": (big_file, {"file-too-large"}, True),
    "symlink-dev-zero": (dev_zero, {"link-outside"}, True),
    "fifo-page": (fifo_page, {"not-a-file"}, True),
    "fifo-kiosk-toml": (fifo_config, {"unreadable-file"}, True),
    "fifo-strings": (fifo_strings, {"not-a-file"}, True),
    "deep-lists": (deep_lists, {"nesting-too-deep"}, True),
    "20000-stars": (many_stars, {"nesting-too-deep"}, True),
    "star-run": (star_run, {"nesting-too-deep"}, True),
    "deep-brackets": (deep_brackets, {"nesting-too-deep"}, True),
    "deep-quotes": (deep_quotes, {"nesting-too-deep"}, True),
    "html-script": (html_script, {"raw-html"}, False),
    "file-and-javascript-links": (bad_links, {"external-link"}, False),
    "images-escaping": (image_escape, {"missing-image"}, True),
    "image-link-outside": (image_link_outside, {"link-outside", "missing-image"}, True),
    "binary-junk": (binary_junk, {"bad-encoding"}, True),
    "invalid-utf8": (invalid_utf8, {"bad-encoding"}, True),
    "wrong-types": (wrong_types, {"field-type"}, True),
    "huge-numbers": (huge_numbers, {"field-type", "config-range"}, True),
    "toml-deep": (toml_deep, {"toml-syntax"}, True),
    "too-many-files": (too_many_files, {"too-many-files"}, True),
    "too-many-pages": (too_many_pages, {"too-many-pages"}, True),
    "half-copied-release": (half_copied_release, {"manifest-mismatch"}, True),
    "empty-folder": (empty_folder, {"config-missing"}, True),
    "missing-folder": (missing_folder, {"config-missing"}, True),
}
