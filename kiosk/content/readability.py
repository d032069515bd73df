"""Reading level of a page or answer, and the gates `kiosk check` holds content to.

English: Flesch-Kincaid grade and SMOG, with syllables from the CMU Pronouncing Dictionary
(the `pysyllables` package ships its counts) and a spelling rule for words it lacks.
Spanish: Fernandez-Huerta and Szigriszt-Pazos, with syllables from `spanish_syllables`.
Numerals are counted as they are spoken ("100" is "one hundred", three syllables), since a
reader says them; that is where hyphenation-based counters read low.
"""

from __future__ import annotations

import math
import re
import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from kiosk.content.numbers import spoken_numbers
from kiosk.content.spanish_syllables import count_syllables as spanish_syllables

# Gates (issue 15; AMA and NIH targets, see CONTENT-BRIEF.md S39).
MAX_FLESCH_KINCAID = 6.0
MAX_SMOG = 9.0
MAX_MEDIAN_SMOG = 8.0
MIN_FERNANDEZ_HUERTA = 70.0
MIN_SZIGRISZT_PAZOS = 65.0
MIN_WORDS = 20  # shorter texts give meaningless scores

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# A sentence ends at . ! ? followed by a space (not "0.5" or "988lifeline.org"), or at a line
# break: list items and headings are read as sentences of their own.
SENTENCE_END = re.compile(r"[.!?…]+(?=\s|$)|\n+")


@dataclass(frozen=True)
class Reading:
    lang: str
    words: int
    sentences: int
    syllables: int
    scores: dict[str, float]
    failures: tuple[str, ...] = field(default=())

    @property
    def too_hard(self) -> bool:
        return bool(self.failures)

    @property
    def summary(self) -> str:
        return ", ".join(f"{LABELS[k]} {v:g}" for k, v in self.scores.items())


LABELS = {
    "flesch_kincaid": "Flesch-Kincaid grade",
    "smog": "SMOG",
    "fernandez_huerta": "Fernandez-Huerta",
    "szigriszt_pazos": "Szigriszt-Pazos",
}


# -- English syllables ---------------------------------------------------------------------
@cache
def _cmu_counts() -> dict[str, int]:
    # Imported here: the table costs ~0.1 s to load and only `kiosk check` needs it.
    from pysyllables import SYLLABLE_COUNTS

    return SYLLABLE_COUNTS


_EN_VOWELS = re.compile(r"[aeiouy]+")


def english_rule_syllables(word: str) -> int:
    """Syllables by spelling, for words the dictionary lacks (ketamine, Spravato)."""
    w = word.lower().replace("’", "'").replace("'", "")
    count = len(_EN_VOWELS.findall(w))
    # A final silent e ("ketamine", "dose"), but not "-le" after a consonant ("able").
    if (
        w.endswith("e")
        and not w.endswith(("le", "ee", "ye"))
        and count > 1
        or w.endswith("le")
        and len(w) > 2
        and w[-3] in "aeiouy"
        and count > 1
    ):
        count -= 1
    # "-es"/"-ed" after most consonants is not a syllable of its own ("doses" is, "makes" not).
    if w.endswith(("es", "ed")) and count > 1 and len(w) > 3:
        before = w[-3]
        if w.endswith("ed") and before not in "td" or w.endswith("es") and before not in "scxzhg":
            count -= 1
    return max(1, count)


# Letters whose English names have more than one syllable.
_EN_LETTER_SYLLABLES = {"w": 3}


def _spelled_out(word: str) -> bool:
    """An acronym read letter by letter: FDA, IV, ECT, NMDA (not REMS or SAMHSA)."""
    if not (word.isupper() and len(word) >= 2):
        return False
    return len(word) <= 3 or not re.search(r"[AEIOUY]", word[:2])


def english_syllables(word: str) -> int:
    counts = _cmu_counts()
    key = word.lower().replace("’", "'")
    if key in counts:
        return counts[key]
    if _spelled_out(word):
        return sum(_EN_LETTER_SYLLABLES.get(c, 1) for c in word.lower())
    if "'" in key and key.replace("'", "") in counts:
        return counts[key.replace("'", "")]
    return english_rule_syllables(word)


# Spanish letter names: "efe" 2, "hache" 2, "equis" 2, "uve doble" 3 ...
_ES_LETTER_SYLLABLES = {
    "f": 2, "h": 2, "j": 2, "l": 2, "m": 2, "n": 2, "ñ": 2, "r": 2, "s": 2, "v": 2,
    "w": 3, "x": 2, "y": 2, "z": 2,
}  # fmt: skip


def spanish_word_syllables(word: str) -> int:
    if _spelled_out(word):
        return sum(_ES_LETTER_SYLLABLES.get(c, 1) for c in word.lower())
    return spanish_syllables(word)


# -- text ------------------------------------------------------------------------------------
def sentences_of(text: str) -> list[str]:
    return [s for s in SENTENCE_END.split(text) if WORD.search(s)]


def words_of(text: str, lang: str) -> list[str]:
    return WORD.findall(spoken_numbers(text, lang))


def syllables_of(word: str, lang: str) -> int:
    return spanish_word_syllables(word) if lang.startswith("es") else english_syllables(word)


def measure(text: str, lang: str) -> Reading | None:
    """Score `text`; None when the language has no formula or the text is too short."""
    if not (lang.startswith("en") or lang.startswith("es")):
        return None
    sentences = sentences_of(spoken_numbers(text, lang))
    words = [w for s in sentences for w in WORD.findall(s)]
    if len(words) < MIN_WORDS:
        return None
    counts = [syllables_of(w, lang) for w in words]
    n_words, n_sentences, n_syllables = len(words), len(sentences), sum(counts)
    per_word = n_syllables / n_words
    per_sentence = n_words / n_sentences
    if lang.startswith("en"):
        polysyllables = sum(1 for c in counts if c >= 3)
        scores = {
            "flesch_kincaid": round(0.39 * per_sentence + 11.8 * per_word - 15.59, 1),
            "smog": round(1.0430 * math.sqrt(polysyllables * 30 / n_sentences) + 3.1291, 1),
        }
        failures = []
        if scores["flesch_kincaid"] > MAX_FLESCH_KINCAID:
            failures.append(f"Flesch-Kincaid grade above {MAX_FLESCH_KINCAID:g}")
        if scores["smog"] > MAX_SMOG:
            failures.append(f"SMOG above {MAX_SMOG:g}")
    else:
        scores = {
            "fernandez_huerta": round(206.84 - 60 * per_word - 1.02 * per_sentence, 1),
            "szigriszt_pazos": round(206.835 - 62.3 * per_word - per_sentence, 1),
        }
        failures = []
        if scores["fernandez_huerta"] < MIN_FERNANDEZ_HUERTA:
            failures.append(f"Fernandez-Huerta below {MIN_FERNANDEZ_HUERTA:g}")
        if scores["szigriszt_pazos"] < MIN_SZIGRISZT_PAZOS:
            failures.append(f"Szigriszt-Pazos below {MIN_SZIGRISZT_PAZOS:g}")
    return Reading(lang, n_words, n_sentences, n_syllables, scores, tuple(failures))


def median_smog(readings: Iterable[Reading]) -> float | None:
    """Median SMOG over a language's pages and answers (the gate is MAX_MEDIAN_SMOG)."""
    values = [r.scores["smog"] for r in readings if "smog" in r.scores]
    return round(statistics.median(values), 1) if values else None
