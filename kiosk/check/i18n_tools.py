"""Keep kiosk check's message catalog in step with the source (the gettext workflow).

    python -m kiosk.check.i18n_tools update    # add new message templates to every .po
    python -m kiosk.check.i18n_tools compile   # write each .mo from its .po
    python -m kiosk.check.i18n_tools missing   # list templates with no translation yet

Templates are read from the source itself (`ast`): the message and hint of every
`error(...)`/`warning(...)`/`file.error(...)`/`file.warn(...)` call, with its problem code as
the context, and every `_("...")` call. The .mo is written with the logic of CPython's
Tools/i18n/msgfmt.py, so no gettext binaries are needed.
"""

from __future__ import annotations

import ast
import re
import struct
import sys
from dataclasses import dataclass
from pathlib import Path

from kiosk.check.i18n import CONTEXT_SEP, DOMAIN, LOCALE_DIR

PACKAGE = Path(__file__).resolve().parent.parent
CODE = re.compile(r"^[a-z]+(?:-[a-z]+)+$")


def source_files() -> list[Path]:
    """Where kiosk check's messages come from."""
    candidates = sorted(
        [
            PACKAGE / "check" / "diagnosis.py",
            PACKAGE / "check" / "report.py",
            PACKAGE / "qt" / "preview.py",
            *PACKAGE.glob("content/*.py"),
        ]
    )
    return [path for path in candidates if path.exists()]


@dataclass(frozen=True)
class Message:
    context: str
    msgid: str
    where: str


def _placeholder(node: ast.AST) -> str:
    # Braces inside an expression would read as nested placeholders: use parentheses.
    return "{" + ast.unparse(node).replace("{", "(").replace("}", ")") + "}"


def template(node: ast.AST | None, *, top: bool = True) -> str | None:
    """The f-string (or string, or `+` of them) as a template, or None if it is not one."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value.replace("{", "{{").replace("}", "}}")
    if isinstance(node, ast.JoinedStr):
        out = []
        for part in node.values:
            if isinstance(part, ast.Constant):
                out.append(str(part.value).replace("{", "{{").replace("}", "}}"))
            elif isinstance(part, ast.FormattedValue):
                text = _placeholder(part.value)[:-1]
                if part.conversion != -1:
                    text += "!" + chr(part.conversion)
                if isinstance(part.format_spec, ast.JoinedStr):
                    text += ":" + "".join(
                        str(v.value) for v in part.format_spec.values if isinstance(v, ast.Constant)
                    )
                out.append(text + "}")
        return "".join(out)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = template(node.left, top=False), template(node.right, top=False)
        if left is None and right is None:
            return None
        return (left if left is not None else _placeholder(node.left)) + (
            right if right is not None else _placeholder(node.right)
        )
    return None


def _argument(call: ast.Call, position: int, name: str) -> ast.AST | None:
    if len(call.args) > position:
        return call.args[position]
    return next((k.value for k in call.keywords if k.arg == name), None)


def extract(files: list[Path] | None = None) -> list[Message]:
    found: dict[tuple[str, str], Message] = {}
    for path in files or source_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        rel = path.relative_to(PACKAGE.parent).as_posix()
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            pieces: list[tuple[str, ast.AST | None]] = []
            if isinstance(func, ast.Name) and func.id in ("error", "warning") and node.args:
                code = node.args[0]
                pieces = [("m", _argument(node, 3, "message")), ("h", _argument(node, 4, "hint"))]
            elif (
                isinstance(func, ast.Attribute)
                and func.attr in ("error", "warn")
                and len(node.args) >= 3
                and isinstance(node.args[0], ast.Constant)
                and CODE.match(str(node.args[0].value))
            ):
                code = node.args[0]
                pieces = [("m", _argument(node, 2, "message")), ("h", _argument(node, 3, "hint"))]
            elif (
                isinstance(func, ast.Name)
                and func.id in ("_", "N_")
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                # gettext strings are formatted with fill(), not f-strings: taken as written.
                text = str(node.args[0].value)
                found.setdefault(("", text), Message("", text, f"{rel}:{node.lineno}"))
                continue
            else:
                continue
            context = (
                str(code.value)
                if isinstance(code, ast.Constant) and CODE.match(str(code.value))
                else ""
            )
            expanded = []
            for kind, arg in pieces:
                # `toml_hint(...) or "Check quotes..."`: each string is a message of its own.
                values = arg.values if isinstance(arg, ast.BoolOp) else [arg]
                expanded += [(kind, value) for value in values]
            for _kind, arg in expanded:
                message = template(arg)
                if message:
                    key = (context, message)
                    found.setdefault(key, Message(context, message, f"{rel}:{node.lineno}"))
    return sorted(found.values(), key=lambda m: (m.context, m.msgid))


# -- .po files -------------------------------------------------------------------------------


def _quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def _unquote(text: str) -> str:
    text = text.strip()[1:-1]
    out, index = [], 0
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text):
            nxt = text[index + 1]
            out.append({"n": "\n", "t": "\t", '"': '"', "\\": "\\"}.get(nxt, nxt))
            index += 2
        else:
            out.append(char)
            index += 1
    return "".join(out)


@dataclass
class Entry:
    context: str
    msgid: str
    msgstr: str
    comments: list[str]


def read_po(path: Path) -> tuple[str, list[Entry]]:
    """The header's msgstr and the entries of a .po file (no plurals: none are used)."""
    header = ""
    entries: list[Entry] = []
    context: str | None = None
    msgid: str | None = None
    msgstr: str | None = None
    comments: list[str] = []
    field = None

    def flush() -> None:
        nonlocal header, context, msgid, msgstr, comments
        if msgid is not None:
            if msgid == "" and not context:
                header = msgstr or ""
            else:
                entries.append(Entry(context or "", msgid, msgstr or "", comments))
        context = msgid = msgstr = None
        comments = []

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            flush()
            field = None
        elif line.startswith("#"):
            if msgid is not None:
                flush()
            comments.append(raw)
        elif line.startswith("msgctxt "):
            if msgid is not None:
                flush()
            context, field = _unquote(line[8:]), "context"
        elif line.startswith("msgid "):
            if msgid is not None:
                flush()
            msgid, field = _unquote(line[6:]), "msgid"
        elif line.startswith("msgstr "):
            msgstr, field = _unquote(line[7:]), "msgstr"
        elif line.startswith('"'):
            if field == "context":
                context = (context or "") + _unquote(line)
            elif field == "msgid":
                msgid = (msgid or "") + _unquote(line)
            elif field == "msgstr":
                msgstr = (msgstr or "") + _unquote(line)
    flush()
    return header, entries


def write_po(path: Path, header: str, entries: list[Entry]) -> None:
    lines = ['msgid ""', "msgstr " + _quote(header), ""]
    for entry in entries:
        lines += entry.comments
        if entry.context:
            lines.append("msgctxt " + _quote(entry.context))
        lines += ["msgid " + _quote(entry.msgid), "msgstr " + _quote(entry.msgstr), ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def compile_mo(header: str, entries: list[Entry]) -> bytes:
    """The .mo bytes, as CPython's Tools/i18n/msgfmt.py writes them (untranslated skipped)."""
    messages = {"": header}
    for entry in entries:
        if entry.msgstr:
            key = f"{entry.context}{CONTEXT_SEP}{entry.msgid}" if entry.context else entry.msgid
            messages[key] = entry.msgstr
    keys = sorted(messages)
    ids = strs = b""
    offsets = []
    for key in keys:
        key_bytes, value_bytes = key.encode("utf-8"), messages[key].encode("utf-8")
        offsets.append((len(ids), len(key_bytes), len(strs), len(value_bytes)))
        ids += key_bytes + b"\0"
        strs += value_bytes + b"\0"
    keystart = 7 * 4 + 16 * len(keys)
    valuestart = keystart + len(ids)
    koffsets, voffsets = [], []
    for o1, l1, o2, l2 in offsets:
        koffsets += [l1, o1 + keystart]
        voffsets += [l2, o2 + valuestart]
    output = struct.pack("Iiiiiii", 0x950412DE, 0, len(keys), 7 * 4, 7 * 4 + len(keys) * 8, 0, 0)
    output += struct.pack(f"{len(koffsets + voffsets)}i", *(koffsets + voffsets))
    return output + ids + strs


def catalogs() -> list[Path]:
    return sorted(LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def update(po: Path) -> int:
    """Add new templates (untranslated), keep translations, drop templates gone from the
    source; return how many were added."""
    header, entries = read_po(po)
    known = {(e.context, e.msgid): e for e in entries}
    merged, added = [], 0
    for message in extract():
        entry = known.get((message.context, message.msgid))
        if entry is None:
            entry = Entry(message.context, message.msgid, "", [])
            added += 1
        entry.comments = [c for c in entry.comments if not c.startswith("#:")]
        entry.comments.append(f"#: {message.where}")
        merged.append(entry)
    manual = [e for e in entries if e.context == "value"]  # words inside messages
    write_po(po, header, merged + [e for e in manual if e not in merged])
    return added


def missing(po: Path) -> list[Message]:
    _header, entries = read_po(po)
    done = {(e.context, e.msgid) for e in entries if e.msgstr}
    return [m for m in extract() if (m.context, m.msgid) not in done]


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "missing"
    status = 0
    for po in catalogs():
        if command == "update":
            print(f"{po}: {update(po)} new message(s) to translate")
        elif command == "compile":
            header, entries = read_po(po)
            po.with_suffix(".mo").write_bytes(compile_mo(header, entries))
            print(f"wrote {po.with_suffix('.mo')}")
        elif command == "missing":
            for message in missing(po):
                print(f"{po}: {message.where}: [{message.context}] {message.msgid}")
                status = 1
        else:
            print(__doc__)
            return 2
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
