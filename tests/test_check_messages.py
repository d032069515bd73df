"""kiosk check's messages in Spanish: the catalog covers every message the source can
emit, the committed .mo is the .po compiled, and what has no translation prints in English.

When this fails after a merge (a new check's message), run
`python -m kiosk.check.i18n_tools update`, translate the new entries in
kiosk/locale/es/LC_MESSAGES/kiosk.po, then `python -m kiosk.check.i18n_tools compile`
(docs/translating-messages.md).
"""

from __future__ import annotations

import gettext

from kiosk.check.i18n import LOCALE_DIR, Messages, placeholders
from kiosk.check.i18n_tools import catalogs, compile_mo, extract, read_po
from kiosk.check.problems import error, warning

SPANISH_PO = LOCALE_DIR / "es" / "LC_MESSAGES" / "kiosk.po"


def test_the_spanish_catalog_exists():
    assert SPANISH_PO in catalogs()


def test_the_committed_mo_is_the_po_compiled():
    for po in catalogs():
        assert po.with_suffix(".mo").read_bytes() == compile_mo(*read_po(po)), (
            f"{po.with_suffix('.mo')} is stale: run python -m kiosk.check.i18n_tools compile"
        )


def test_python_gettext_reads_the_compiled_catalog():
    spanish = gettext.translation("kiosk", LOCALE_DIR, languages=["es"])
    assert spanish.gettext("warning") == "aviso"
    assert spanish.pgettext("broken-link", "link to {link.target} goes nowhere").startswith(
        "el enlace"
    )


def test_every_message_in_the_source_has_a_spanish_translation():
    _header, entries = read_po(SPANISH_PO)
    translated = {(e.context, e.msgid) for e in entries if e.msgstr}
    missing = [
        f"{m.where}: [{m.context}] {m.msgid}"
        for m in extract()
        if (m.context, m.msgid) not in translated
    ]
    assert not missing, (
        "messages without a Spanish translation (python -m kiosk.check.i18n_tools update, "
        "translate, compile):\n" + "\n".join(missing)
    )


def test_translations_keep_every_placeholder():
    _header, entries = read_po(SPANISH_PO)
    for entry in entries:
        if entry.msgstr:
            assert sorted(placeholders(entry.msgid)) == sorted(placeholders(entry.msgstr)), (
                entry.msgid
            )


def test_extraction_reads_templates_from_the_source():
    found = {(m.context, m.msgid) for m in extract()}
    assert ("broken-link", "link to {link.target} goes nowhere") in found
    # `{{ x }}` in an f-string is a literal brace, kept doubled in the template.
    assert ("unknown-placeholder", "unknown placeholder {{{{ {name} }}}}") in found
    assert ("", "did you mean '{suggestion}'?") in found


def test_a_message_is_translated_with_its_values():
    spanish = Messages("es")
    problem = error(
        "broken-link",
        "en/x.md",
        3,
        "link to question:is-it-safe goes nowhere",
        "No question with id 'is-it-safe' in en/. Check the spelling of the id.",
    )
    shown = spanish.problem(problem)
    assert shown.message == "el enlace a question:is-it-safe no lleva a ninguna parte"
    assert "(pregunta)" in shown.hint and "'is-it-safe'" in shown.hint


def test_a_message_with_no_translation_prints_in_english():
    spanish = Messages("es")
    new = warning("brand-new-check", "en/x.md", 1, "a check added after this catalog", "Fix it.")
    assert spanish.problem(new) == new


def test_english_is_the_fallback_language():
    english = Messages("en")
    assert english.gettext("warning") == "warning"
    assert english.text("broken-link", "link to x goes nowhere") == "link to x goes nowhere"
