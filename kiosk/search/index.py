"""Search as you type: SQLite FTS5 in memory over explainer pages and questions.

Text is normalised in Python before it reaches FTS5 (accents folded, Snowball-stemmed per
language), so the index and the query always agree.

A query is read as a list of *concepts*: each word a patient typed (little words such as
"is", "my", "the" are not concepts) with its stem, its spelling corrections (a SymSpell-style
delete index over the content's own words, edit distance 1 for short words and 2 for long
ones), the words it starts when it is still being typed, and the words of its synonym groups
(synonyms.toml; a phrase like "out of body" counts as one concept). FTS5 finds and BM25-scores
the items that hold each stem or phrase, once (kept: a word being typed grows letter by letter
and reaches mostly words already looked up); an item's BM25 for a concept is the sum over its
terms, as FTS5 would add it up for an OR of them; then every item is ranked by

1. how many of the uncommon concepts it covers (so more words never make a good answer
   disappear); a phrasing that holds all but one of three or more, and nothing else,
   counts as covering that one too,
2. how well a question's title or one of its `also:` phrasings matches the whole query
   (exact first, then near-exact, then all concepts in the title),
3. how many common words ("people", "use": in most items) it holds: they tell little,
4. BM25, plus a little for words matched as typed rather than through a synonym and for
   concepts next to each other in the title.

Explainer pages are grouped (one result per explainer, at its best page), and an explainer
whose title is a question's title is folded into that question: one result per answer.

Crisis first: a query holding a word or phrase of synonyms.toml's [crisis] table ("kill
myself", "suicidio", "no quiero vivir"), as typed or as a spelling correction, shows the
table's answers (the crisis lines) first, whatever else it asks: a patient in crisis must
never have to read past another answer, however well that one matches the other words.
"""

from __future__ import annotations

import bisect
import functools
import heapq
import itertools
import re
import sqlite3
import unicodedata
from collections import Counter
from dataclasses import asdict, dataclass, replace
from typing import Protocol, cast

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
# Little words that carry no meaning on their own: never a concept, never counted.
STOPWORDS_TEXT = {
    "en": """a about after again all also am an and any are as at be been being but by can
        could did do does doing done dont doesnt for from get gets getting go goes going got
        had has have having he her here him his how i if im in into is isnt it its ive just
        like me might my myself of on or our out really she should so some such than that
        the their them then there these they this those to too up us very was we were what
        whats when where which who why will with would wont you your youre s t while still
        ever even every each one anything something thing things way lot lots bit kind sort
        yes no ok okay please thanks hi hello hey want know tell say says said""",
    "es": """a al algo ante como con cual cuales cuando de del desde donde e el ella ellas
        ellos en era eres es esa ese eso esta estan estar este esto estos estas fue ha han has
        hay he la las le les lo los me mi mis muy nos o para pero por porque que se sea ser si
        sin sobre son su sus tan te ti tu tus u un una unas unos va van vas voy y ya yo
        mientras estoy estas estamos soy somos tengo tiene tienen tener quiero puedo puede
        pueden podria hacer hago debo debe deben ir ahi aqui alla todo toda todos cada otro
        otra mucho mucha muchos poco mas menos solo tambien asi entonces bueno ok hola
        gracias favor usted ustedes nosotros cosa cosas algo volver vuelve quien quienes""",
}
# Little words that still tell questions apart when the rest is the same.
QUESTION_WORDS = frozenset(
    [
        "how",
        "what",
        "when",
        "where",
        "who",
        "why",
        "which",
        "como",
        "que",
        "cuando",
        "donde",
        "quien",
        "cual",
        "cuales",
    ]
)
MAX_PREFIX_EXPANSIONS = 40
PREFIX_SCAN = 400  # words looked at for a short prefix, the most frequent 40 kept
COMMON_SHARE = 0.3  # a stem in more than this share of items is a common word
PER_CONCEPT = 300  # items looked at per concept (all of them in a clinic's content)
POOL = 80  # items with the most concepts whose BM25 is added up
CANDIDATES = 32  # of those, the best ranked in full (titles, phrasing)
SCORES_CACHED = 64  # concepts whose lookups are kept (the words of the last queries)
CONCEPTS_CACHED = 256  # typed words whose concepts are kept (the last queries' words)
TERMS_CACHED = 50_000  # item scores of single terms kept, in all (about 5 MiB at most)
COMMON_POINTS = 50  # a common word's worth in the ranking: half a title-match grade
TITLE_WEIGHT = 6.0
FORMAT = 4  # bump when the pickled index changes shape (the content cache then rebuilds)


def fold(text: str) -> str:
    """Lowercase and strip accents: 'Adicción' -> 'adiccion'."""
    if text.isascii():  # most content: nothing to fold, and 10x faster than decomposing
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


STOPWORDS = {code: frozenset(fold(text).split()) for code, text in STOPWORDS_TEXT.items()}


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


def _best_first(row: tuple[int, float]) -> tuple[float, int]:
    return (-row[1], row[0])


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


@dataclass(frozen=True)
class Concept:
    """One thing the patient asked about: any of `stems` in an item covers it."""

    word: str  # as typed (folded), for "did you mean"
    stems: frozenset[str]
    own: frozenset[str]  # the typed word's own stem (or its prefix words): worth a little more
    known: bool  # the word (or a correction of it) is in the content or the synonyms
    weight: float = 1.0  # a quarter for a common word (in most items)
    phrases: tuple[tuple[str, ...], ...] = ()  # stems of phrases that cover it too
    # One or two letters of a word being typed could start anything: they are looked for
    # in titles only (what the patient reads first, and cheap: a bare "d" is in every body).
    title_only: bool = False
    crisis: bool = False  # a crisis or self-harm word: the crisis answers go first

    @functools.cached_property
    def all_stems(self) -> frozenset[str]:
        """Its stems and the stems of its phrases: the words of a title it accounts for."""
        return self.stems.union(*self.phrases)

    def covers(self, stems: frozenset[str] | tuple[str, ...]) -> bool:
        if not self.stems.isdisjoint(stems):
            return True
        return bool(self.phrases) and any(all(s in stems for s in p) for p in self.phrases)

    def terms(self, indexed: frozenset[str] | None = None) -> list[str]:
        """Its FTS5 terms: each stem, then each phrase; with `indexed`, only those the index
        holds. A term no row holds adds nothing to any row's BM25, so leaving it out changes
        no score, and the words a half-typed word grows into then give the same terms letter
        after letter ("keta", "ketam": one lookup, then cached)."""
        stems, phrases = self.stems, self.phrases
        if indexed is not None:  # ("a_b": FTS5's tokenizer splits what Python's \w keeps)
            stems = frozenset(s for s in stems if s in indexed or not s.isalnum())
            phrases = tuple(p for p in phrases if all(s in indexed or not s.isalnum() for s in p))
        return [f'"{s}"' for s in sorted(stems)] + ['"' + " ".join(p) + '"' for p in phrases]


@dataclass(frozen=True)
class Item:
    """What ranking needs to know about one row, beyond FTS5's BM25."""

    kind: str
    id: str
    title: str
    where: str
    page: int
    stems: frozenset[str]  # every stem in title and body
    titles: tuple[tuple[str, ...], ...]  # content stems of the title and each `also:` line
    little: tuple[frozenset[str], ...]  # the little words of each of those ("how", "what")


class LanguageIndex:
    """The index for one language."""

    def __init__(self, db: sqlite3.Connection, table: str, language: Language):
        self.db = db
        self.table = table
        self.code = language.code
        self.stopwords = STOPWORDS.get(language.code[:2], frozenset())
        # Snowball is pure Python and slow; the content repeats a few thousand words, so a
        # cache cuts index building several-fold (it was most of the kiosk's start-up).
        self._stems: dict[str, str] = {}
        self.vocabulary: set[str] = set()
        self._read_synonyms(language)
        db.execute(
            f"CREATE VIRTUAL TABLE {table} USING fts5(title, body, "
            "tokenize = 'unicode61 remove_diacritics 2')"
        )
        # (title texts, body, kind, id, title shown, where, page number)
        rows: list[tuple[tuple[str, ...], str, str, str, str, str, int]] = []
        for topic in language.topic_list():
            for question in topic.questions:
                titles = (question.title, *question.also)
                rows.append(
                    (
                        titles,
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
                if number == 0:
                    titles, body = (explainer.title,), page.plain + " " + explainer.summary
                else:  # the explainer's title is context, the page's own title its heading
                    titles, body = (page.title,), explainer.title + " " + page.plain
                rows.append(
                    (titles, body, "explainer", explainer.id, explainer.title, page.title, number)
                )
        # FTS5 rowids start at 1: row 0 is a placeholder no search can return.
        self.items: list[Item] = [cast(Item, None)]
        inserts = []
        df: Counter[str] = Counter()  # items per word
        stem_df: Counter[str] = Counter()  # items per stem
        stems = self._stems
        stopwords = self.stopwords
        for titles, body, kind, item_id, shown, where, number in rows:
            title_words = [WORD.findall(fold(t)) for t in titles]
            body_words = WORD.findall(fold(body))
            distinct = set(body_words).union(*title_words)
            for word in distinct - stems.keys():  # each new word stemmed once
                self.stem(word)
            df.update(distinct)
            title_stems = [[stems[w] for w in words] for words in title_words]
            body_stems = [stems[w] for w in body_words]
            item = Item(
                kind,
                item_id,
                shown,
                where,
                number,
                frozenset(stems[w] for w in distinct),
                tuple(
                    tuple(stems[w] for w in words if w not in stopwords) for words in title_words
                ),
                tuple(frozenset(w for w in words if w in stopwords) for words in title_words),
            )
            stem_df.update(item.stems)
            self.items.append(item)
            inserts.append(
                (
                    len(self.items) - 1,
                    " ".join(" ".join(s) for s in title_stems),
                    " ".join(body_stems),
                )
            )
        self.vocabulary.update(df)
        self.indexed = frozenset(stem_df)  # every stem some row holds
        # The crisis answers' rows: a question, or an explainer at its first page.
        row_of: dict[tuple[str, str], int] = {}
        for rowid, item in enumerate(self.items[1:], 1):
            row_of.setdefault((item.kind, item.id), rowid)
        self.crisis_rows = tuple(
            row_of[(link.kind, link.id)]
            for link in language.crisis_answers
            if (link.kind, link.id) in row_of
        )
        db.executemany(f"INSERT INTO {table}(rowid, title, body) VALUES (?, ?, ?)", inserts)
        self.vocabulary = {w for w in self.vocabulary if not w.isdigit() or len(w) > 1}
        # Stems many items hold ("ketamine", "use") are weak evidence of what was asked.
        common = max(3, COMMON_SHARE * (len(self.items) - 1))
        self.common_stems = frozenset(s for s, n in stem_df.items() if n > common)
        # Prefix expansion prefers the words most items use: "h" should reach "heart" and
        # "help" before "haloperidol".
        self.frequency = {w: df.get(w, 0) for w in self.vocabulary | set(self.synonyms)}
        self.words = sorted(self.frequency)
        # Words a patient might type that the content does not use are still worth correcting to.
        self.delete_index: dict[str, set[str]] = {}
        for word in self.words:
            if max_distance(word):
                for variant in _deletes(word) | {word}:
                    self.delete_index.setdefault(variant, set()).add(word)
        self._prefix_cache: dict[str, tuple[str, ...]] = {}
        self._scores_cache: dict[str, dict[int, float]] = {}
        self._slips_cache: dict[str, frozenset[str]] = {}
        self._concept_cache: dict[tuple[str, bool], Concept] = {}
        self._terms_cache: dict[str, dict[int, float]] = {}
        self._terms_rows = 0

    # -- synonyms ------------------------------------------------------------------------
    def _read_synonyms(self, language: Language) -> None:
        """Each synonyms.toml entry is a group: its key and its list mean the same thing to
        a patient. Typing any member (a word, or a phrase such as "out of body" typed as a
        whole) reaches every member: words anywhere, phrases as phrases. The [crisis] words
        are one group too; their stems and phrases also mark a concept as a crisis one."""
        # word, its stem, or a phrase (tuple of words) -> the groups' words and phrases
        self.synonyms: dict[str, tuple[frozenset[str], frozenset[tuple[str, ...]]]] = {}
        self.phrases: dict[tuple[str, ...], tuple[frozenset[str], frozenset[tuple[str, ...]]]] = {}
        for key, alternatives in language.synonyms.items():
            self._add_group((key, *alternatives))
        # Crisis words by their exact form only: the stem of "cortarme" is the stem of
        # "corto" (short), and "short-term effects" must not reach the crisis words.
        words, phrases = self._add_group(language.crisis_words, stems=False)
        self.crisis_words = words
        self.crisis_phrases = phrases
        self.longest_phrase = max((len(p) for p in self.phrases), default=0)

    def _add_group(
        self, group, *, stems: bool = True
    ) -> tuple[frozenset[str], frozenset[tuple[str, ...]]]:
        members = [tuple(WORD.findall(fold(m))) for m in group]
        words = frozenset(m[0] for m in members if len(m) == 1)
        phrases = frozenset(m for m in members if len(m) > 1)
        for member in members:
            if len(member) == 1:
                for form in {member[0], self.stem(member[0]) if stems else member[0]}:
                    old_words, old_phrases = self.synonyms.get(form, (frozenset(), frozenset()))
                    self.synonyms[form] = (old_words | words, old_phrases | phrases)
            elif member:
                old_words, old_phrases = self.phrases.get(member, (frozenset(), frozenset()))
                self.phrases[member] = (old_words | words, old_phrases | phrases)
        return words, phrases

    def _is_crisis(self, token: str, fixed: set[str], expansions: tuple[str, ...]) -> bool:
        """The word as typed, or its spelling correction, is a crisis word; a word still
        being typed counts once every word it may become is one ("suic" -> suicide)."""
        crisis = self.crisis_words
        if not crisis:
            return False
        if token in crisis or not crisis.isdisjoint(fixed):
            return True
        return len(token) >= 3 and bool(expansions) and crisis.issuperset(expansions)

    def group(self, word: str) -> tuple[frozenset[str], frozenset[tuple[str, ...]]]:
        # By stem only when the stem is long enough to mean one thing: Spanish "venir" and
        # "vena" (vein) share the stem "ven", "matar" and "mate" "mat".
        stem = self.stem(word)
        return (
            self.synonyms.get(word)
            or (self.synonyms.get(stem) if len(stem) > 3 else None)
            or (frozenset(), frozenset())
        )

    def group_words(self, word: str) -> frozenset[str]:
        return self.group(word)[0]

    # -- pickling and stemming -------------------------------------------------------------
    def __getstate__(self) -> dict:
        # The connection belongs to SearchIndex and the stemmer is rebuilt (not picklable).
        skip = (
            "db",
            "stemmer",
            "_prefix_cache",
            "_scores_cache",
            "_slips_cache",
            "_concept_cache",
            "_terms_cache",
        )
        return {k: v for k, v in self.__dict__.items() if k not in skip}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._prefix_cache = {}
        self._scores_cache = {}
        self._slips_cache = {}
        self._concept_cache = {}
        self._terms_cache = {}
        self._terms_rows = 0

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
        return " ".join(self.stem(w) for w in WORD.findall(fold(text)))

    # -- words of the query ----------------------------------------------------------------
    def corrections(self, word: str, limit: int | None = None) -> set[str]:
        limit = max_distance(word) if limit is None else limit
        if not limit:
            return set()
        candidates: set[str] = set()
        for variant in _deletes(word) | {word}:
            candidates |= self.delete_index.get(variant, set())
        if not candidates and limit >= 2 and len(word) > 4:
            # Two slips, one of them an extra letter ("quetamina"): deletes of the deletes.
            for variant in _deletes(word):
                for shorter in _deletes(variant):
                    candidates |= self.delete_index.get(shorter, set())
        scored = [(edit_distance(word, c, limit), c) for c in candidates]
        scored = [(d, c) for d, c in scored if d <= limit]
        if not scored:
            return set()
        best = min(d for d, _ in scored)
        return {c for d, c in scored if d == best}

    def split(self, word: str) -> tuple[str, ...]:
        """Two words typed as one ("sideeffects"): both halves, when both are known."""
        known = self.vocabulary
        for cut in range(3, len(word) - 2):
            left, right = word[:cut], word[cut:]
            if left in known and right in known and not {left, right} & self.stopwords:
                return (left, right)
        return ()

    def prefix_expansions(self, prefix: str) -> tuple[str, ...]:
        found = self._prefix_cache.get(prefix)
        if found is None:
            start = bisect.bisect_left(self.words, prefix)
            matching = []
            for word in self.words[start : start + PREFIX_SCAN]:
                if not word.startswith(prefix):
                    break
                matching.append(word)
            matching.sort(key=lambda w: (-self.frequency[w], len(w)))
            # One or two letters could start anything: only the commonest words.
            found = tuple(matching[: MAX_PREFIX_EXPANSIONS if len(prefix) > 2 else 12])
            if len(self._prefix_cache) > 2000:
                self._prefix_cache.clear()
            self._prefix_cache[prefix] = found
        return found

    def concept(self, token: str, *, is_prefix: bool) -> Concept:
        """The concept of one typed word. Cached: the words before the one being typed are
        the same at every keystroke."""
        concept = self._concept_cache.get((token, is_prefix))
        if concept is None:
            if len(self._concept_cache) >= CONCEPTS_CACHED:
                self._concept_cache.clear()
            concept = self._concept_cache[(token, is_prefix)] = self._new_concept(token, is_prefix)
        return concept

    def _new_concept(self, token: str, is_prefix: bool) -> Concept:
        own = {token}
        words = {token}
        expansions: tuple[str, ...] = ()
        if is_prefix:
            expansions = tuple(w for w in self.prefix_expansions(token) if w not in self.stopwords)
            own.update(expansions)
            words |= own
        known = token in self.vocabulary or token in self.synonyms or len(words) > 1
        fixed: set[str] = set()
        if not known:
            fixed = self.corrections(token)
            if not fixed and max_distance(token) == 2:
                # Two letters swapped apart or two wrong ("majenar"): the delete index only
                # holds single deletes of content words, so look at words like it directly.
                fixed = self._two_slips(token)
            if not fixed and is_prefix:
                # A slip in a word still being typed ("adictib"): the words that start
                # like its longest known beginning, so the list never empties mid-word.
                for cut in range(len(token) - 1, max(4, len(token) - 3) - 1, -1):
                    fixed = set(self.prefix_expansions(token[:cut]))
                    if fixed:
                        break
            words |= fixed
            own |= fixed
            known = bool(fixed) or bool(self.group_words(token))
        phrases: set[tuple[str, ...]] = set()
        for word in list(words):
            group_words, group_phrases = self.group(word)
            words |= group_words
            phrases |= group_phrases
        concept = self._concept(token, words, own, phrases, known)
        if is_prefix:
            concept = replace(concept, title_only=len(token) <= 2)
        if self._is_crisis(token, fixed, expansions):
            concept = replace(concept, crisis=True)
        return concept

    def _concept(self, token: str, words, own, phrases, known: bool) -> Concept:
        own_stems = frozenset(self.stem(w) for w in own if w)
        return Concept(
            token,
            frozenset(self.stem(w) for w in words if w),
            own_stems,
            known,
            0.25 if own_stems and own_stems <= self.common_stems else 1.0,
            tuple(sorted({tuple(self.stem(w) for w in p) for p in phrases})),
        )

    def concepts(self, query: str) -> list[Concept]:
        tokens = WORD.findall(fold(query))
        if not tokens:
            return []
        typing_last = not query[-1:].isspace()
        last = len(tokens) - 1
        found: list[Concept] = []
        index = 0
        while index < len(tokens):
            phrase = self._phrase_at(tokens, index)
            if phrase:
                words, phrases = self.phrases[phrase]
                concept = self._concept(" ".join(phrase), words, (), phrases, True)
                if phrase in self.crisis_phrases:
                    concept = replace(concept, crisis=True)
                found.append(concept)
                index += len(phrase)
                continue
            token = tokens[index]
            is_last = index == last
            if token not in self.stopwords:
                concept = self.concept(token, is_prefix=typing_last and is_last)
                halves = () if concept.known else self.split(token)
                if halves:  # two words run together ("sideeffects"): two concepts
                    found += [self.concept(half, is_prefix=False) for half in halves]
                else:
                    found.append(concept)
            elif is_last and typing_last and not found:
                # A little word typed alone may be the start of a longer one ("the" ->
                # "therapy"); it is no concept, only its longer words are. After other
                # words it is most likely just finished ("used for"): nothing changes.
                longer = {w for w in self.prefix_expansions(token) if w not in self.stopwords}
                longer.discard(token)
                if longer:
                    stems = frozenset(self.stem(w) for w in longer)
                    found.append(Concept(token, stems, stems, True, title_only=len(token) <= 2))
            index += 1
        return found

    def _phrase_at(self, tokens: list[str], index: int) -> tuple[str, ...] | None:
        for size in range(min(self.longest_phrase, len(tokens) - index), 1, -1):
            candidate = tuple(tokens[index : index + size])
            if candidate in self.phrases:
                return candidate
        return None

    def query_groups(self, query: str) -> list[set[str]]:
        """The stems each concept of the query may match (kept for tools and tests)."""
        return [set(c.stems) for c in self.concepts(query)]

    # -- search ------------------------------------------------------------------------------
    def search(self, query: str, limit: int = 30) -> list[Hit]:
        concepts = [c for c in self.concepts(query) if c.stems or c.phrases]
        if not concepts:
            return []
        # BM25 of an item for the whole query is the sum of its BM25 for each concept
        # (FTS5 adds up per term), so each concept is looked up on its own and kept: while
        # a patient types, only the last word's lookup is new.
        found = [self._concept_scores(c) for c in concepts]
        # The pool to rank: items by how many uncommon concepts they hold; items that hold
        # only common words ("ketamine", "use") fill it up when those are too few.
        strong = [f for c, f in zip(concepts, found, strict=True) if c.weight == 1.0] or found
        cover: Counter[int] = Counter()
        for scores in strong:
            cover.update(scores.keys())
        for scores in found:
            if len(cover) >= POOL:
                break
            for rowid in itertools.islice(scores.keys() - cover.keys(), POOL - len(cover)):
                cover[rowid] = 0
        pool = (
            cover
            if len(cover) <= POOL
            else sorted(cover, key=cover.__getitem__, reverse=True)[:POOL]
        )
        if len(found) == 1:
            totals = found[0]
        else:
            totals = {r: sum([scores.get(r, 0.0) for scores in found]) for r in pool}
        best = heapq.nlargest(CANDIDATES, pool, key=lambda r: (cover[r], totals[r]))
        items = self.items
        # Concepts some item holds; a title must hold them all to count as a match (a common
        # word like "use" or "ketamine" need not be in it).
        present = sum(
            1 for c, scores in zip(concepts, found, strict=True) if scores and c.weight == 1.0
        )
        little = frozenset(w for w in WORD.findall(fold(query)) if w in self.stopwords)
        ranked = sorted(
            (
                (
                    self._rank(
                        items[rowid],
                        [c for c, scores in zip(concepts, found, strict=True) if rowid in scores],
                        little,
                        present,
                        totals[rowid],
                    ),
                    rowid,
                )
                for rowid in best
            ),
            reverse=True,
        )
        if any(c.crisis for c in concepts) and self.crisis_rows:
            # The crisis answers first, in the order the content lists them; an explainer
            # keeps the page the ranking found best for it.
            top = ranked[0][0] if ranked else 0.0
            best_page: dict[tuple[str, str], int] = {}
            for _score, rowid in ranked:
                best_page.setdefault((items[rowid].kind, items[rowid].id), rowid)
            pinned = [
                (top + len(self.crisis_rows) - n, best_page.get((items[r].kind, items[r].id), r))
                for n, r in enumerate(self.crisis_rows)
            ]
            ranked = pinned + ranked
        hits: list[Hit] = []
        seen: set[tuple[str, str]] = set()
        answers: set[str] = set()
        for score, rowid in ranked:
            item = items[rowid]
            answer = fold(item.title).strip(" ?¿!¡.")
            if (item.kind, item.id) in seen or answer in answers:
                continue  # one result per explainer, and per answer
            seen.add((item.kind, item.id))
            answers.add(answer)
            hits.append(Hit(item.kind, item.id, item.title, item.where, item.page, round(score, 3)))
            if len(hits) >= limit:
                break
        return hits

    def _concept_scores(self, concept: Concept) -> dict[int, float]:
        """rowid -> BM25 (higher is better) of the best PER_CONCEPT items that hold the
        concept, best first: in a big catalog a word held by thousands of items tells
        little, and Python need not see every one of them."""
        terms = concept.terms(self.indexed)
        match = ("title : " if concept.title_only else "") + " OR ".join(terms)
        scores = self._scores_cache.get(match)
        if scores is None:
            parts = [self._term_scores(term, concept.title_only) for term in terms]
            if len(parts) <= 1:  # (none: no row holds any of its words)
                scores = dict(itertools.islice(parts[0].items(), PER_CONCEPT)) if parts else {}
            else:
                # FTS5's BM25 of an OR query is the sum of each term's, added up in the
                # order of the terms: the same sum, to the last bit, from cached terms.
                total: dict[int, float] = {}
                for part in parts:
                    for rowid, score in part.items():
                        total[rowid] = total.get(rowid, 0.0) + score
                best = sorted(total.items(), key=_best_first)[:PER_CONCEPT]
                scores = dict(best)
            if not scores and concept.title_only:  # no title has it: the pages may
                scores = self._concept_scores(replace(concept, title_only=False))
            if len(self._scores_cache) >= SCORES_CACHED:
                self._scores_cache.pop(next(iter(self._scores_cache)))  # the oldest
            self._scores_cache[match] = scores
        return scores

    def _term_scores(self, term: str, title_only: bool) -> dict[int, float]:
        """rowid -> BM25 of one stem or phrase, for every item holding it, best first.
        Kept (up to TERMS_CACHED rows in all): the words a patient types grow letter by
        letter, and each new prefix reaches mostly words already looked up."""
        key = ("title : " if title_only else "") + term
        scores = self._terms_cache.get(key)
        if scores is None:
            rows = self.db.execute(
                f"SELECT rowid, -bm25({self.table}, ?, 1.0) AS score FROM {self.table} "
                f"WHERE {self.table} MATCH ? ORDER BY score DESC, rowid",
                (TITLE_WEIGHT, key),
            ).fetchall()
            scores = dict(rows)
            self._terms_rows += len(scores)
            while self._terms_rows > TERMS_CACHED and self._terms_cache:
                oldest = self._terms_cache.pop(next(iter(self._terms_cache)))
                self._terms_rows -= len(oldest)
            self._terms_cache[key] = scores
        return scores

    @staticmethod
    def _rank(
        item: Item, covered: list[Concept], little: frozenset[str], present: int, bm25: float
    ) -> float:
        """Uncommon concepts covered (a whole one worth 1000), then title match (100 a grade),
        then common words covered (COMMON_POINTS each), then BM25: one number. `covered`:
        the query's concepts this item holds; `present`: how many uncommon concepts some
        item holds. (Run for every candidate at every keystroke: written for speed.)"""
        stems = item.stems
        as_typed = 0
        strong_covered = 0
        for c in covered:
            if not c.own.isdisjoint(stems):
                as_typed += 1
            if c.weight == 1.0:
                strong_covered += 1
        common = len(covered) - strong_covered
        title_class = 0.0
        near_miss = 0.0
        fewest_extra = 99
        in_titles = 0
        near = 0  # concepts next to each other in a title, in the order typed ("blood pressure")
        for title, title_little in zip(item.titles, item.little, strict=True):
            if not title:
                continue
            in_title = [c for c in covered if c.covers(title)]
            if not in_title:
                continue
            if len(in_title) > in_titles:
                in_titles = len(in_title)
            if len(in_title) > 1:  # a pair needs both of its concepts in this title
                here = {id(c) for c in in_title}
                for a, b in zip(covered, covered[1:], strict=False):
                    if id(a) in here and id(b) in here:
                        a_stems, b_stems = a.stems, b.stems
                        for x, y in zip(title, title[1:], strict=False):
                            if x in a_stems and y in b_stems:
                                near += 1
                                break
            strong = sum(1 for c in in_title if c.weight == 1.0)
            if strong < present - 1 or (strong < present and present < 3):
                continue  # a title about part of the question is no title match
            asked = [c.all_stems for c in in_title]
            extra = sum(1 for s in title if not any(s in a for a in asked))
            if strong < present:
                # All but one of three or more things asked, and nothing else: the same
                # question with one word the phrasing does not use ("need"). It counts as
                # covering that word too, below a full title match.
                if extra:
                    continue
                if strong_covered < present:
                    near_miss = 1.0  # (the body may hold that word already)
                title_class = max(title_class, 1)
                continue
            fewest_extra = min(fewest_extra, extra)
            grade: float = 3 if extra == 0 else 2 if extra == 1 else 1
            if grade == 3 and len(title_little - little) > len(title_little & little):
                grade = 2  # same words, but asked another way ("will it work for me?")
            if little & title_little & QUESTION_WORDS:
                grade += 0.5  # asked the same way: "how does it work", not "how well"
            if any(c.own and c.own.isdisjoint(title) for c in in_title):
                grade = max(1, grade - 1)  # matched through a synonym, not the typed word
            title_class = max(title_class, grade)
        base = bm25 * (1.0 if item.kind == "question" else 0.8)
        base += 0.5 * as_typed + 0.5 * near + 1.0 * in_titles + 2.0 / (1 + fewest_extra)
        if title_class and item.kind == "question":
            title_class += 1  # the question that asks just this beats the page about it
        # A common word ("people", "use") tells little about what was asked: it breaks ties
        # between items covering the same uncommon concepts, below a title match.
        coverage = strong_covered + near_miss
        return coverage * 1000 + title_class * 100 + common * COMMON_POINTS + min(base, 99.0)

    def _two_slips(self, word: str) -> set[str]:
        """Content words of the same length two letters away from a long word (two wrong,
        or two swapped apart), same first letter. Cached: a slow scan, needed only for a
        word that no single-delete lookup explains."""
        found = self._slips_cache.get(word)
        if found is None:
            start = bisect.bisect_left(self.words, word[0])
            end = bisect.bisect_left(self.words, chr(ord(word[0]) + 1))
            scored = [
                (d, w)
                for w in self.words[start:end]
                if len(w) == len(word) and (d := edit_distance(word, w, 2)) <= 2
            ]
            best = min((d for d, _ in scored), default=None)
            found = frozenset(w for d, w in scored if d == best)
            if len(self._slips_cache) > 500:
                self._slips_cache.clear()
            self._slips_cache[word] = found
        return set(found)

    # -- when nothing matches ----------------------------------------------------------------
    def _nearest(self, word: str) -> set[str]:
        """The closest words that start with the same letter (up to a third of the letters
        wrong): slower than the delete index, so only for "did you mean"."""
        if len(word) < 4:
            return set()
        limit = max(2, len(word) // 3)
        start = bisect.bisect_left(self.words, word[0])
        end = bisect.bisect_left(self.words, chr(ord(word[0]) + 1))
        scored = [(edit_distance(word, w, limit), w) for w in self.words[start:end]]
        scored = [(d, w) for d, w in scored if d <= limit]
        best = min((d for d, _ in scored), default=None)
        return {w for d, w in scored if d == best}

    def suggestion(self, query: str) -> str:
        """The query with each unknown word replaced by the closest content word, or ""."""
        tokens = WORD.findall(fold(query))
        changed = False
        out = []
        for token in tokens:
            if token in self.stopwords or token in self.vocabulary or token in self.synonyms:
                out.append(token)
                continue
            fixed = self.corrections(token, max(max_distance(token), 2) + 1) or self._nearest(token)
            if fixed:
                out.append(max(fixed, key=lambda w: (self.frequency.get(w, 0), -len(w))))
                changed = True
            else:
                out.append(token)
        return " ".join(out) if changed else ""


class Searcher(Protocol):
    """What the kiosk searches with: a SearchIndex, or the content cache's LazyIndex that
    builds one after the first frame."""

    def search(self, query: str, lang: str | None = None, limit: int = 30) -> list[Hit]: ...

    def suggestion(self, query: str, lang: str | None = None) -> str: ...

    def close(self) -> None: ...


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
        return {
            "format": FORMAT,
            "db": self.db.serialize(),
            "languages": self.languages,
            "default": self.default,
        }

    def __setstate__(self, state: dict) -> None:
        if state.get("format") != FORMAT:
            raise ValueError("search index from an older kiosk")  # the cache rebuilds it
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

    def suggestion(self, query: str, lang: str | None = None) -> str:
        """ "Did you mean": the query spelled as the content spells it, or "" if no idea."""
        index = self.languages.get(lang or self.default) or next(iter(self.languages.values()))
        return index.suggestion(query)

    def close(self) -> None:
        self.db.close()
