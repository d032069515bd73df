"""Walk a content folder into a Catalog plus the problems an editor should fix.

`load_catalog` never raises on bad input: a file that cannot be used becomes a problem and
the rest loads. Cross-file checks (links, translations, strings) live in checks.py.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
import re
import time
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from kiosk.check.problems import Problem, error, toml_error_line, warning
from kiosk.check.suggest import closest, file_stem, last_part
from kiosk.content import bounds, checks
from kiosk.content.blocks import REMOTE, BlockRenderer, Findings
from kiosk.content.config import Config, load_config
from kiosk.content.frontmatter import split_front_matter
from kiosk.content.hints import toml_hint, yaml_hint
from kiosk.content.model import (
    Block,
    Catalog,
    Explainer,
    HelpLine,
    Language,
    Link,
    Page,
    Question,
    Review,
    Topic,
)
from kiosk.content.safe_files import (
    MAX_FILES,
    MAX_TEXT_BYTES,
    MAX_TOTAL_BYTES,
    FolderScan,
    RefusedFile,
    check_manifest,
    content_version,
    read_regular,
    regular_target,
    scan_folder,
)

log = logging.getLogger("kiosk.content")
Loaded = TypeVar("Loaded")  # what one file becomes (an Explainer, a Topic)

PAGE_HEADING = re.compile(r"^##(?!#)\s*(.*?)\s*#*\s*$")
QUESTION_ID = re.compile(r"\s*\{\s*#([A-Za-z0-9][\w-]*)\s*\}\s*$")
PLACEHOLDER = re.compile(r"\{\{\s*([\w.]+)\s*\}\}")
FENCE = re.compile(r"^\s*(```|~~~)")
RAW_HTML = re.compile(r"<(?:[a-zA-Z][\w-]*)(?:\s[^>]*)?/?>")
ALSO_LINE = re.compile(r"^\s*also\s*:(.*)$", re.IGNORECASE)
SLUG_STRIP = re.compile(r"[^\w\s-]")
MAX_PAGE_WORDS = 160
MAX_ORDER = 1_000_000  # `order:` values; a 400-digit number cannot even become a float
REVIEW_STATUSES = ("draft", "reviewed")
REVIEW_KEYS = ("status", "reviewed_by", "reviewed_on", "next_review")


def slugify(text: str) -> str:
    text = SLUG_STRIP.sub("", text.lower())
    return re.sub(r"[\s_-]+", "-", text).strip("-")


_HELP_TABLE = re.compile(r"^\s*\[\[\s*help_line\s*\]\]")


def _toml_key_line(text: str, key: str) -> int | None:
    """Best-effort line of `key = ...` (bare or quoted) in a TOML file."""
    pattern = re.compile(rf"""^\s*(?:{re.escape(key)}|"{re.escape(key)}"|'{re.escape(key)}')\s*=""")
    for number, line in enumerate(text.splitlines(), 1):
        if pattern.match(line):
            return number
    return None


def _nested_line(text: str, parent: str, key: object) -> int | None:
    """Line of `key:` inside the front matter block `parent:` (e.g. review: next_review:),
    so a message points at the exact line, not at the block's first one."""
    start = _front_matter_line(text, parent)
    if start is None:
        return None
    pattern = re.compile(rf"^\s+['\"]?{re.escape(str(key))}['\"]?\s*:")
    for number, line in enumerate(text.splitlines()[start:80], start + 1):
        if line.strip() and not line[0].isspace():
            break  # the block ended
        if pattern.match(line):
            return number
    return None


def _markdown_files(folder: Path) -> list[Path]:
    """The folder's *.md files, without hidden ones: editors' lock files (`.#x.md`, a
    dangling symlink) and macOS `._x.md` resource forks on USB sticks are not content."""
    return sorted(p for p in folder.glob("*.md") if not p.name.startswith("."))


class FileTooSlow(Exception):
    """One file took longer than its time budget to load."""


class ContentFile:
    """Reads one text file, remembering its path for problems. Never raises."""

    def __init__(self, root: Path, path: Path, problems: list[Problem], read: dict[str, bytes]):
        self.root = root
        self.path = path
        self.rel = path.relative_to(root).as_posix()
        self.problems = problems
        self.read_files = read  # rel -> bytes read, so the content version reads nothing twice

    def read(self) -> str | None:
        try:
            data = read_regular(self.path, self.root, MAX_TEXT_BYTES)
            self.read_files[self.rel] = data
        except RefusedFile as exc:
            self.error(exc.code, None, exc.message, exc.hint)
            return None
        except OSError as exc:
            self.error(
                "unreadable-file",
                None,
                f"cannot read the file: {exc.strerror or exc}",
                "Check that the file exists and the kiosk user may read it.",
            )
            return None
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            self.error(
                "bad-encoding",
                line,
                "the file is not UTF-8 text",
                "Save it again as UTF-8 (in most editors: Save As, Encoding: UTF-8).",
            )
            return None

    def error(
        self, code: str, line: int | None, message: str, hint: str = "", **extra: str
    ) -> None:
        self.problems.append(error(code, self.rel, line, message, hint, **extra))

    def warn(self, code: str, line: int | None, message: str, hint: str = "", **extra: str) -> None:
        self.problems.append(warning(code, self.rel, line, message, hint, **extra))


def _front_matter_line(text: str, key: object) -> int | None:
    # YAML keys need not be text (`1: x`, `null: x`), so the key is matched as written.
    pattern = re.compile(rf"^['\"]?{re.escape(str(key))}['\"]?\s*:")
    for number, line in enumerate(text.splitlines()[:80], 1):
        if pattern.match(line):
            return number
    return None


FIELD_TYPES: dict[str, tuple[type | tuple[type, ...], str]] = {
    "title": (str, "text"),
    "summary": (str, "text"),
    "topic": (str, "a topic id (a file name in questions/, without .md)"),
    "order": ((int, float), "a number"),
    "image": (str, "a path like images/picture.svg"),
    "icon": (str, "an icon name"),
    "sources": (list, "a list of sources, one '- ...' line each"),
    "review": (dict, "a block with status, reviewed_by, reviewed_on, next_review"),
}


def _field_value_problem(key: str, value: Any) -> str | None:
    """Why a front matter value of the right type still cannot be used, or None."""
    if key == "order" and (
        (isinstance(value, float) and not math.isfinite(value)) or abs(value) > MAX_ORDER
    ):
        return f"must be a number between -{MAX_ORDER:,} and {MAX_ORDER:,}"
    if key == "sources" and not all(isinstance(s, str | int | float) for s in value):
        return "must be a list of text lines (one '- ...' per source)"
    if key == "review":
        for name, item in value.items():
            if not isinstance(name, str) or isinstance(item, list | dict):
                return f"has a field {name!r} that is not 'name: value'"
    return None


class Loader:
    def __init__(self, root: Path, *, today: dt.date | None = None, readability: bool = True):
        self.root = root
        # Scoring reading level is the slowest check; the running kiosk leaves it to `check`.
        self.readability = readability
        # lang -> (file, label, Reading) of every page and answer, for the median and reports
        self.readings: dict[str, list] = {}
        self.read_files: dict[str, bytes] = {}
        self.problems: list[Problem] = []
        self.renderer = BlockRenderer()
        self.today = today or dt.date.today()
        self.file_budget_s = bounds.FILE_TIME_BUDGET_S
        self.deadline: float | None = None  # of the file being loaded
        self.refused: list[tuple[str, RefusedFile]] = []
        self.scan: FolderScan | None = None  # the folder as listed at the start
        self.config: Config | None = None
        # (lang, kind, id) -> (file, line) of every internal link, checked once all is loaded.
        self.link_sites: list[tuple[str, Link, str, int | None]] = []
        # rel -> what the file defines, for files checked to the end but left out.
        self.dropped: dict[str, set[str]] = {}
        self._bad_fields: dict[str, set[str]] = {}  # rel -> front matter keys with errors
        self._pictures: list[str] | None = None

    # -- entry point ---------------------------------------------------------------------
    def load(self) -> Catalog:
        config = load_config(self.root)
        self.config = config
        self.problems.extend(config.problems)
        languages: dict[str, Language] = {}
        if not self._scan_folder():
            # Over the limits: load nothing rather than spend minutes on a hostile folder.
            languages[config.default_language] = Language(config.default_language)
            return Catalog(self.root, config, languages, self.problems, self.version())
        for code in config.languages:
            folder = self.root / code
            if not folder.is_dir():
                self.problems.append(
                    error(
                        "language-missing",
                        f"{code}/",
                        None,
                        f"language '{code}' is listed in kiosk.toml but has no folder",
                        f"Create the folder {code}/ or remove '{code}' from [kiosk] languages.",
                    )
                )
                continue
            languages[code] = self.load_language(code, folder)
        for folder in (
            sorted(p for p in self.root.iterdir() if p.is_dir()) if self.root.is_dir() else []
        ):
            if (
                folder.name not in config.languages
                and folder.name != "images"
                and (folder / "strings.toml").exists()
            ):
                self.problems.append(
                    warning(
                        "language-unlisted",
                        f"{folder.name}/",
                        None,
                        f"folder '{folder.name}' looks like a language but is not in kiosk.toml",
                        f"Add '{folder.name}' to [kiosk] languages to offer it.",
                    )
                )
        if not languages:
            languages[config.default_language] = Language(config.default_language)
        self.check_median_reading()
        for wrong in check_manifest(self.root, self.read_files)[:20]:
            self.problems.append(
                error(
                    "manifest-mismatch",
                    "release.sha256",
                    None,
                    wrong,
                    "Copy the whole release again; write release.sha256 last (kiosk manifest).",
                )
            )
        reported = {p.file for p in self.problems}
        for rel, refused in self.refused:  # special files the loader itself did not read
            if rel not in reported:
                self.problems.append(error(refused.code, rel, None, refused.message, refused.hint))
        catalog = Catalog(self.root, config, languages, self.problems, self.version())
        catalog.dropped = self.dropped
        checks.run_all(self, catalog)
        return catalog

    def check_median_reading(self) -> None:
        """Most pages must read well below the per-page ceiling, not just under it."""
        if not self.readability:
            return
        from kiosk.content.readability import MAX_MEDIAN_SMOG, median_smog

        for lang, readings in sorted(self.readings.items()):
            median = median_smog(r for _, _, r in readings)
            if median is not None and median > MAX_MEDIAN_SMOG:
                self.problems.append(
                    error(
                        "reading-level-median",
                        f"{lang}/",
                        None,
                        f"the median SMOG of {len(readings)} pages and answers is {median:g}, "
                        f"above {MAX_MEDIAN_SMOG:g}",
                        "Rewrite the hardest pages with shorter sentences and common words.",
                    )
                )

    def version(self) -> str:
        """The content version (safe_files.content_version); files read are not read again."""
        return content_version(self.root, self.read_files, self.scan)

    def _scan_folder(self) -> bool:
        """Refuse special files and links leaving the folder; False if over the limits."""
        scan = self.scan = scan_folder(self.root)
        self.refused = scan.refused
        if scan.truncated:
            self.problems.append(
                error(
                    "too-many-files",
                    ".",
                    None,
                    f"the content folder has more than {MAX_FILES} files (or folders nested "
                    "too deeply)",
                    "Remove what the kiosk does not show; keep one copy of the content.",
                )
            )
            return False
        if scan.total_bytes > MAX_TOTAL_BYTES:
            self.problems.append(
                error(
                    "content-too-large",
                    ".",
                    None,
                    f"the content folder holds {scan.total_bytes:,} bytes, over the limit of "
                    f"{MAX_TOTAL_BYTES:,}",
                    "Make pictures smaller and remove files the kiosk does not show.",
                )
            )
            return False
        return True

    def _load_file(self, load: Callable[..., Loaded], *args: Any) -> Loaded | None:
        """One file, refused by itself if it breaks the loader or its time budget, so the
        rest of its language still loads (links to it are then reported as broken)."""
        path: Path = args[1]
        rel = path.relative_to(self.root).as_posix()
        self.deadline = time.monotonic() + self.file_budget_s
        try:
            return load(*args)
        except FileTooSlow:
            message = f"took longer than {self.file_budget_s:g} s to load"
            self.problems.append(
                error("file-too-slow", rel, None, message, "Split it into smaller files.")
            )
        except Exception as exc:  # RecursionError, MemoryError, a loader bug
            log.warning("loading %s failed: %r", rel, exc)
            self.problems.append(
                error(
                    "file-failed",
                    rel,
                    None,
                    f"the file could not be loaded ({type(exc).__name__})",
                    "Look for very deep nesting or unusual characters; simplify the file.",
                )
            )
        finally:
            self.deadline = None
        return None

    # -- languages -----------------------------------------------------------------------
    def _also_line(
        self, file: ContentFile, title: str, section: str, line: int
    ) -> tuple[tuple[str, ...], str]:
        """The `also: one way; another way` line right under a question's heading: other
        ways patients ask it. Returns the phrasings and the answer without that line (the
        line keeps its place as an empty one, so later line numbers stay right)."""
        lines = section.split("\n")
        first = next((n for n, text in enumerate(lines) if text.strip()), None)
        for n, text in enumerate(lines):
            if n != first and ALSO_LINE.match(text):
                file.warn(
                    "also-misplaced",
                    line + 1 + n,
                    f"the 'also:' line of '{title}' is not right under its heading",
                    "Move it to the line after the '## ' heading; here it shows as answer text.",
                )
        if first is None:
            return (), section
        match = ALSO_LINE.match(lines[first])
        if not match:
            return (), section
        lines[first] = ""
        phrases: list[str] = []
        seen = {" ".join(title.lower().split()).strip(" ?¿!¡.")}
        for phrase in match.group(1).split(";"):
            phrase = " ".join(phrase.split())
            if not phrase:
                continue
            key = phrase.lower().strip(" ?¿!¡.")
            if key in seen:
                file.warn(
                    "also-duplicate",
                    line + 1 + first,
                    f"'{phrase}' is listed twice for '{title}' (or is its heading)",
                    "Each 'also:' phrasing once, separated by ';'.",
                )
                continue
            seen.add(key)
            phrases.append(phrase)
        if not phrases:
            file.warn(
                "also-empty",
                line + 1 + first,
                f"the 'also:' line of '{title}' lists nothing",
                "also: another way to ask; one more way",
            )
        return tuple(phrases), "\n".join(lines)

    def _check_also_across(self, language: Language) -> None:
        """One phrasing, one question: the same `also:` phrasing under two questions makes
        search unable to put the right one first."""
        owner: dict[str, Question] = {}
        for topic in language.topic_list():
            for question in topic.questions:
                for phrase in question.also:
                    key = phrase.lower().strip(" ?¿!¡.")
                    other = owner.setdefault(key, question)
                    if other is not question:
                        self.problems.append(
                            warning(
                                "also-duplicate",
                                question.path,
                                question.line,
                                f"'{phrase}' is an 'also:' phrasing of both '{other.title}' "
                                f"and '{question.title}'",
                                "Keep it under the question that answers it best.",
                            )
                        )

    def load_language(self, code: str, folder: Path) -> Language:
        language = Language(code)
        self.load_strings(language, folder / "strings.toml")
        self.load_synonyms(language, folder / "synonyms.toml")
        for path in _markdown_files(folder / "explainers"):
            explainer = self._load_file(self.load_explainer, code, path)
            if explainer:
                language.explainers[explainer.id] = explainer
        seen_questions: dict[str, str] = {}
        for path in _markdown_files(folder / "questions"):
            topic = self._load_file(self.load_topic, code, path, seen_questions)
            if topic:
                language.topics[topic.id] = topic
        self._check_also_across(language)
        return language

    def _read_toml(self, path: Path) -> tuple[dict[str, Any], str] | None:
        file = ContentFile(self.root, path, self.problems, self.read_files)
        if not path.exists():
            file.error(
                "file-missing",
                None,
                f"{file.rel} is missing",
                "Copy it from another language folder and translate it.",
            )
            return None
        text = file.read()
        if text is None:
            return None
        try:
            return tomllib.loads(text), text
        except RecursionError:
            file.error("toml-syntax", None, "not valid TOML: nested too deeply")
            return None
        except tomllib.TOMLDecodeError as exc:
            file.error(
                "toml-syntax",
                toml_error_line(exc, text),
                f"not valid TOML: {exc}",
                toml_hint(str(exc))
                or "Check quotes and '=' signs on that line (keys with accents need quotes).",
            )
            return None

    def load_strings(self, language: Language, path: Path) -> None:
        loaded = self._read_toml(path)
        if loaded is None:
            return
        data, text = loaded
        rel = path.relative_to(self.root).as_posix()
        for key, value in data.items():
            if key == "help_line":
                self._load_help_lines(language, value, rel, text)
            elif isinstance(value, str):
                language.strings[key] = value
            else:
                self.problems.append(
                    error(
                        "field-type",
                        rel,
                        _toml_key_line(text, key),
                        f"string '{key}' must be text in quotes",
                    )
                )

    def _load_help_lines(self, language: Language, value: Any, rel: str, text: str) -> None:
        tables = [n for n, line in enumerate(text.splitlines(), 1) if _HELP_TABLE.match(line)]
        if not isinstance(value, list):
            self.problems.append(
                error(
                    "field-type",
                    rel,
                    _toml_key_line(text, "help_line"),
                    "help_line must be written as [[help_line]] tables",
                )
            )
            return
        for number, entry in enumerate(value):
            line = tables[number] if number < len(tables) else None
            # A crisis line without a number to call is worse than none: it is not shown.
            if (
                not isinstance(entry, dict)
                or not isinstance(entry.get("name"), str)
                or not entry["name"].strip()
                or not isinstance(entry.get("number"), str | int)
                or isinstance(entry.get("number"), bool)
                or not str(entry["number"]).strip()
            ):
                self.problems.append(
                    error(
                        "field-missing",
                        rel,
                        line,
                        "each [[help_line]] needs a name and a number (and a detail)",
                        'name = "988 Suicide & Crisis Lifeline", number = "988", detail = "..."',
                    )
                )
                continue
            urgent = entry.get("urgent", False)
            if not isinstance(urgent, bool):
                self.problems.append(
                    error(
                        "field-type",
                        rel,
                        line,
                        f"help_line urgent must be true or false, not {urgent!r}",
                    )
                )
                urgent = False
            language.help_lines.append(
                HelpLine(
                    name=entry["name"],
                    number=str(entry["number"]),
                    detail=str(entry.get("detail", "")),
                    urgent=urgent,
                )
            )

    def load_synonyms(self, language: Language, path: Path) -> None:
        if not path.exists():
            return  # optional
        loaded = self._read_toml(path)
        if loaded is None:
            return
        data, text = loaded
        rel = path.relative_to(self.root).as_posix()
        for word, alternatives in data.items():
            if word == "crisis" and isinstance(alternatives, dict):
                self._load_crisis(language, alternatives, rel, text)
                continue
            if isinstance(alternatives, str):
                alternatives = [alternatives]
            if not isinstance(alternatives, list) or not all(
                isinstance(a, str) for a in alternatives
            ):
                self.problems.append(
                    error(
                        "field-type",
                        rel,
                        _toml_key_line(text, word),
                        f"synonyms for '{word}' must be a list of words",
                        f'{word} = ["word one", "word two"]',
                    )
                )
                continue
            language.synonyms[word.lower()] = [a.lower() for a in alternatives]

    def _load_crisis(self, language: Language, table: dict, rel: str, text: str) -> None:
        """[crisis] words = [...] answers = ["question:ID", ...]: the answers a crisis query
        shows first. Its answers are checked like links (a wrong id is a broken link)."""
        line = next(
            (n for n, t in enumerate(text.splitlines(), 1) if t.strip() == "[crisis]"), None
        )
        words, answers = table.get("words", []), table.get("answers", [])
        unknown = sorted(set(table) - {"words", "answers"})
        lists = [words, answers]
        if unknown or not all(
            isinstance(v, list) and all(isinstance(a, str) for a in v) for v in lists
        ):
            self.problems.append(
                error(
                    "field-type",
                    rel,
                    line,
                    "[crisis] must hold only words = [...] and answers = [...], lists of text",
                    '[crisis]\nwords = ["suicide", "kill myself"]\n'
                    'answers = ["question:struggling-now", "explainer:getting-help"]',
                )
            )
            return
        links = []
        for target in answers:
            kind, _, item_id = target.partition(":")
            if kind not in ("question", "explainer") or not item_id:
                self.problems.append(
                    error(
                        "field-type",
                        rel,
                        line,
                        f"[crisis] answer {target!r} is not question:ID or explainer:ID",
                        'answers = ["question:struggling-now", "explainer:getting-help"]',
                    )
                )
                continue
            link = Link(kind, item_id, "")
            links.append(link)
            self.link_sites.append((language.code, link, rel, line))
        language.crisis_words = [w.lower() for w in words]
        language.crisis_answers = links

    # -- shared file handling --------------------------------------------------------------
    def _open_markdown(self, path: Path, required: tuple[str, ...]):
        file = ContentFile(self.root, path, self.problems, self.read_files)
        text = file.read()
        if text is None:
            return None
        fm = split_front_matter(text)
        bad = self._bad_fields.setdefault(file.rel, set())
        if fm.error:
            file.error(
                "front-matter-syntax",
                fm.error_line,
                f"front matter: {fm.error}",
                yaml_hint(fm.error)
                or "Front matter is 'key: value' lines between two '---' lines.",
            )
            # The text below is still checked (links, pictures) so that one round shows all.
            self.dropped[file.rel] = set()
            bad.update(FIELD_TYPES)
            return (file, text, fm) if self._within_bounds(file, fm) else None
        if not fm.present:
            file.error(
                "front-matter-missing",
                1,
                "no front matter at the top of the file",
                "Start the file with '---', the fields (title, summary, ...), then '---'.",
            )
            self.dropped[file.rel] = set()
            bad.update(FIELD_TYPES)
            return (file, text, fm) if self._within_bounds(file, fm) else None
        ok = True
        for key, value in fm.data.items():
            if key in FIELD_TYPES:
                expected, description = FIELD_TYPES[key]
                if value is not None and (
                    not isinstance(value, expected) or isinstance(value, bool)
                ):
                    file.error(
                        "field-type",
                        _front_matter_line(text, key),
                        f"'{key}' should be {description}, not {type(value).__name__}",
                        f"Write {key}: followed by {description}.",
                    )
                    ok = False
                    bad.add(key)
                elif value is not None and (why := _field_value_problem(key, value)):
                    file.error(
                        "field-type",
                        _front_matter_line(text, key),
                        f"'{key}' {why}",
                        f"Write {key}: followed by {description}.",
                    )
                    ok = False
                    bad.add(key)
            elif key not in ("id",):
                file.warn(
                    "field-unknown",
                    _front_matter_line(text, key),
                    f"unknown front matter field '{key}'",
                    f"Known fields: {', '.join(FIELD_TYPES)}.",
                    suggestion=closest(key, FIELD_TYPES),
                )
        for key in bad:
            fm.data.pop(key, None)  # checked no further; the error above says why
        for key in required:
            if key not in bad and fm.data.get(key) in (None, ""):
                file.error(
                    "field-missing",
                    1,
                    f"'{key}' is missing from the front matter",
                    f"Add a line '{key}: ...' ({FIELD_TYPES[key][1]}).",
                    subject=f"field:{key}",
                )
                ok = False
        if not ok:
            self.dropped[file.rel] = set()  # still checked to the end, then left out
        if not self._within_bounds(file, fm):
            return None
        return file, text, fm

    def _within_bounds(self, file: ContentFile, fm) -> bool:
        """Whether the body may go to Markdown at all: deep nesting and page floods are
        refused before parsing (its cost grows faster than the text)."""
        too_deep = bounds.scan(fm.body)
        if too_deep:
            file.error(
                "nesting-too-deep",
                fm.body_line + too_deep.line - 1,
                too_deep.message,
                "Pages are read on a touch screen: keep lists and quotes a few levels deep.",
            )
            return False
        pages = sum(1 for line in fm.body.splitlines() if PAGE_HEADING.match(line))
        if pages > bounds.MAX_PAGES:
            file.error(
                "too-many-pages",
                fm.body_line,
                f"{pages} '##' headings, over the limit of {bounds.MAX_PAGES} in one file",
                "Split the file into two.",
            )
            return False
        return True

    def _sources_and_review(self, file: ContentFile, text: str, data: dict):
        bad = self._bad_fields.get(file.rel, set())
        sources = tuple(str(s) for s in (data.get("sources") or []))
        if not sources and "sources" not in bad:
            file.warn(
                "sources-missing",
                _front_matter_line(text, "sources") or 1,
                "no sources listed",
                "List where each fact comes from under 'sources:'.",
            )
        # A review block of the wrong type is reported once, as field-type.
        review = None if "review" in bad else self._review(file, text, data.get("review"))
        return sources, review

    def _review(self, file: ContentFile, text: str, data: Any) -> Review | None:
        line = _front_matter_line(text, "review") or 1
        if not data:
            file.warn(
                "review-missing",
                line,
                "no review block",
                "Add review: status, reviewed_by, reviewed_on, next_review.",
            )
            return None
        for key in data:
            if key not in REVIEW_KEYS:
                file.warn(
                    "field-unknown",
                    _nested_line(text, "review", key) or line,
                    f"unknown review field '{key}'",
                    f"Known review fields: {', '.join(REVIEW_KEYS)}.",
                    suggestion=closest(key, REVIEW_KEYS),
                )
        status = str(data.get("status") or "draft")
        if status not in REVIEW_STATUSES:
            file.error(
                "field-type",
                _nested_line(text, "review", "status") or line,
                f"review status '{status}' is not draft or reviewed",
                "Use status: draft or status: reviewed.",
                suggestion=closest(status, REVIEW_STATUSES),
            )
            status = "?"  # shown as a draft; the error above says it all, no draft warning
        if status == "draft":
            file.warn(
                "review-draft",
                line,
                "not yet clinically reviewed (status: draft)",
                "A clinician reviews it, then set status: reviewed, reviewed_by, reviewed_on.",
            )
        elif status == "reviewed" and not data.get("reviewed_by"):
            file.warn(
                "review-incomplete",
                _nested_line(text, "review", "reviewed_by") or line,
                "reviewed, but reviewed_by is empty",
                "Name the clinician who reviewed it.",
            )
        next_review = data.get("next_review")
        due_line = _nested_line(text, "review", "next_review") or line
        due = None
        if isinstance(next_review, dt.datetime):
            due = next_review.date()  # `2027-05-01 10:00` in YAML is a datetime
        elif isinstance(next_review, dt.date):
            due = next_review
        elif next_review:
            try:
                due = dt.date.fromisoformat(str(next_review))
            except ValueError:
                file.error(
                    "field-type",
                    due_line,
                    f"next_review '{next_review}' is not a date",
                    "Write dates as YYYY-MM-DD.",
                )
        if due is None and next_review in (None, ""):
            file.warn(
                "review-missing",
                line,
                "review has no next_review date",
                "Add next_review: YYYY-MM-DD.",
                subject="field:next_review",
            )
        elif due is not None and due < self.today:
            file.warn(
                "review-overdue",
                due_line,
                f"review was due on {due.isoformat()}",
                "Review the facts again and move next_review forward.",
            )
        return Review(
            status=status if status in REVIEW_STATUSES else "draft",
            reviewed_by=str(data.get("reviewed_by") or ""),
            reviewed_on=str(data.get("reviewed_on") or ""),
            next_review=due.isoformat() if due else "",
        )

    def _fill_placeholders(self, file: ContentFile, lang: str, body: str, first_line: int) -> str:
        # [clinic.es] values fill Spanish pages; [clinic] fills the rest.
        clinic = self.config.clinic_for(lang) if self.config else {}

        def replace(match: re.Match) -> str:
            name = match.group(1)
            section, _, key = name.partition(".")
            if section == "clinic" and key in clinic:
                return clinic[key]
            line = first_line + body[: match.start()].count("\n")
            file.error(
                "unknown-placeholder",
                line,
                f"unknown placeholder {{{{ {name} }}}}",
                "Known: " + ", ".join(f"clinic.{k}" for k in clinic),
                suggestion=closest(name, [f"clinic.{k}" for k in clinic], part=last_part),
            )
            return match.group(0)

        return PLACEHOLDER.sub(replace, body)

    def _sections(self, body: str, first_line: int) -> list[tuple[str | None, str, int]]:
        """Split at `##` headings (outside code fences): (heading, text, line of heading)."""
        sections: list[tuple[str | None, list[str], int]] = [(None, [], first_line)]
        in_fence = False
        for offset, line in enumerate(body.splitlines()):
            if FENCE.match(line):
                in_fence = not in_fence
            match = None if in_fence else PAGE_HEADING.match(line)
            if match:
                sections.append((match.group(1), [], first_line + offset))
            else:
                sections[-1][1].append(line)
        return [(h, "\n".join(lines), n) for h, lines, n in sections]

    def _render(self, file: ContentFile, lang: str, text: str, line: int):
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise FileTooSlow(file.rel)
        blocks, findings = self.renderer.render(text)
        self._check_findings(file, lang, text, line, findings)
        for match in RAW_HTML.finditer(text):
            file.warn(
                "raw-html",
                line + text[: match.start()].count("\n"),
                f"HTML tag {match.group(0)} is shown as text",
                "Use markdown instead of HTML (**bold**, - lists, ...).",
            )
            break
        return blocks, findings

    def _check_findings(self, file, lang, text, line, findings: Findings) -> None:
        def where(needle: str) -> int:
            index = text.find(needle)
            return line + (text[:index].count("\n") if index >= 0 else 0)

        for href in findings.external_links:
            file.warn(
                "external-link",
                where(href),
                f"link to {href} is shown as plain text",
                "The kiosk never opens outside links; write the address out if needed.",
            )
        for src in findings.remote_images + findings.images:
            self.check_picture(file.rel, where(src), src)
        for link in findings.links:
            self.link_sites.append((lang, link, file.rel, where(link.target)))

    def check_picture(self, rel: str, line: int | None, src: str, what: str = "picture") -> bool:
        """True if `src` is a picture the kiosk can show; otherwise report why, as an error.

        Pictures must be files inside the content folder: never remote, never outside it.
        """
        if REMOTE.match(src):
            self.problems.append(
                error(
                    "remote-resource",
                    rel,
                    line,
                    f"remote {what} {src} is refused",
                    "Save the picture into images/ and use images/NAME.",
                )
            )
            return False
        try:
            # Inside the content folder, and a regular file (never a FIFO or a device).
            path = self.root / src
            exists = path.resolve().is_relative_to(self.root.resolve())
            exists = exists and bool(regular_target(path, self.root))
        except (OSError, ValueError, RefusedFile):
            exists = False
        if not exists:
            self.problems.append(
                error(
                    "missing-image",
                    rel,
                    line,
                    f"{what} {src} not found",
                    "Put the file in the content folder's images/ and check the name.",
                    suggestion=closest(src, self._picture_names(), part=file_stem),
                )
            )
        return exists

    def _picture_names(self) -> list[str]:
        if self._pictures is None:
            folder = self.root / "images"
            try:
                self._pictures = sorted(f"images/{p.name}" for p in folder.iterdir() if p.is_file())
            except OSError:
                self._pictures = []
        return self._pictures

    def _check_page(
        self, file: ContentFile, lang: str, title: str, blocks: list[Block], line: int, label: str
    ) -> None:
        plain = "\n".join([title] + [b.plain for b in blocks if b.plain])
        if not blocks:
            file.warn(
                "empty-page",
                line,
                f"{label} is empty",
                "Write some text under the heading, or remove the heading.",
            )
            return
        words = len(plain.split())
        if words > MAX_PAGE_WORDS:
            file.warn(
                "page-too-long",
                line,
                f"{label} has {words} words, too long to read on one screen",
                f"Keep a page under {MAX_PAGE_WORDS} words: split it with a new '##' heading.",
            )
        if not self.readability:
            return
        # The dictionary loads on first use; the running kiosk loads content
        # with readability off, so only `kiosk check` pays for them.
        from kiosk.content.readability import measure

        reading = measure(plain, lang)
        if reading is None:
            return
        self.readings.setdefault(lang, []).append((file.rel, label, reading))
        if reading.too_hard:
            file.error(
                "reading-level",
                line,
                f"{label} is too hard to read: {'; '.join(reading.failures)} ({reading.summary})",
                "Use shorter sentences and common words; explain medical terms, or split the page.",
            )

    # -- explainers ------------------------------------------------------------------------
    def load_explainer(self, lang: str, path: Path) -> Explainer | None:
        opened = self._open_markdown(path, ("title", "summary", "topic"))
        if opened is None:
            return None
        file, text, fm = opened
        data = fm.data
        usable = fm.present and not fm.error
        sources, review = self._sources_and_review(file, text, data) if usable else ((), None)
        image = data.get("image") or ""
        if image and not self.check_picture(file.rel, _front_matter_line(text, "image"), image):
            image = ""
        body = self._fill_placeholders(file, lang, fm.body, fm.body_line)
        pages, links = [], []
        for number, (heading, section, line) in enumerate(self._sections(body, fm.body_line), 1):
            title = str(data.get("title") or path.stem) if heading is None else heading
            if heading is None and not section.strip():
                continue  # file starts straight with a `##` page
            # A page's text starts on the line after its `##` heading.
            text_line = line if heading is None else line + 1
            blocks, findings = self._render(file, lang, section, text_line)
            self._check_page(file, lang, title, blocks, line, f"page {number} ('{title}')")
            links.extend(findings.links)
            if blocks:
                pages.append(Page(title=title, blocks=tuple(blocks), line=line))
        if not pages:
            file.error(
                "empty-page",
                fm.body_line,
                "the explainer has no text",
                "Write the first page under the front matter.",
            )
            self.dropped[file.rel] = set()
        if file.rel in self.dropped:
            self.dropped[file.rel].add(f"explainer:{path.stem}")
            return None
        order = data.get("order")
        if order is None:
            file.warn(
                "field-missing",
                1,
                "'order' is missing; the explainer goes last",
                "Add order: 1 (smaller numbers come first on the home screen).",
            )
        return Explainer(
            id=path.stem,
            lang=lang,
            title=str(data["title"]),
            summary=str(data["summary"]),
            topic=str(data["topic"]),
            order=float(order if order is not None else 1000),
            image=image,
            sources=sources,
            review=review,
            pages=tuple(pages),
            links=tuple(dict.fromkeys(links)),
            path=file.rel,
        )

    # -- question topics -------------------------------------------------------------------
    def load_topic(self, lang: str, path: Path, seen: dict[str, str]) -> Topic | None:
        opened = self._open_markdown(path, ("title",))
        if opened is None:
            return None
        file, text, fm = opened
        data = fm.data
        usable = fm.present and not fm.error
        sources, review = self._sources_and_review(file, text, data) if usable else ((), None)
        body = self._fill_placeholders(file, lang, fm.body, fm.body_line)
        questions: list[Question] = []
        for heading, section, line in self._sections(body, fm.body_line):
            if heading is None:
                if section.strip():
                    file.warn(
                        "text-outside-question",
                        fm.body_line,
                        "text before the first '## Question' is not shown",
                        "Start every question with a '## ' heading.",
                    )
                continue
            match = QUESTION_ID.search(heading)
            if match:
                qid, title = match.group(1), heading[: match.start()].strip()
            else:
                qid, title = slugify(heading), heading.strip()
                file.warn(
                    "question-id-missing",
                    line,
                    f"question '{title}' has no {{#id}}",
                    f"End the heading with {{#{qid}}} so translations can pair up.",
                )
            if qid in seen:
                file.error(
                    "duplicate-id",
                    line,
                    f"question id '{qid}' is used twice (also in {seen[qid]})",
                    "Give each question its own id.",
                )
                continue
            seen[qid] = f"{file.rel}:{line}"
            also, section = self._also_line(file, title, section, line)
            blocks, findings = self._render(file, lang, section, line + 1)
            self._check_page(file, lang, title, blocks, line, f"answer to '{title}'")
            if not blocks:
                continue
            questions.append(
                Question(
                    id=qid,
                    lang=lang,
                    topic=path.stem,
                    title=title,
                    blocks=tuple(blocks),
                    related=tuple(dict.fromkeys(findings.links)),
                    line=line,
                    path=file.rel,
                    also=also,
                )
            )
        if not questions and usable:
            file.error(
                "no-questions",
                fm.body_line,
                "the topic has no questions",
                "Add questions as '## Question? {#id}' headings with answers below.",
            )
            self.dropped[file.rel] = set()
        if file.rel in self.dropped or not questions:
            defined = {f"topic:{path.stem}"} | {f"question:{q.id}" for q in questions}
            self.dropped.setdefault(file.rel, set()).update(defined)
            return None
        order = data.get("order")
        return Topic(
            id=path.stem,
            lang=lang,
            title=str(data["title"]),
            summary=str(data.get("summary") or ""),
            order=float(order if order is not None else 1000),
            icon=str(data.get("icon") or ""),
            sources=sources,
            review=review,
            questions=tuple(questions),
            path=file.rel,
        )


def load_catalog(root: Path, *, today: dt.date | None = None, readability: bool = True) -> Catalog:
    """Load everything under `root`. Never raises on bad content."""
    root = Path(root)
    try:
        return Loader(root, today=today, readability=readability).load()
    except Exception as exc:  # a loader bug must not take the kiosk down
        log.exception("content loader failed")
        config = load_config(root)
        problem = error(
            "loader-failure",
            ".",
            None,
            f"internal error while loading: {exc}",
            "Please report this with the content folder attached.",
        )
        lang = Language(config.default_language)
        return Catalog(root, config, {lang.code: lang}, [problem], "broken")
