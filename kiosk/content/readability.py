"""Reading level of a page: English by Flesch-Kincaid and SMOG, Spanish by Fernandez-Huerta.

textstat keeps its language as global state, so calls are serialised with a lock (content
may be reloaded on a worker thread while `kiosk check` style checks run).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import textstat

MAX_GRADE = 8.0
# Fernandez-Huerta is a 0-100 ease score; 60 and above reads at about grade 8 or below.
MIN_FERNANDEZ_HUERTA = 60.0
MIN_WORDS = 20  # shorter texts give meaningless scores

_lock = threading.Lock()


@dataclass(frozen=True)
class Reading:
    too_hard: bool
    summary: str
    scores: dict[str, float]


def measure(text: str, lang: str) -> Reading | None:
    """Score `text`; None when the language has no formula or the text is too short."""
    if len(text.split()) < MIN_WORDS:
        return None
    with _lock:
        if lang.startswith("en"):
            textstat.set_lang("en_US")
            fk = round(textstat.flesch_kincaid_grade(text), 1)
            # SMOG needs three sentences; textstat returns 0 below that.
            smog = round(textstat.smog_index(text), 1)
            scores = {"flesch_kincaid": fk, "smog": smog}
            worst = max(fk, smog)
            return Reading(worst > MAX_GRADE, f"grade {worst:g} (FK {fk:g}, SMOG {smog:g})", scores)
        if lang.startswith("es"):
            textstat.set_lang("es")
            fh = round(textstat.fernandez_huerta(text), 1)
            sp = round(textstat.szigriszt_pazos(text), 1)
            textstat.set_lang("en_US")
            scores = {"fernandez_huerta": fh, "szigriszt_pazos": sp}
            return Reading(
                fh < MIN_FERNANDEZ_HUERTA, f"Fernandez-Huerta {fh:g} (INFLESZ {sp:g})", scores
            )
    return None
