"""Spanish syllable division by the RAE's orthographic rules (Ortografía 2010, 4.1).

Spanish spelling follows its sound closely, so rules divide words the way a dictionary does:
- a syllable has one vowel nucleus; a weak vowel (i, u, ü) next to another vowel forms a
  diphthong or triphthong with it ("cui-da-do", "buey"), two strong vowels (a, e, o) or an
  accented weak one (í, ú) form a hiatus ("le-í-a", "pa-ís", "a-é-re-o");
- one consonant between vowels starts the next syllable ("ca-sa"); of two, the second does
  ("an-sie-dad"), unless they are an inseparable pair (pl, br, tr, ch, ll, rr ... "tra-ta");
  of three or more, the last one or the inseparable pair goes with the next vowel
  ("ins-tru-men-to");
- "qu" and "gu" before e/i are one consonant ("que", "guion"), y at the end of a word or
  before a consonant is a vowel ("hoy", "muy").
Tested against dictionary divisions in tests/test_readability.py.
"""

from __future__ import annotations

import re

STRONG = set("aeoáéóíú")  # an accented i/u is stressed, so it cannot join a diphthong
WEAK = set("iuüÿ")  # ÿ: a y that is read as a vowel (marked by _units)
VOWELS = STRONG | WEAK
# Consonant pairs that always begin a syllable together.
ONSETS = {
    "pl", "pr", "bl", "br", "fl", "fr", "cl", "cr", "gl", "gr", "tr", "dr", "kl", "kr",
    "ch", "ll", "rr",
}  # fmt: skip


def _units(word: str) -> list[str]:
    """Letters, with ch/ll/rr/qu/gu(e,i) kept whole and y marked as a vowel where it is one."""
    units: list[str] = []
    i = 0
    while i < len(word):
        pair = word[i : i + 2]
        after = word[i + 2 : i + 3]
        if pair in ("ch", "ll", "rr") or pair in ("qu", "gu") and after in ("e", "i", "é", "í"):
            units.append(pair)
            i += 2
        else:
            units.append(word[i])
            i += 1
    for n, unit in enumerate(units):
        if unit == "y":
            nxt = units[n + 1] if n + 1 < len(units) else ""
            if not nxt or not _is_vowel(nxt):
                units[n] = "ÿ"  # "hoy", "muy", "y": a vowel, spelled y
    return units


def _is_vowel(unit: str) -> bool:
    return unit in VOWELS


def _joins(a: str, b: str) -> bool:
    """Do two neighbouring vowels share a syllable?"""
    if a in STRONG and b in STRONG:
        return False
    if a in WEAK and b in WEAK:
        return a != b  # "cui", "ciu"; "chiita" has a hiatus
    return True


def syllabify(word: str) -> list[str]:
    """Divide one word (letters only) into syllables."""
    units = _units(word.lower())
    if not any(_is_vowel(u) for u in units):
        return [word] if word else []
    # 1. Group vowels into nuclei: indexes [start, end) into units.
    nuclei: list[list[int]] = []
    i = 0
    while i < len(units):
        if _is_vowel(units[i]):
            start = i
            while i + 1 < len(units) and _is_vowel(units[i + 1]) and _joins(units[i], units[i + 1]):
                i += 1
            nuclei.append([start, i + 1])
        i += 1
    # 2. Share the consonants between nuclei.
    bounds = [0]
    for left, right in zip(nuclei, nuclei[1:], strict=False):
        gap = units[left[1] : right[0]]
        if len(gap) <= 1:
            cut = left[1]
        elif len(gap[-2:]) == 2 and "".join(gap[-2:]) in ONSETS:
            cut = right[0] - 2
        else:
            cut = right[0] - 1
        bounds.append(cut)
    bounds.append(len(units))
    return ["".join(units[a:b]).replace("ÿ", "y") for a, b in zip(bounds, bounds[1:], strict=False)]


def count_syllables(word: str) -> int:
    # An "h" between vowels does not break a diphthong ("ahu-ma-do") but is a consonant for
    # division; counting ignores it so "prohibir" and "ahumado" count as spoken.
    letters = re.sub(r"(?<!c)h", "", word.lower())
    return max(1, len(syllabify(letters)))
