"""Numerals as a reader says them, so reading-level formulas count their syllables.

"100" is "one hundred" / "cien", "1970" is "nineteen seventy" / "mil novecientos setenta",
"52.5%" is "fifty-two point five percent", and phone numbers (1-800-662-4357, 988, 911)
are read digit by digit, as people dial them.
"""

from __future__ import annotations

import re

_EN_ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_EN_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

_ES_ONES = [
    "cero",
    "uno",
    "dos",
    "tres",
    "cuatro",
    "cinco",
    "seis",
    "siete",
    "ocho",
    "nueve",
    "diez",
    "once",
    "doce",
    "trece",
    "catorce",
    "quince",
    "dieciséis",
    "diecisiete",
    "dieciocho",
    "diecinueve",
    "veinte",
    "veintiuno",
    "veintidós",
    "veintitrés",
    "veinticuatro",
    "veinticinco",
    "veintiséis",
    "veintisiete",
    "veintiocho",
    "veintinueve",
]
_ES_TENS = [
    "_",
    "_",
    "_",
    "treinta",
    "cuarenta",
    "cincuenta",
    "sesenta",
    "setenta",
    "ochenta",
    "noventa",
]
_ES_HUNDREDS = [
    "_",
    "ciento",
    "doscientos",
    "trescientos",
    "cuatrocientos",
    "quinientos",
    "seiscientos",
    "setecientos",
    "ochocientos",
    "novecientos",
]

# Three-digit service numbers are said digit by digit ("nine eight eight").
SERVICE_NUMBERS = {"211", "311", "411", "711", "911", "988"}

PHONE = re.compile(r"\b\d{1,4}(?:[-. ]\d{3,4}){2,}\b|\(\d{3}\) ?\d{3}-\d{4}")
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def english_words(n: int) -> str:
    if n < 20:
        return _EN_ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _EN_TENS[tens] + (f" {_EN_ONES[ones]}" if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return f"{_EN_ONES[hundreds]} hundred" + (f" {english_words(rest)}" if rest else "")
    for size, name in ((10**9, "billion"), (10**6, "million"), (1000, "thousand")):
        if n >= size:
            high, rest = divmod(n, size)
            return f"{english_words(high)} {name}" + (f" {english_words(rest)}" if rest else "")
    raise AssertionError(n)


def english_year(n: int) -> str:
    """1970 -> "nineteen seventy", 2005 -> "two thousand five", 2019 -> "twenty nineteen"."""
    high, low = divmod(n, 100)
    if 2000 <= n < 2010:
        return english_words(n)
    if low == 0:
        return f"{english_words(high)} hundred"
    if low < 10:
        return f"{english_words(high)} oh {_EN_ONES[low]}"
    return f"{english_words(high)} {english_words(low)}"


def spanish_words(n: int) -> str:
    if n < 30:
        return _ES_ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _ES_TENS[tens] + (f" y {_ES_ONES[ones]}" if ones else "")
    if n == 100:
        return "cien"
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return _ES_HUNDREDS[hundreds] + (f" {spanish_words(rest)}" if rest else "")
    if n < 10**6:
        high, rest = divmod(n, 1000)
        head = "mil" if high == 1 else f"{spanish_words(high)} mil"
        return head + (f" {spanish_words(rest)}" if rest else "")
    high, rest = divmod(n, 10**6)
    head = "un millón" if high == 1 else f"{spanish_words(high)} millones"
    return head + (f" {spanish_words(rest)}" if rest else "")


def _digits(text: str, lang: str) -> str:
    ones = _ES_ONES if lang.startswith("es") else _EN_ONES
    return " ".join(ones[int(d)] for d in text if d.isdigit())


def _say(numeral: str, lang: str) -> str:
    spanish = lang.startswith("es")
    words = spanish_words if spanish else english_words
    if numeral in SERVICE_NUMBERS:
        return _digits(numeral, lang)
    # Thousands separators: "1,000" in English, "1.000" in Spanish.
    group = "." if spanish else ","
    if re.fullmatch(rf"\d{{1,3}}(?:\{group}\d{{3}})+", numeral):
        return words(int(numeral.replace(group, "")))
    whole, _, fraction = numeral.replace(",", ".").partition(".")
    if "." in fraction:  # 1.2.3: read each part
        return " ".join(_say(part, lang) for part in numeral.replace(",", ".").split("."))
    value = int(whole)
    if not spanish and len(whole) == 4 and 1100 <= value < 2100 and not fraction:
        spoken = english_year(value)
    elif value >= 10**12:
        spoken = _digits(whole, lang)
    else:
        spoken = words(value)
    if fraction:
        point = "coma" if spanish else "point"
        spoken += f" {point} {_digits(fraction, lang)}"
    return spoken


def spoken_numbers(text: str, lang: str) -> str:
    """`text` with every numeral replaced by its spoken words."""
    spanish = lang.startswith("es")
    # "Schedule III" / "Lista III": a roman numeral read as a number.
    text = re.sub(r"\bIII\b", " tres " if spanish else " three ", text)
    text = PHONE.sub(lambda m: " " + _digits(m.group(0), lang) + " ", text)
    text = text.replace("%", " por ciento" if spanish else " percent")
    # "24/7": twenty-four seven; "2-3": two to three (the dash is read as a word).
    text = re.sub(r"(?<=\d)\s*[-–]\s*(?=\d)", " a " if spanish else " to ", text)
    text = re.sub(r"(?<=\d)/(?=\d)", " ", text)
    return NUMBER.sub(lambda m: " " + _say(m.group(0), lang) + " ", text)
