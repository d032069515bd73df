"""Search as you type: SQLite FTS5 in memory over explainer pages and questions.

Text is normalised in Python before it reaches FTS5 (accents folded, Snowball-stemmed per
language), so the index and the query always agree. On top of that the query side adds
what a patient typing on a touchscreen needs: prefix matching on the word being typed,
spelling correction against the content's own words (a SymSpell-style delete index, edit
distance 1 for short words and 2 for long ones), and synonyms from synonyms.toml.
"""

from __future__ import annotations

import bisect
import functools
import re
import sqlite3
import unicodedata
from dataclasses import asdict, dataclass

from kiosk.content.model import Catalog, Language

WORD = re.compile(r"\w+", re.UNICODE)
STEMMERS = {
    "en": "english",
    "es": "spanish",
    "fr": "french",
    "de": "german",
    "pt": "portuguese",
    "it": "italian",
}
STOPWORDS = {
    "en": set(
        [
            "a",
            "an",
            "and",
            "are",
            "as",
            "at",
            "be",
            "can",
            "do",
            "does",
            "for",
            "from",
            "how",
            "i",
            "if",
            "in",
            "is",
            "it",
            "me",
            "my",
            "of",
            "on",
            "or",
            "so",
            "the",
            "to",
            "what",
            "when",
            "where",
            "which",
            "who",
            "why",
            "will",
            "with",
            "you",
            "your",
        ]
    ),
    "es": set(
        [
            "a",
            "al",
            "con",
            "como",
            "cual",
            "cuando",
            "de",
            "del",
            "donde",
            "el",
            "en",
            "es",
            "esta",
            "este",
            "la",
            "las",
            "lo",
            "los",
            "me",
            "mi",
            "o",
            "para",
            "por",
            "que",
            "qué",
            "se",
            "si",
            "sin",
            "su",
            "un",
            "una",
            "y",
            "yo",
        ]
    ),
}
MAX_PREFIX_EXPANSIONS = 40
TITLE_WEIGHT = 6.0


def fold(text: str) -> str:
    """Lowercase and strip accents: 'Adicción' -> 'adiccion'."""
    if text.isascii():  # most content: nothing to fold, and 10x faster than decomposing
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance (transpositions count once), cut off at limit+1."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def max_distance(word: str) -> int:
    if len(word) < 4:
        return 0
    return 1 if len(word) < 7 else 2


@dataclass(frozen=True)
class Hit:
    kind: str  # "question" or "explainer"
    id: str
    title: str
    where: str  # topic title for a question, page title for an explainer page
    page: int  # 0-based page for explainers, 0 for questions
    score: float

    def to_dict(self) -> dict:
        return asdict(self)


class LanguageIndex:
    """The index for one language."""

    def __init__(self, db: sqlite3.Connection, table: str, language: Language):
        self.db = db
        self.table = table
        self.code = language.code
        self.stopwords = STOPWORDS.get(language.code[:2], set())
        # Snowball is pure Python and slow; the content repeats a few thousand words, so a
        # cache cuts index building several-fold (it was most of the kiosk's start-up).
        self._stems: dict[str, str] = {}
        self.vocabulary: set[str] = set()
        self.synonyms: dict[str, set[str]] = {}
        for word, alternatives in language.synonyms.items():
            for alternative in alternatives:
                for token in WORD.findall(fold(alternative)):
                    self.synonyms.setdefault(token, set()).add(fold(word))
        db.execute(
            f"CREATE VIRTUAL TABLE {table} USING fts5(title, body, kind UNINDEXED, "
            "id UNINDEXED, title_raw UNINDEXED, location UNINDEXED, page UNINDEXED, "
            "tokenize = 'unicode61 remove_diacritics 2')"
        )
        rows = []
        for topic in language.topic_list():
            for question in topic.questions:
                rows.append(
                    (
                        question.title,
                        question.plain,
                        "question",
                        question.id,
                        question.title,
                        topic.title,
                        0,
                    )
                )
        for explainer in language.explainer_list():
            for number, page in enumerate(explainer.pages):
                title = explainer.title if number == 0 else f"{explainer.title} {page.title}"
                body = page.plain + (" " + explainer.summary if number == 0 else "")
                rows.append(
                    (title, body, "explainer", explainer.id, explainer.title, page.title, number)
                )
        texts = self.normalise_all([text for row in rows for text in row[:2]])
        db.executemany(
            f"INSERT INTO {table} VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(texts[2 * n], texts[2 * n + 1], *row[2:]) for n, row in enumerate(rows)],
        )
        self.words = sorted(self.vocabulary)
        # Words a patient might type that the content does not use are still worth correcting to.
        self.delete_index: dict[str, set[str]] = {}
        for word in self.vocabulary | set(self.synonyms):
            if max_distance(word):
                for variant in _deletes(word) | {word}:
                    self.delete_index.setdefault(variant, set()).add(word)

    def __getstate__(self) -> dict:
        # The connection belongs to SearchIndex and the stemmer is rebuilt (not picklable).
        return {k: v for k, v in self.__dict__.items() if k not in ("db", "stemmer")}

    @functools.cached_property
    def stemmer(self):
        # Imported on first use: the package loads every language's stemmer (~35 ms), and a
        # kiosk started from the content cache needs none until a patient types a new word.
        import snowballstemmer

        return snowballstemmer.stemmer(STEMMERS.get(self.code[:2], "english"))

    def stem(self, word: str) -> str:
        stem = self._stems.get(word)
        if stem is None:
            stem = self._stems[word] = self.stemmer.stemWord(word)
        return stem

    def normalise(self, text: str) -> str:
        words = WORD.findall(fold(text))
        self.vocabulary.update(w for w in words if not w.isdigit() or len(w) > 1)
        return " ".join(self.stem(w) for w in words)

    def normalise_all(self, texts: list[str]) -> list[str]:
        """`normalise` of each text; each distinct word is filtered and stemmed only once."""
        seen: set[str] = set()
        stems = self._stems
        normalised = []
        for text in texts:
            words = WORD.findall(fold(text))
            new = set(words) - seen
            if new:
                seen |= new
                self.vocabulary.update(w for w in new if not w.isdigit() or len(w) > 1)
                for word in new:
                    self.stem(word)  # into self._stems
            normalised.append(" ".join([stems[w] for w in words]))
        return normalised

    def corrections(self, word: str) -> set[str]:
        limit = max_distance(word)
        if not limit:
            return set()
        candidates: set[str] = set()
        for variant in _deletes(word) | {word}:
            candidates |= self.delete_index.get(variant, set())
        scored = [(edit_distance(word, c, limit), c) for c in candidates]
        scored = [(d, c) for d, c in scored if d <= limit]
        if not scored:
            return set()
        best = min(d for d, _ in scored)
        return {c for d, c in scored if d == best}

    def prefix_expansions(self, prefix: str) -> list[str]:
        start = bisect.bisect_left(self.words, prefix)
        found = []
        for word in self.words[start : start + MAX_PREFIX_EXPANSIONS]:
            if not word.startswith(prefix):
                break
            found.append(word)
        return found

    def alternatives(self, token: str, *, is_prefix: bool) -> set[str]:
        words = {token}
        if is_prefix:
            words.update(self.prefix_expansions(token))
        known = token in self.vocabulary or token in self.synonyms or len(words) > 1
        if not known:
            words |= self.corrections(token)
        for word in list(words):
            words |= self.synonyms.get(word, set())
        return {self.stem(w) for w in words if w}

    def query_groups(self, query: str) -> list[set[str]]:
        tokens = WORD.findall(fold(query))
        if not tokens:
            return []
        typing_last = not query[-1:].isspace()
        content = [t for t in tokens if t not in self.stopwords]
        if not content:
            # Only little words ("the", "is it", "AND"): they match everything, so they find
            # nothing, except as the start of a longer word still being typed ("the" ->
            # "therapy").
            if not typing_last:
                return []
            words = {w for w in self.prefix_expansions(tokens[-1]) if w not in self.stopwords}
            return [{self.stem(w) for w in words}] if words else []
        groups = []
        for index, token in enumerate(content):
            is_last = index == len(content) - 1 and token == tokens[-1]
            groups.append(self.alternatives(token, is_prefix=typing_last and is_last))
        return groups

    def search(self, query: str, limit: int = 30) -> list[Hit]:
        groups = [g for g in self.query_groups(query) if g]
        if not groups:
            return []
        expressions = ["(" + " OR ".join(f'"{s}"' for s in sorted(g)) + ")" for g in groups]
        hits = self._run(" AND ".join(expressions), limit)
        if not hits and len(expressions) > 1:
            hits = self._run(" OR ".join(expressions), limit)
        return hits

    def _run(self, match: str, limit: int) -> list[Hit]:
        rows = self.db.execute(
            f"SELECT kind, id, title_raw, location, page, bm25({self.table}, ?, 1.0) AS rank "
            f"FROM {self.table} WHERE {self.table} MATCH ? ORDER BY rank LIMIT ?",
            (TITLE_WEIGHT, match, limit * 3),
        ).fetchall()
        hits: dict[tuple[str, str], Hit] = {}
        for kind, item_id, title, location, page, rank in rows:
            key = (kind, item_id)
            # A question answers one thing; on a tie it beats a page of an explainer.
            score = round(-rank * (1.0 if kind == "question" else 0.8), 3)
            if key not in hits:
                hits[key] = Hit(kind, item_id, title, location, int(page), score)
        return sorted(hits.values(), key=lambda h: -h.score)[:limit]


class SearchIndex:
    """All languages of a catalog, in one in-memory SQLite database."""

    def __init__(self, catalog: Catalog):
        # check_same_thread=False: built on the loader thread, queried on the UI thread.
        self.db = sqlite3.connect(":memory:", check_same_thread=False)
        self.languages: dict[str, LanguageIndex] = {}
        for number, (code, language) in enumerate(catalog.languages.items()):
            self.languages[code] = LanguageIndex(self.db, f"docs_{number}", language)
        # Flush FTS5's pending terms into the database pages (serialize() copies only those).
        self.db.commit()
        self.default = catalog.config.default_language

    def __getstate__(self) -> dict:
        """Picklable (the content cache): the in-memory database travels as bytes."""
        return {"db": self.db.serialize(), "languages": self.languages, "default": self.default}

    def __setstate__(self, state: dict) -> None:
        self.db = sqlite3.connect(":memory:", check_same_thread=False)
        self.db.deserialize(state["db"])
        self.languages = state["languages"]
        self.default = state["default"]
        for language in self.languages.values():
            language.db = self.db

    def search(self, query: str, lang: str | None = None, limit: int = 30) -> list[Hit]:
        index = self.languages.get(lang or self.default) or next(iter(self.languages.values()))
        try:
            return index.search(query, limit)
        except sqlite3.Error:
            return []  # a query FTS5 cannot parse is simply "no results"

    def close(self) -> None:
        self.db.close()
