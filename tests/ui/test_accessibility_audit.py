"""Audits as tests: every screen, in both languages, at 100% and 200% text, in the normal
and the high-contrast theme, at the three screen shapes the kiosk is built for.

Each run walks the screens by taps (as a patient would) and audits the live item tree at
each stop (tests/ui/audit.py): targets >= 48x48 px, a control role and a non-empty
accessible name on every control, no text elided, cut or off the window, no controls
overlapping, and every Text's colour against what is painted under it (4.5:1, 7:1 in high
contrast). All problems of a run are reported together.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QPointF

from kiosk.content.config import HIGH_CONTRAST, THEME, load_config
from tests.ui.audit import Audit, contrast
from tests.ui.conftest import CONTENT, make_kiosk

# Each (language, text scale, high contrast) pair at least once, and 200% text at every
# screen shape in both languages; one explainer and topic per run, in turn.
RUNS = [
    ("en", 1.0, False, (1280, 800)),
    ("es", 1.0, True, (800, 1280)),
    ("en", 2.0, True, (1920, 1080)),
    ("es", 2.0, False, (1280, 800)),
    ("es", 2.0, True, (800, 1280)),
    ("en", 2.0, False, (800, 1280)),
    ("en", 1.0, True, (1920, 1080)),
    ("es", 2.0, True, (1920, 1080)),
    ("en", 2.0, True, (1280, 800)),
]
EXPLAINERS = [
    "what-is-ketamine-therapy",
    "is-ketamine-addictive",
    "safety-and-side-effects",
    "how-it-works",
    "your-infusion-visit",
    "iv-ketamine-and-nasal-spray",
    "getting-help",
]
TOPICS = ["basics", "addiction", "safety", "how-it-works", "visit", "practical", "help"]


def kiosk_in_mode(qtbot, tmp_path, lang, scale, high, size):
    return make_kiosk(
        qtbot,
        tmp_path,
        idle_timeout=3600,  # no 'Still there?' in the middle of an audit
        warning=60,
        size=size,
        language=lang,
        text_scale=scale,
        high_contrast=high,
    )


def run_id(run) -> str:
    lang, scale, high, (w, h) = run
    return f"{lang}-{int(scale * 100)}-{'hc' if high else 'normal'}-{w}x{h}"


@pytest.mark.parametrize("number", range(len(RUNS)), ids=[run_id(r) for r in RUNS])
def test_every_screen_passes_the_audit(qtbot, tmp_path, fonts, qml_warnings, number):
    lang, scale, high, size = RUNS[number]
    kiosk, d = kiosk_in_mode(qtbot, tmp_path, lang, scale, high, size)
    try:
        strings = {
            code: set(lang.strings.values())
            for code, lang in kiosk.backend.catalog.languages.items()
        }
        foreign = set().union(*(v for k, v in strings.items() if k != lang)) - strings[lang]
        # The language buttons name each language in itself, on purpose.
        foreign -= {language["name"] for language in kiosk.backend.content.language_model.rows()}
        audit = Audit(kiosk.window, 7.0 if high else 4.5, [], frozenset(foreign))
        walk_screens(d, audit, EXPLAINERS[number % len(EXPLAINERS)], TOPICS[number % len(TOPICS)])
    finally:
        kiosk.close()
    assert not audit.problems, f"{len(audit.problems)} problems:\n" + "\n".join(audit.problems)


def walk_screens(d, audit: Audit, explainer: str, topic: str) -> None:
    wait = d.qtbot.waitUntil
    screen = d.find("screenLoader")
    # The attract screen speaks every language on purpose (a panel per language); every
    # other check holds there too. The list of problems is shared.
    replace(audit, foreign=frozenset()).check("attract", [screen])

    d.tap("touchToStart")
    d.wait_for("homeScreen")
    bar = d.wait_for("topBar")  # hidden on the attract screen
    audit.check("home", [bar, screen])
    d.tap("displayButton")
    audit.check("display panel", [bar, d.wait_for("displayPanel")])
    d.tap("closeDisplay")
    wait(lambda: d.find("displayPanel") is None)

    d.tap(f"explainerCard_{explainer}")
    d.wait_for("explainerScreen")
    pages = d.backend.content.explainer_view.page_count
    for page in range(pages):
        wait(lambda p=page: d.backend.navigation.page == p)
        # ...and the page has settled in view (a page turn slides it in).
        wait(lambda p=page: abs(d.find(f"page_{p}").mapToScene(QPointF(0, 0)).x()) < 1)
        audit.check(
            f"{explainer} page {page + 1}", [bar, d.find(f"page_{page}"), d.find("pageNav")]
        )
        d.tap("nextPage")  # the last page's is Done: back home
    d.wait_for("homeScreen")

    d.tap(f"topic_{topic}")
    d.wait_for("questionsScreen")
    audit.check(f"questions {topic}", [bar, screen])
    d.tap("chip_all")  # the chips scroll with the list
    wait(lambda: d.backend.navigation.topic == "")
    audit.check("questions, all topics", [bar, screen])
    for _ in range(40):  # 'More below' scrolls to the end of the list, then goes away
        if d.find("moreBelowButton") is None:
            break
        d.tap("moreBelowButton")
    assert d.find("moreBelowButton") is None, "the cue stays at the end of the list"
    audit.check("questions, end of the list", [bar, screen])
    d.find("questionList").setProperty("contentY", d.find("questionList").property("originY"))
    d.tap("result_0")
    d.wait_for("answerScreen")
    d.tap("readAloud")  # the Pause and Stop buttons, and a marked block
    wait(lambda: d.find("readAloudStop") is not None and d.find("readAloudStop").x() > 0)
    wait(lambda: d.kiosk.reader.block >= 1, timeout=10000)  # a block is marked
    audit.check(f"answer {d.backend.navigation.item} (reading)", [bar, screen])
    d.tap("readAloudStop")
    related = d.backend.content.answer_view.related_model.rows()
    if related:
        d.tap(f"related_{related[0]['id']}")
        wait(lambda: d.backend.navigation.item == related[0]["id"])
        audit.check(f"related {d.backend.navigation.item}", [bar, screen])

    d.tap("homeButton")
    d.tap("homeSearch")
    d.tap("searchInput")
    d.type_keys("ketamine")
    wait(lambda: d.backend.search.results.count > 0)
    audit.check("search results", [bar, screen])
    d.tap("clearSearch")
    d.type_keys("zzqxv")
    d.wait_for("noResults")
    audit.check("no results", [bar, screen])

    d.tap("helpButton")
    d.wait_for("helpScreen")
    audit.check("help", [bar, screen])

    d.backend.session.set_state("warning", 25)  # what the idle timer shows
    audit.check("still there", [d.wait_for("stillThere")])
    d.tap("moreTimeButton")

    # Staff screens too: a clinic's staff may need 200% text or high contrast as well.
    d.corner_taps()
    audit.check("PIN pad", [d.wait_for("pinPad")])
    d.tap("pinCancel")
    d.kiosk.maintenance.open_screen()
    assert d.kiosk.maintenance.wait_idle()
    audit.check("maintenance", [d.wait_for("maintenanceScreen")])
    d.tap("maintClose")


@pytest.mark.parametrize(
    ("lang", "high", "size"),
    [("es", True, (800, 1280)), ("en", False, (1920, 1080))],
    ids=["es-200-hc-800x1280", "en-200-normal-1920x1080"],
)
def test_every_page_and_answer_at_200_percent(
    qtbot, tmp_path, fonts, qml_warnings, lang, high, size
):
    """Every explainer page and every answer of the bundled content, by taps."""
    kiosk, d = kiosk_in_mode(qtbot, tmp_path, lang, 2.0, high, size)
    try:
        audit = Audit(kiosk.window, 7.0 if high else 4.5, [])
        wait = d.qtbot.waitUntil
        d.tap("touchToStart")
        bar, screen = d.wait_for("topBar"), d.find("screenLoader")
        language = kiosk.backend.lang
        for explainer in language.explainer_list():
            d.tap(f"explainerCard_{explainer.id}")
            for page in range(len(explainer.pages)):
                wait(lambda p=page: d.backend.navigation.page == p)
                wait(lambda p=page: abs(d.find(f"page_{p}").mapToScene(QPointF(0, 0)).x()) < 1)
                roots = [bar, d.find(f"page_{page}"), d.find("pageNav")]
                audit.check(f"{explainer.id} page {page + 1}", roots)
                d.tap("nextPage")
            d.wait_for("homeScreen")
        for topic in language.topic_list():
            d.tap(f"topic_{topic.id}")
            for number, question in enumerate(topic.questions):
                for _ in range(20):  # a list makes its rows as they scroll into view
                    if d.find(f"result_{number}") is not None:
                        break
                    d.tap("moreBelowButton")
                d.tap(f"result_{number}")
                wait(lambda q=question: d.backend.navigation.item == q.id)
                d.wait_for("answerScreen")
                audit.check(f"answer {question.id}", [bar, screen])
                d.tap("backButton")
                d.wait_for("questionsScreen")
            d.tap("homeButton")
            d.wait_for("homeScreen")
    finally:
        kiosk.close()
    assert not audit.problems, f"{len(audit.problems)} problems:\n" + "\n".join(audit.problems)


def test_contrast_and_motion_are_one_tap_from_every_screen(kiosk):
    """'Aa' is in the top bar of every screen; one tap shows both switches."""
    d = kiosk
    d.tap("touchToStart")
    screens = [
        ("homeScreen", None),
        ("explainerScreen", "explainerCard_how-it-works"),
        ("questionsScreen", "homeButton"),
        ("answerScreen", "result_0"),
        ("helpScreen", "helpButton"),
    ]
    for screen, way in screens:
        if way == "homeButton":
            d.tap("homeButton")
            way = "topic_safety"
        if way:
            d.tap(way)
        d.wait_for(screen)
        d.tap("displayButton")
        assert d.on_screen("highContrast") is not None and d.on_screen("reducedMotion") is not None
        before = d.backend.preferences.highContrast
        d.tap("highContrast")
        d.qtbot.waitUntil(lambda b=before: d.backend.preferences.highContrast != b)
        d.tap("closeDisplay")
        d.qtbot.waitUntil(lambda: d.find("displayPanel") is None)
    d.tap("displayButton")
    d.tap("reducedMotion")
    d.qtbot.waitUntil(lambda: not d.backend.preferences.reducedMotion)  # the tests start with it on


# -- the theme's own pairs, from the schema and from the bundled kiosk.toml ------------------
# (foreground, background, what): text colours on the surfaces they are drawn on.
TEXT_PAIRS = [
    ("text", "background", "body text"),
    ("text", "surface", "text on cards"),
    ("muted", "background", "secondary text"),
    ("muted", "surface", "secondary text on cards, placeholder"),
    ("accent", "background", "links, secondary buttons"),
    ("accent", "surface", "card titles, buttons, question rows"),
    ("accent", "accent_soft", "selected chip, text in a marked block"),
    ("text", "accent_soft", "text in a marked block, table header"),
    ("accent_text", "accent", "primary buttons"),
    ("urgent_text", "urgent", "Help button"),
    ("urgent", "surface", "crisis numbers"),
    ("text", "tip", "tip callout"),
    ("text", "warning", "warning callout"),
    ("text", "note", "note callout"),
]


def themes():
    bundled = load_config(CONTENT)
    normal = {k: v.default for k, v in THEME.items()}
    yield "schema defaults", normal, 4.5
    yield (
        "schema high contrast",
        {**normal, **{k: v.default for k, v in HIGH_CONTRAST.items()}},
        7.0,
    )
    yield "bundled kiosk.toml", bundled.theme, 4.5
    yield "bundled high contrast", {**bundled.theme, **bundled.high_contrast}, 7.0


@pytest.mark.parametrize(
    ("name", "theme", "minimum"), list(themes()), ids=lambda x: x if isinstance(x, str) else ""
)
def test_theme_text_pairs_meet_their_contrast(name, theme, minimum):
    low = [
        f"{fg} on {bg} ({what}): {contrast(theme[fg], theme[bg]):.2f}:1"
        for fg, bg, what in TEXT_PAIRS
        if contrast(theme[fg], theme[bg]) < minimum
    ]
    # The focus ring is not text: 3:1 against what it surrounds (WCAG 2.4.13).
    low += [
        f"focus ring on {bg}: {contrast(theme['focus'], theme[bg]):.2f}:1"
        for bg in ("background", "surface")
        if contrast(theme["focus"], theme[bg]) < 3.0
    ]
    assert not low, f"{name} below {minimum}:1:\n" + "\n".join(low)
