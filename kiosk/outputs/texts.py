"""What the handouts and the site say around the content, in the content's language.

The words come from each language's strings.toml; these English defaults only stand in for
a key a clinic's older strings file does not have yet (so an export never prints a key name).
"""

from __future__ import annotations

import re
from typing import Any

from kiosk.content.model import Language, Review, is_draft

DEFAULTS = {
    "page_of": "Page {page} of {count}",
    "output_draft": "Draft - not yet reviewed by a clinician",
    "output_sources": "Sources",
    "output_review": "Review",
    "output_reviewed": "Reviewed by {name} on {date}.",
    "output_next_review": "Next review due: {date}.",
    "output_crisis": "Help now, day and night",
    "output_picture": "Picture: {alt}",
    "output_questions": "Questions on this page",
    "output_other_language": "Read this page in English",
    "output_skip": "Skip to the text",
    "output_site_title": "Patient information",
    "output_choose_language": "Choose your language",
    "output_search_hint": "Type a word to find a question.",
    "output_printed_from": "From the clinic's patient information.",
    "clinic_contact_heading": "Contact this clinic",
    "clinic_name_label": "Clinic:",
    "clinic_phone_label": "Phone:",
    "clinic_address_label": "Address:",
    "clinic_hours_label": "Hours:",
    "home_title": "What would you like to know?",
    "toolbar_name": "Main controls",
    "more_on_topic": "More questions on this topic",
    "explainers_heading": "Learn step by step",
    "topics_heading": "Questions and answers",
    "back_to_home": "Back to all topics",
    "related_heading": "Related questions",
    "previous_page": "Back",
    "next_page": "Next",
    "search_label": "Search questions",
}

_LINK = re.compile(r"<a\b[^>]*>(.*?)</a>", re.S)


def say(language: Language, key: str, **values: Any) -> str:
    """The language's text for `key`, else the English default, with {values} filled in."""
    text = language.strings.get(key) or DEFAULTS.get(key, key)
    try:
        return text.format(**values) if values else text
    except (KeyError, IndexError, ValueError):
        return text


def review_lines(language: Language, review: Review | None) -> list[str]:
    """The review status as a reader should see it: who signed it off and when, or draft."""
    lines = []
    if review is None or is_draft(review):
        lines.append(say(language, "output_draft") + ".")
    else:
        lines.append(
            say(
                language,
                "output_reviewed",
                name=review.reviewed_by or "?",
                date=review.reviewed_on or "?",
            )
        )
    if review is not None and review.next_review:
        lines.append(say(language, "output_next_review", date=review.next_review))
    return lines


def unlink(rich_text: str) -> str:
    """Rich text with its kiosk links (`explainer:ID`) reduced to their words."""
    return _LINK.sub(r"\1", rich_text)
