"""`kiosk check` in the editor's language, with gettext.

Problem messages are written in English where they are found (f-strings in the loader,
the checks and config.py), so that adding a check needs no translation step. The Spanish
catalog (kiosk/locale/es/LC_MESSAGES/kiosk.po, compiled to kiosk.mo) holds each message's
*template*, the f-string as written in the source (`link to {link.target} goes nowhere`),
under the problem code as its context. A message is translated by matching it against the
templates of its code and filling the translated template with the same values. A message
with no template (a new check not yet translated) prints in English.

`python -m kiosk.check.i18n_tools update` adds new templates to the catalog, `compile` writes the
.mo; see docs/translating-messages.md.
"""

from __future__ import annotations

import dataclasses
import gettext
import re
from pathlib import Path

from kiosk.check.problems import Problem

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
DOMAIN = "kiosk"
CONTEXT_SEP = "\x04"
# `{{` and `}}` are literal braces; `{name}` is a value filled in.
TOKEN = re.compile(r"\{\{|\}\}|\{([^{}]*)\}")


def placeholders(template: str) -> list[str]:
    return [m.group(1) for m in TOKEN.finditer(template) if m.group(1) is not None]


def _template_regex(template: str) -> tuple[re.Pattern[str], list[str]]:
    """A regex that matches the template's output, and the placeholders its groups hold."""
    parts: list[str] = []
    names: list[str] = []
    position = 0
    for match in TOKEN.finditer(template):
        parts.append(re.escape(template[position : match.start()]))
        token = match.group(0)
        if token in ("{{", "}}"):
            parts.append(re.escape(token[0]))
        else:
            group = f"g{len(names)}"
            if match.group(1) in names:  # the same value twice: the same text twice
                parts.append(f"(?P=g{names.index(match.group(1))})")
            else:
                names.append(match.group(1))
                parts.append(f"(?P<{group}>.*?)")
        position = match.end()
    parts.append(re.escape(template[position:]))
    return re.compile("^" + "".join(parts) + "$", re.S), names


def fill(template: str, values: dict[str, str]) -> str:
    def replace(match: re.Match) -> str:
        token = match.group(0)
        if token in ("{{", "}}"):
            return token[0]
        return values.get(match.group(1), token)

    return TOKEN.sub(replace, template)


def chosen_language(flag: str | None) -> list[str] | None:
    """--lang wins; else gettext reads LANGUAGE, LC_ALL, LC_MESSAGES and LANG itself."""
    if flag:
        return [flag]
    return None


class Messages:
    """Translates kiosk check's output into one language (English when there is none)."""

    def __init__(self, lang: str | None = None, localedir: Path = LOCALE_DIR):
        self.translation = gettext.translation(
            DOMAIN, localedir, languages=chosen_language(lang), fallback=True
        )
        catalog: dict[str, str] = getattr(self.translation, "_catalog", {})
        self.language = catalog.get("", "") and _header_language(catalog[""]) or "en"
        # context (problem code, or "") -> [(regex, names, translated template)]
        self.templates: dict[str, list[tuple[int, re.Pattern[str], list[str], str]]] = {}
        for key, translated in catalog.items():
            if not isinstance(key, str) or not key or not translated:
                continue
            context, sep, msgid = key.partition(CONTEXT_SEP)
            if not sep:
                context, msgid = "", key
            regex, names = _template_regex(msgid)
            literal = len(TOKEN.sub("", msgid))
            self.templates.setdefault(context, []).append((literal, regex, names, translated))
        for entries in self.templates.values():
            entries.sort(key=lambda entry: -entry[0])  # the most specific template first

    def gettext(self, text: str) -> str:
        return self.translation.gettext(text)

    def text(self, code: str, english: str) -> str:
        """`english`, a message or hint of problem `code`, in this language if known."""
        if not english:
            return english
        for context in (code, ""):
            for _literal, regex, names, translated in self.templates.get(context, ()):
                match = regex.match(english)
                if match:
                    values = {
                        name: self.value(match.group(f"g{i}")) for i, name in enumerate(names)
                    }
                    return fill(translated, values)
        return english

    def value(self, english: str) -> str:
        """A word put inside a message ("question", "page 2 ('Title')"), translated when
        the catalog has it under the context "value"; anything else (ids, file names) as is."""
        for _literal, regex, names, translated in self.templates.get("value", ()):
            match = regex.match(english)
            if match:
                return fill(translated, {n: match.group(f"g{i}") for i, n in enumerate(names)})
        return english

    def problem(self, problem: Problem) -> Problem:
        return dataclasses.replace(
            problem,
            message=self.text(problem.code, problem.message),
            hint=self.text(problem.code, problem.hint),
            consequences=tuple(self.problem(c) for c in problem.consequences),
        )


def _header_language(header: str) -> str:
    match = re.search(r"^Language:\s*(\S+)", header, re.M)
    return match.group(1) if match else ""
