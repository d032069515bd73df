"""Reading level: syllable counts against dictionaries, spoken numerals, and each gate."""

from __future__ import annotations

import pytest
from conftest import TODAY

from kiosk.content import load_catalog
from kiosk.content.numbers import spoken_numbers
from kiosk.content.readability import english_syllables, measure, spanish_word_syllables
from kiosk.content.spanish_syllables import syllabify
from tests.test_content_loader import FRONT, make_tree

pytestmark = pytest.mark.usefixtures("ui_keys")

# Syllables as Merriam-Webster divides them (the first pronunciation). textstat 0.7.4 read
# "ketamine" 2, "medicine" 1, "serotonin" 2 and "100" 1.
ENGLISH = {
    "ketamine": 3,  # not in CMUdict: the spelling rule
    "esketamine": 4,  # rule
    "Spravato": 3,  # rule
    "medicine": 3,
    "serotonin": 4,
    "depression": 3,
    "anesthetic": 4,
    "infusion": 3,
    "dissociation": 5,
    "antidepressant": 5,
    "glutamate": 3,
    "nasal": 2,
    "doses": 2,
    "makes": 1,
    "the": 1,
    "IV": 2,  # said letter by letter
    "NMDA": 4,
    "ECT": 3,
}

# Spanish divisions as the RAE's rules give them (Ortografía 2010): hiatus, diphthongs,
# triphthongs, inseparable consonant pairs, ch/ll/rr/qu, y as a vowel.
SPANISH = {
    "ketamina": "ke-ta-mi-na",
    "esketamina": "es-ke-ta-mi-na",
    "depresión": "de-pre-sión",
    "tratamiento": "tra-ta-mien-to",
    "medicamento": "me-di-ca-men-to",
    "ansiedad": "an-sie-dad",
    "cuidado": "cui-da-do",
    "instrumento": "ins-tru-men-to",
    "obstáculo": "obs-tá-cu-lo",
    "hombre": "hom-bre",
    "enfermería": "en-fer-me-rí-a",
    "aéreo": "a-é-re-o",
    "leía": "le-í-a",
    "país": "pa-ís",
    "pingüino": "pin-güi-no",
    "psiquiatra": "psi-quia-tra",
    "acompañante": "a-com-pa-ñan-te",
    "carro": "ca-rro",
    "calle": "ca-lle",
    "coche": "co-che",
    "queso": "que-so",
    "guion": "guion",
    "ciudad": "ciu-dad",
    "buey": "buey",
    "hoy": "hoy",
    "ayuda": "a-yu-da",
    "transporte": "trans-por-te",
}


@pytest.mark.parametrize(("word", "count"), ENGLISH.items())
def test_english_syllables_match_the_dictionary(word, count):
    assert english_syllables(word) == count


@pytest.mark.parametrize(("word", "division"), SPANISH.items())
def test_spanish_division_matches_the_rae(word, division):
    assert "-".join(syllabify(word)) == division
    assert spanish_word_syllables(word) == division.count("-") + 1


def test_spanish_silent_h_does_not_break_a_diphthong():
    assert spanish_word_syllables("ahumado") == 3  # ahu-ma-do
    assert spanish_word_syllables("alcohol") == 3


@pytest.mark.parametrize(
    ("text", "lang", "spoken"),
    [
        ("100", "en", "one hundred"),
        ("out of 100", "en", "out of one hundred"),
        ("1970", "en", "nineteen seventy"),
        ("2005", "en", "two thousand five"),
        ("403", "en", "four hundred three"),
        ("52.5%", "en", "fifty two point five percent"),
        ("1,000", "en", "one thousand"),
        ("988", "en", "nine eight eight"),
        ("2-3", "en", "two to three"),
        ("100", "es", "cien"),
        ("1970", "es", "mil novecientos setenta"),
        ("45,3 %", "es", "cuarenta y cinco coma tres por ciento"),
        ("2019", "es", "dos mil diecinueve"),
    ],
)
def test_numerals_are_counted_as_spoken(text, lang, spoken):
    assert " ".join(spoken_numbers(text, lang).split()) == spoken


def test_a_numeral_counts_its_spoken_syllables():
    # "one hundred": 3 syllables in 2 words, not 1 in 1.
    plain = measure("We saw " + "one dog. " * 10, "en")
    numeral = measure("We saw " + "100 dogs. " * 10, "en")
    assert numeral.syllables - plain.syllables == 10 * 2
    assert numeral.words - plain.words == 10


EASY_EN = (
    "We talk with you first. Then you sit in a soft chair. A nurse stays with you. "
    "You rest for a while. Then a friend takes you home."
)
# One long sentence of short words: a high Flesch-Kincaid grade, a low SMOG.
LONG_SENTENCE = (
    "We sit in the room and we wait for the nurse to come in and ask us how we feel today "
    "and if we slept well last night and what we ate and if we want to talk now."
)
# Short sentences full of long words: a low Flesch-Kincaid grade, a high SMOG.
MANY_LONG_WORDS = (
    "Ketamine is a medicine that the nurse gives you. You may feel some anxiety and a bit of "
    "nausea. Your heart rate may go up for a short time. Tell the nurse if you feel dizziness "
    "or pain. Depression can get better in a day or two. Some people have sleepiness when "
    "they get home."
)
# Just under the SMOG ceiling: passes one page at a time, fails as a median.
NEAR_SMOG_CEILING = (
    "Ketamine is a medicine. It can cause anxiety. Your blood pressure may go up. "
    "Tell the nurse about dizziness. Nausea is common. Depression can improve."
)
EASY_ES = (
    "Usted llega a la clínica. Se sienta en una silla. Una enfermera le toma la presión. "
    "Luego recibe el medicamento. Alguien le lleva a casa."
)
# A long sentence: Fernandez-Huerta below 70, Szigriszt-Pazos still 65 or more.
LONG_SENTENCE_ES = (
    "Usted se sienta en una silla y la enfermera le pone una aguja en el brazo y luego "
    "espera un rato y después le mide la presión y le pregunta si durmió bien y qué comió "
    "y si vino con alguien."
)
HARD_ES = (
    "La administración intravenosa de ketamina demostró disminuciones considerables de los "
    "síntomas depresivos. Investigaciones posteriores evidenciaron comportamientos "
    "heterogéneos entre participantes con antecedentes psiquiátricos complicados."
)


def test_easy_pages_pass():
    assert measure(EASY_EN, "en").failures == ()
    assert measure(EASY_ES, "es").failures == ()


def test_flesch_kincaid_gate():
    reading = measure(LONG_SENTENCE, "en")
    assert reading.failures == ("Flesch-Kincaid grade above 6",)


def test_smog_gate():
    reading = measure(MANY_LONG_WORDS, "en")
    assert reading.scores["flesch_kincaid"] <= 6
    assert reading.failures == ("SMOG above 9",)


def test_fernandez_huerta_gate():
    reading = measure(LONG_SENTENCE_ES, "es")
    assert reading.failures == ("Fernandez-Huerta below 70",)


def test_szigriszt_pazos_gate():
    reading = measure(HARD_ES, "es")
    assert "Szigriszt-Pazos below 65" in reading.failures


def test_short_texts_are_not_scored():
    assert measure("Tell the nurse.", "en") is None
    assert measure(EASY_EN, "fr") is None


def pages_tree(tmp_path, *pages: str, heading: str = "Medicine"):
    body = "Intro.\n\n" + "".join(f"## {heading} {n}\n\n{text}\n\n" for n, text in enumerate(pages))
    make_tree(tmp_path, {"en/explainers/x.md": FRONT.format(title="X") + body})
    return load_catalog(tmp_path, today=TODAY)


def test_check_fails_a_page_over_a_gate(tmp_path):
    catalog = pages_tree(tmp_path, EASY_EN, MANY_LONG_WORDS)
    found = [p for p in catalog.problems if p.code == "reading-level"]
    assert [(p.file, p.line, p.severity.value) for p in found] == [
        ("en/explainers/x.md", 20, "error")
    ]
    assert "SMOG above 9" in found[0].message


def test_check_fails_a_median_over_the_gate(tmp_path):
    catalog = pages_tree(tmp_path, NEAR_SMOG_CEILING, NEAR_SMOG_CEILING, EASY_EN, heading="Part")
    assert [p.code for p in catalog.problems] == ["reading-level-median"]
    catalog = pages_tree(tmp_path, NEAR_SMOG_CEILING, EASY_EN, EASY_EN, heading="Part")
    assert catalog.problems == []
