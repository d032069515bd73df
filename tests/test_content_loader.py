"""Markdown content -> Catalog: blocks, pages, questions, links, checks, never raising."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from conftest import GOOD, TODAY

from kiosk.check.problems import Severity
from kiosk.content import load_catalog
from kiosk.content.blocks import BlockRenderer
from kiosk.content.frontmatter import split_front_matter
from kiosk.content.model import Catalog, Link
from tests.content_text import CLINIC_OK, SIGNED_OFF

pytestmark = pytest.mark.usefixtures("ui_keys")

FRONT = (
    "---\ntitle: {title}\nsummary: A test page.\ntopic: basics\norder: 1\n" + SIGNED_OFF + "---\n"
)
TOPIC_FRONT = "---\ntitle: Basics\nsummary: Short answers.\norder: 1\n" + SIGNED_OFF + "---\n"
STRINGS = """app_title = "T"
home = "Home"
back = "Back"
next = "Next"
page_of = "Page {page} of {count}"

[[help_line]]
name = "988 Lifeline"
number = "988"
detail = "Call or text."
urgent = true
"""
CONFIG = (
    CLINIC_OK
    + """
[kiosk]
languages = ["en"]
"""
)
QUESTIONS = TOPIC_FRONT + "## What is a test? {#what-is-a-test}\n\nA test checks things.\n"


def make_tree(root: Path, files: dict[str, str | bytes], config: str = CONFIG) -> Path:
    """A one-language content tree: kiosk.toml, en/strings.toml, a topic, and `files`."""
    defaults: dict[str, str | bytes] = {
        "kiosk.toml": config,
        "en/strings.toml": STRINGS,
        "en/questions/basics.md": QUESTIONS,
    }
    for rel, text in {**defaults, **files}.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    return root


def explainer_tree(tmp_path: Path, body: str, **files: str) -> Catalog:
    make_tree(tmp_path, {"en/explainers/x.md": FRONT.format(title="X") + body, **files})
    return load_catalog(tmp_path, today=TODAY)


def problems(catalog: Catalog, code: str | None = None) -> list[tuple[str, str, int | None]]:
    return [(p.code, p.file, p.line) for p in catalog.problems if code in (None, p.code)]


def test_tree_helper_is_clean(tmp_path):
    catalog = explainer_tree(tmp_path, "Hello.\n")
    assert catalog.problems == []


# -- the good fixture -------------------------------------------------------------------


@pytest.fixture(scope="module")
def good() -> Catalog:
    from conftest import FIXTURE_UI_KEYS

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("kiosk.content.checks.required_keys", lambda: FIXTURE_UI_KEYS)
        return load_catalog(GOOD, today=TODAY)


def test_good_tree_has_no_problems(good):
    assert [p.format() for p in good.problems] == []
    assert set(good.languages) == {"en", "es"}
    assert len(good.version) == 12


def test_good_tree_every_block_kind(good):
    explainer = good.languages["en"].explainers["sleep-basics"]
    kinds = {b.kind for page in explainer.pages for b in page.blocks}
    assert kinds == {"heading", "paragraph", "list", "steps", "image", "callout", "table"}


def test_explainer_fields(good):
    explainer = good.languages["en"].explainers["sleep-basics"]
    assert explainer.id == "sleep-basics"
    assert explainer.lang == "en"
    assert explainer.title == "Sleep basics"
    assert explainer.summary.startswith("Why sleep")
    assert explainer.topic == "sleep"
    assert explainer.order == 1.0
    assert explainer.image == "images/moon.svg"
    assert explainer.sources == ("Test source: a made-up sleep guide, 2025",)
    assert explainer.review is not None
    assert explainer.review.status == "reviewed"
    assert explainer.review.reviewed_by == "Dr. Test Person, MD"
    assert explainer.review.reviewed_on == "2026-01-10"
    assert explainer.review.next_review == "2099-01-01"
    assert explainer.path == "en/explainers/sleep-basics.md"


def test_pages_split_at_level_two_headings(good):
    explainer = good.languages["en"].explainers["sleep-basics"]
    assert [p.title for p in explainer.pages] == [
        "Sleep basics",  # the text before the first ## is page 1, titled like the explainer
        "Good habits",
        "A simple plan",
        "When to call us",
    ]
    assert [p.line for p in explainer.pages] == [15, 19, 30, 41]


def test_block_fields(good):
    page1, page2, page3, page4 = good.languages["en"].explainers["sleep-basics"].pages
    paragraph, image = page1.blocks
    assert paragraph.kind == "paragraph"
    assert paragraph.text.startswith("Sleep helps your body")
    assert paragraph.plain == paragraph.text
    assert (image.kind, image.src, image.alt) == ("image", "images/moon.svg", "A moon over a bed.")

    heading, bullets, tip = page2.blocks
    assert (heading.kind, heading.level, heading.text, heading.plain) == (
        "heading",
        3,
        "At night",
        "At night",
    )
    assert bullets.kind == "list"
    assert bullets.items == (
        "Go to bed at the same time.",
        "Keep your room dark and cool.",
        "Put your phone away.",
    )
    assert "Keep your room" in bullets.plain
    assert (tip.kind, tip.variant, tip.title) == ("callout", "tip", "Good to know")
    assert tip.text == "A short walk in the day can help you sleep at night."
    assert tip.plain.startswith("Good to know\nA short walk")

    steps, table = page3.blocks
    assert steps.kind == "steps"
    assert steps.items[0] == "Pick a time to go to bed."
    assert len(steps.items) == 3
    assert table.kind == "table"
    assert table.header == ("Time", "What to do")
    assert table.rows == (("9 pm", "Turn off the TV"), ("10 pm", "Go to bed"))

    quote, links = page4.blocks
    assert (quote.kind, quote.variant, quote.title) == ("callout", "note", "")
    # Placeholders are filled from kiosk.toml.
    assert "555-0100" in quote.text
    assert "{{" not in quote.plain
    assert links.kind == "paragraph"
    assert '<a href="question:coffee-and-sleep">Can coffee keep me awake?</a>' in links.text
    assert "<a" not in links.plain


def test_block_to_dict_is_plain_data(good):
    for page in good.languages["en"].explainers["sleep-basics"].pages:
        for block in page.blocks:
            data = block.to_dict()
            assert data["kind"] == block.kind
            assert isinstance(data["items"], list)
            assert all(isinstance(row, list) for row in data["rows"])


def test_explainer_links_both_ways(good):
    en = good.languages["en"]
    assert Link("question", "coffee-and-sleep", "Can coffee keep me awake?") in (
        en.explainers["sleep-basics"].links
    )
    assert Link("explainer", "your-visit", "Your visit") in en.explainers["sleep-basics"].links
    question = en.questions["how-much-sleep"]
    assert [link.target for link in question.related] == [
        "explainer:sleep-basics",
        "question:coffee-and-sleep",
    ]
    assert Link("explainer", "your-visit", "Your visit") in en.questions["what-to-bring"].related


def test_topics_and_questions(good):
    en = good.languages["en"]
    assert [t.id for t in en.topic_list()] == ["sleep", "visit"]
    sleep = en.topics["sleep"]
    assert (sleep.title, sleep.summary, sleep.order, sleep.icon) == (
        "Sleep",
        "Short answers about sleep.",
        1.0,
        "moon",
    )
    assert [q.id for q in sleep.questions] == ["how-much-sleep", "coffee-and-sleep"]
    question = sleep.questions[0]
    assert question.title == "How much sleep do I need?"  # the {#id} is not in the title
    assert question.topic == "sleep"
    assert question.lang == "en"
    assert question.line == 14
    assert question.path == "en/questions/sleep.md"
    assert set(en.questions) == {"how-much-sleep", "coffee-and-sleep", "what-to-bring"} | {
        "how-to-reach-us"
    }


def test_related_line_removed_from_answer_but_kept_as_related(good):
    for code in ("en", "es"):  # "Related:" and "Relacionado:"
        for question in good.languages[code].questions.values():
            for block in question.blocks:
                assert "Related" not in block.plain
                assert "Relacionado" not in block.plain
    question = good.languages["es"].questions["coffee-and-sleep"]
    assert [b.kind for b in question.blocks] == ["paragraph"]
    assert [link.target for link in question.related] == ["question:how-much-sleep"]


def test_explainer_list_sorted_by_order(good):
    assert [e.id for e in good.languages["en"].explainer_list()] == ["sleep-basics", "your-visit"]


def test_strings_help_lines_and_synonyms(good):
    en, es = good.languages["en"], good.languages["es"]
    assert en.strings["home"] == "Home"
    assert es.strings["back"] == "Atrás"
    assert en.string("page_of", page=2, count=5) == "Page 2 of 5"
    assert en.string("page_of", wrong=1) == "Page {page} of {count}"  # never raises
    assert en.string("no_such_key") == "no_such_key"
    assert [h.number for h in en.help_lines] == ["988", "555-0100"]
    assert en.help_lines[0].urgent is True
    assert en.help_lines[1].urgent is False
    assert en.synonyms["sleep"] == ["snooze", "nap", "shuteye"]
    assert es.synonyms["sueño"] == ["siesta", "descanso"]


def test_translations_pair_up(good):
    en, es = good.languages["en"], good.languages["es"]
    assert set(en.explainers) == set(es.explainers)
    assert set(en.questions) == set(es.questions)
    assert set(en.topics) == set(es.topics)
    assert es.explainers["sleep-basics"].title == "Lo básico del sueño"


def test_catalog_language_falls_back(good):
    assert good.language("es").code == "es"
    assert good.language("zz").code == "en"


# -- markdown rendering --------------------------------------------------------------------


def render(text: str):
    return BlockRenderer().render(text)


def test_external_links_become_plain_text():
    blocks, findings = render("See [our site](https://example.org) or [mail](mailto:a@b.org).")
    assert blocks[0].text == "See our site or mail."
    assert "href" not in blocks[0].text
    assert findings.external_links == ["https://example.org", "mailto:a@b.org"]
    assert findings.links == []


def test_autolinks_are_plain_text():
    blocks, findings = render("Go to <https://example.org> or write to <help@example.org>.")
    assert blocks[0].text == "Go to https://example.org or write to help@example.org."
    assert findings.external_links == ["https://example.org", "mailto:help@example.org"]


def test_internal_links_keep_only_href():
    blocks, findings = render('Read [Go](question:x "a title") and [Back](explainer:y).')
    assert blocks[0].text == 'Read <a href="question:x">Go</a> and <a href="explainer:y">Back</a>.'
    assert findings.links == [Link("question", "x", "Go"), Link("explainer", "y", "Back")]


def test_remote_images_are_refused():
    blocks, findings = render("![A far picture](https://example.org/a.png)")
    assert findings.remote_images == ["https://example.org/a.png"]
    assert findings.images == []
    assert all(b.kind != "image" for b in blocks)
    assert blocks[0].plain == "A far picture"  # the description still reads


def test_protocol_relative_image_is_remote():
    _, findings = render("![x](//example.org/a.png)")
    assert findings.remote_images == ["//example.org/a.png"]


def test_image_inside_a_sentence_follows_it():
    blocks, findings = render("Look ![a moon](images/moon.svg) here.")
    assert [b.kind for b in blocks] == ["paragraph", "image"]
    assert "<img" not in blocks[0].text
    assert blocks[1].src == "images/moon.svg"
    assert findings.images == ["images/moon.svg"]


def test_raw_html_is_escaped():
    blocks, _ = render('Some <b>bold</b> <script>alert(1)</script>\n\n<div onclick="x">hi</div>\n')
    assert blocks[0].text == ("Some &lt;b&gt;bold&lt;/b&gt; &lt;script&gt;alert(1)&lt;/script&gt;")
    assert blocks[0].plain == "Some <b>bold</b> <script>alert(1)</script>"
    assert "<div" not in blocks[1].text
    assert blocks[1].plain == '<div onclick="x">hi</div>'


def test_entities_and_code_are_not_left_as_placeholders():
    blocks, _ = render("Tom &amp; Jerry &copy; 2026, 1 < 2 & 3, `a<b> &amp;`\n\n    x < y\n")
    text = blocks[0].text
    assert "\x02" not in text and "\x03" not in text
    assert blocks[0].plain == "Tom & Jerry © 2026, 1 < 2 & 3, a<b> &amp;"
    assert text == "Tom &amp; Jerry © 2026, 1 &lt; 2 &amp; 3, <code>a&lt;b&gt; &amp;amp;</code>"
    assert blocks[1].plain == "x < y"


def test_emphasis_is_rich_text():
    blocks, _ = render("Be **bold** and *calm*.")
    assert blocks[0].text == "Be <strong>bold</strong> and <em>calm</em>."
    assert blocks[0].plain == "Be bold and calm."


@pytest.mark.parametrize("kind", ["note", "tip", "warning", "important"])
def test_callout_variants(kind):
    blocks, _ = render(f'!!! {kind} "Title"\n    Body text.\n')
    assert (blocks[0].kind, blocks[0].variant, blocks[0].title) == ("callout", kind, "Title")
    assert blocks[0].text == "Body text."


def test_unknown_callout_kind_is_a_note():
    blocks, _ = render('!!! sparkly "Hey"\n    Body.\n')
    assert blocks[0].variant == "note"


def test_callout_with_a_list():
    blocks, _ = render("!!! note\n    Do this:\n\n    - one\n    - two\n")
    assert blocks[0].kind == "callout"
    assert "<li>one</li>" in blocks[0].text


def test_horizontal_rule_is_dropped():
    blocks, _ = render("One.\n\n---\n\nTwo.\n")
    assert [b.plain for b in blocks] == ["One.", "Two."]


# -- loader behaviour on small trees ----------------------------------------------------------


def test_placeholders_filled_and_unknown_reported(tmp_path):
    catalog = explainer_tree(
        tmp_path, "Call {{ clinic.phone }} or {{clinic.name}}.\n\n{{ oops }}\n"
    )
    text = catalog.languages["en"].explainers["x"].pages[0].blocks[0].text
    assert text == "Call 555-0100 or Test Clinic."
    assert problems(catalog) == [("unknown-placeholder", "en/explainers/x.md", 16)]


def test_line_numbers_on_later_pages(tmp_path):
    body = "Intro.\n\n## Page two\n\nSee [x](https://a.org) and <i>x</i>.\n\n![p](images/no.svg)\n"
    catalog = explainer_tree(tmp_path, body)
    # Body starts on line 14: Intro 14, heading 16, link 18, picture 20.
    assert sorted(problems(catalog)) == [
        ("external-link", "en/explainers/x.md", 18),
        ("missing-image", "en/explainers/x.md", 20),
        ("raw-html", "en/explainers/x.md", 18),
    ]


def test_line_numbers_in_answers(tmp_path):
    topic = TOPIC_FRONT + "## Q? {#q}\n\nAnswer [x](question:gone).\n"
    make_tree(tmp_path, {"en/questions/basics.md": topic})
    catalog = load_catalog(tmp_path, today=TODAY)
    assert problems(catalog) == [("broken-link", "en/questions/basics.md", 15)]


def test_explainer_starting_with_a_page_heading(tmp_path):
    catalog = explainer_tree(tmp_path, "## First\n\nText one.\n\n## Second\n\nText two.\n")
    explainer = catalog.languages["en"].explainers["x"]
    assert [p.title for p in explainer.pages] == ["First", "Second"]
    assert catalog.problems == []


def test_headings_in_code_fences_do_not_split(tmp_path):
    catalog = explainer_tree(tmp_path, "Intro.\n\n```\n## not a page\n```\n\n### Sub\n\nText.\n")
    explainer = catalog.languages["en"].explainers["x"]
    assert len(explainer.pages) == 1
    blocks = explainer.pages[0].blocks
    assert [b.kind for b in blocks] == ["paragraph", "paragraph", "heading", "paragraph"]
    assert blocks[1].plain == "## not a page"  # shown as text, not as a heading


def test_empty_explainer_is_an_error(tmp_path):
    catalog = explainer_tree(tmp_path, "\n\n")
    assert "x" not in catalog.languages["en"].explainers
    assert problems(catalog) == [("empty-page", "en/explainers/x.md", 14)]


def test_question_ids_and_slugs(tmp_path):
    topic = TOPIC_FRONT + (
        "## What is a test? {#what-is-a-test}\n\nA.\n\n"
        "## Is it *safe*, really?\n\nB.\n\n"
        "## Spaced id? { #spaced-id }\n\nC.\n\n"
        "## Empty answer {#empty}\n\n"
    )
    make_tree(tmp_path, {"en/questions/basics.md": topic})
    catalog = load_catalog(tmp_path, today=TODAY)
    topic_ = catalog.languages["en"].topics["basics"]
    assert [q.id for q in topic_.questions] == ["what-is-a-test", "is-it-safe-really", "spaced-id"]
    assert [q.title for q in topic_.questions][2] == "Spaced id?"
    assert problems(catalog) == [
        ("question-id-missing", "en/questions/basics.md", 17),
        ("empty-page", "en/questions/basics.md", 25),
    ]


def test_duplicate_question_id_across_topic_files(tmp_path):
    other = TOPIC_FRONT.replace("Basics", "Other") + (
        "## Again? {#what-is-a-test}\n\nX.\n\n## New? {#new}\n\nY.\n"
    )
    make_tree(tmp_path, {"en/questions/other.md": other})
    catalog = load_catalog(tmp_path, today=TODAY)
    assert problems(catalog) == [("duplicate-id", "en/questions/other.md", 13)]
    assert "also in en/questions/basics.md:13" in catalog.problems[0].message


def test_related_line_needs_only_links(tmp_path):
    topic = TOPIC_FRONT + (
        "## One? {#one}\n\nAnswer.\n\nRelated: [Two](question:two) and [Three](question:three).\n\n"
        "## Two? {#two}\n\nSee [One](question:one) for more.\n\n"
        "## Three? {#three}\n\nAnswer.\n\n[One](question:one)\n"
    )
    make_tree(tmp_path, {"en/questions/basics.md": topic})
    questions = load_catalog(tmp_path, today=TODAY).languages["en"].questions
    assert [b.plain for b in questions["one"].blocks] == ["Answer."]
    assert [link.id for link in questions["one"].related] == ["two", "three"]
    # A sentence with a link is content, not a "Related" line.
    assert [b.plain for b in questions["two"].blocks] == ["See One for more."]
    assert [link.id for link in questions["two"].related] == ["one"]
    assert [b.plain for b in questions["three"].blocks] == ["Answer."]
    assert [link.id for link in questions["three"].related] == ["one"]


def test_front_matter_problems(tmp_path):
    files = {
        "en/explainers/a.md": "---\ntitle: A\nsummary: [oops\ntopic: basics\n---\nText.\n",
        "en/explainers/b.md": "No front matter.\n",
        "en/explainers/c.md": "---\ntitle: C\ntopic: basics\n---\nText.\n",
        "en/explainers/d.md": "---\ntitle: D\nsummary: S\ntopic: basics\norder: soon\n---\nT.\n",
        "en/explainers/e.md": "---\ntitle: E\nsummary: S\ntopic: basics\n---\nText.\n",
        "en/explainers/f.md": "---\ntitle: F\nsummary: S\n",
    }
    make_tree(tmp_path, files)
    catalog = load_catalog(tmp_path, today=TODAY)
    found = {(c, f, n) for c, f, n in problems(catalog)}
    assert ("front-matter-syntax", "en/explainers/a.md", 4) in found
    assert "started on line 3" in next(
        p.message for p in catalog.problems if p.code == "front-matter-syntax"
    )
    assert ("front-matter-missing", "en/explainers/b.md", 1) in found
    assert ("field-missing", "en/explainers/c.md", 1) in found
    assert ("field-type", "en/explainers/d.md", 5) in found
    assert ("field-missing", "en/explainers/e.md", 1) in found  # order missing: a warning
    assert ("front-matter-syntax", "en/explainers/f.md", 1) in found  # never closed
    assert set(catalog.languages["en"].explainers) == {"e"}


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("review:\n  next_review: 2026-02-30", "2026-02-30 is not a real date"),
        ("review:\n  next_review: 2026-13-01 10:00:00", "2026-13-01 is not a real date"),
    ],
)
def test_impossible_dates_are_a_syntax_problem_not_a_crash(tmp_path, line, message):
    text = f"---\ntitle: T\nsummary: S\ntopic: basics\n{line}\n---\nText.\n"
    make_tree(tmp_path, {"en/explainers/t.md": text})
    catalog = load_catalog(tmp_path, today=TODAY)
    [problem] = [p for p in catalog.problems if p.code == "front-matter-syntax"]
    assert problem.line == 6
    assert message in problem.message
    assert "loader-failure" not in {p.code for p in catalog.problems}


def test_next_review_with_a_time_of_day(tmp_path):
    text = FRONT.format(title="T").replace("2099-01-01", "2001-01-01 10:30:00") + "Text.\n"
    make_tree(tmp_path, {"en/explainers/t.md": text})
    catalog = load_catalog(tmp_path, today=TODAY)
    # The line of next_review itself, not of the review: block.
    assert problems(catalog) == [("review-overdue", "en/explainers/t.md", 12)]
    assert catalog.languages["en"].explainers["t"].review.next_review == "2001-01-01"


@pytest.mark.parametrize(
    ("review", "codes"),
    [
        ("", ["review-missing"]),
        ("review:\n  status: draft\n  next_review: 2099-01-01", ["review-draft"]),
        ("review:\n  status: reviewed\n  next_review: 2099-01-01", ["review-incomplete"]),
        ("review:\n  status: done\n  next_review: 2099-01-01", ["field-type"]),
        ("review:\n  status: reviewed\n  reviewed_by: Dr. X", ["review-missing"]),
        (
            'review:\n  status: reviewed\n  reviewed_by: Dr. X\n  next_review: ""',
            ["review-missing"],
        ),
        ("review:\n  status: reviewed\n  reviewed_by: X\n  next_review: soon", ["field-type"]),
        (
            "review:\n  status: reviewed\n  reviewed_by: X\n  next_review: 2026-05-31",
            ["review-overdue"],
        ),
        ("review:\n  status: reviewed\n  reviewed_by: X\n  next_review: 2026-06-01", []),
        ("review: reviewed", ["field-type"]),
    ],
)
def test_review_block(tmp_path, review, codes):
    text = (
        f"---\ntitle: T\nsummary: S\ntopic: basics\norder: 1\nsources: [x]\n{review}\n---\nText.\n"
    )
    make_tree(tmp_path, {"en/explainers/t.md": text})
    catalog = load_catalog(tmp_path, today=TODAY)
    assert sorted(p.code for p in catalog.problems) == codes


def test_front_matter_keys_that_are_not_text(tmp_path):
    text = FRONT.format(title="T").replace("order: 1\n", "order: 1\n1: one\nnull: x\n") + "Text.\n"
    make_tree(tmp_path, {"en/explainers/t.md": text})
    catalog = load_catalog(tmp_path, today=TODAY)
    # A null key has no line to point at, but must not crash the loader.
    assert problems(catalog) == [
        ("field-unknown", "en/explainers/t.md", 6),
        ("field-unknown", "en/explainers/t.md", None),
    ]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("title", "123"),
        ("title", "yes"),
        ("order", "true"),
        ("sources", "just one"),
        ("image", "[a, b]"),
        ("topic", "{a: b}"),
    ],
)
def test_field_types(tmp_path, field, value):
    lines = ["title: T", "summary: S", "topic: basics", "order: 1", "sources: [x]"]
    lines = [line for line in lines if not line.startswith(field + ":")]
    text = "---\n" + "\n".join([*lines, f"{field}: {value}"]) + "\n---\nText.\n"
    make_tree(tmp_path, {"en/explainers/t.md": text})
    catalog = load_catalog(tmp_path, today=TODAY)
    assert ("field-type", "en/explainers/t.md", len(lines) + 2) in problems(catalog)
    assert "t" not in catalog.languages["en"].explainers


def test_explainer_image(tmp_path):
    svg = "<svg xmlns='http://www.w3.org/2000/svg'/>"
    base = FRONT.format(title="T")
    files = {
        "images/ok.svg": svg,
        "en/explainers/ok.md": base.replace("order: 1", "order: 1\nimage: images/ok.svg") + "T.",
        "en/explainers/gone.md": base.replace("order: 1", "order: 1\nimage: images/no.svg") + "T.",
        "en/explainers/far.md": base.replace("order: 1", "order: 1\nimage: https://x.org/a.png")
        + "T.",
        "en/explainers/out.md": base.replace("order: 1", "order: 1\nimage: ../kiosk.toml") + "T.",
    }
    make_tree(tmp_path, files)
    catalog = load_catalog(tmp_path, today=TODAY)
    explainers = catalog.languages["en"].explainers
    assert explainers["ok"].image == "images/ok.svg"
    assert explainers["gone"].image == explainers["far"].image == explainers["out"].image == ""
    assert sorted(problems(catalog)) == [
        ("missing-image", "en/explainers/gone.md", 6),
        ("missing-image", "en/explainers/out.md", 6),
        ("remote-resource", "en/explainers/far.md", 6),
    ]


def test_images_outside_the_content_folder_are_missing(tmp_path):
    (tmp_path / "secret.svg").write_text("<svg/>")
    content = tmp_path / "content"
    catalog = explainer_tree(content, "![x](../secret.svg)\n\n![y](/etc/hostname)\n")
    assert [c for c, _, _ in problems(catalog)] == ["missing-image", "missing-image"]


def test_encoding_problems_and_bom(tmp_path):
    bom = "\ufeff" + FRONT.format(title="With BOM") + "Text.\n"
    crlf = (FRONT.format(title="CRLF") + "Text.\n\n## Two\n\nMore [x](question:nope).\n").replace(
        "\n", "\r\n"
    )
    files = {
        "en/explainers/bom.md": bom,
        "en/explainers/latin.md": "---\ntitle: Caf\xe9\n---\n".encode("latin-1"),
        "en/explainers/crlf.md": crlf.encode("utf-8"),
    }
    make_tree(tmp_path, files)
    catalog = load_catalog(tmp_path, today=TODAY)
    explainers = catalog.languages["en"].explainers
    assert explainers["bom"].title == "With BOM"
    assert [p.title for p in explainers["crlf"].pages] == ["CRLF", "Two"]
    assert sorted(problems(catalog)) == [
        ("bad-encoding", "en/explainers/latin.md", 2),
        ("broken-link", "en/explainers/crlf.md", 18),
    ]


def test_unreadable_and_hidden_files(tmp_path):
    make_tree(tmp_path, {"en/explainers/ok.md": FRONT.format(title="OK") + "Text.\n"})
    (tmp_path / "en/explainers/folder.md").mkdir()
    # Editors' lock files are dangling symlinks; macOS leaves binary "._" files on USB sticks.
    (tmp_path / "en/explainers/.#ok.md").symlink_to("user@host.1234")
    (tmp_path / "en/explainers/._ok.md").write_bytes(b"\x00\x05\x16\x07\xff\xfe")
    catalog = load_catalog(tmp_path, today=TODAY)
    assert problems(catalog) == [("unreadable-file", "en/explainers/folder.md", None)]
    assert set(catalog.languages["en"].explainers) == {"ok"}


def test_dangling_symlink_is_unreadable(tmp_path):
    make_tree(tmp_path, {})
    (tmp_path / "en/explainers").mkdir()
    (tmp_path / "en/explainers/gone.md").symlink_to(tmp_path / "nowhere.md")
    catalog = load_catalog(tmp_path, today=TODAY)
    assert problems(catalog) == [("unreadable-file", "en/explainers/gone.md", None)]


def test_strings_problems(tmp_path):
    strings = (
        'app_title = "T"\nhome = 3\nback = "Back"\nnext = "Next"\npage_of = "P"\n\n'
        '[[help_line]]\nname = "No number"\n\n'
        '[[help_line]]\nname = "Bad flag"\nnumber = 911\nurgent = "yes"\n\n'
        '[[help_line]]\nname = "Good"\nnumber = "988"\n'
    )
    make_tree(tmp_path, {"en/strings.toml": strings})
    catalog = load_catalog(tmp_path, today=TODAY)
    assert sorted(problems(catalog)) == [
        ("field-missing", "en/strings.toml", 7),
        ("field-type", "en/strings.toml", 2),
        ("field-type", "en/strings.toml", 10),
        ("string-missing", "en/strings.toml", None),  # home was not text
    ]
    help_lines = catalog.languages["en"].help_lines
    assert [(h.name, h.number, h.urgent) for h in help_lines] == [
        ("Bad flag", "911", False),
        ("Good", "988", False),
    ]


def test_help_line_must_be_tables(tmp_path):
    make_tree(tmp_path, {"en/strings.toml": STRINGS.split("[[")[0] + 'help_line = "988"\n'})
    catalog = load_catalog(tmp_path, today=TODAY)
    assert sorted(problems(catalog)) == [
        ("field-type", "en/strings.toml", 7),
        ("help-lines-missing", "en/strings.toml", None),
    ]


def test_synonyms(tmp_path):
    synonyms = 'Sleep = ["Nap", "rest"]\nsingle = "one"\nbad = [1, 2]\n"sueño" = ["siesta"]\n'
    make_tree(tmp_path, {"en/synonyms.toml": synonyms})
    catalog = load_catalog(tmp_path, today=TODAY)
    assert problems(catalog) == [("field-type", "en/synonyms.toml", 3)]
    assert catalog.languages["en"].synonyms == {
        "sleep": ["nap", "rest"],
        "single": ["one"],
        "sueño": ["siesta"],
    }


def test_toml_syntax_with_line(tmp_path):
    make_tree(tmp_path, {"en/synonyms.toml": 'a = ["b"]\nsueño = ["c"]\n'})
    catalog = load_catalog(tmp_path, today=TODAY)
    assert problems(catalog) == [("toml-syntax", "en/synonyms.toml", 2)]
    assert "quotes" in catalog.problems[0].hint


def test_languages_missing_unlisted_and_files_missing(tmp_path):
    config = CONFIG.replace('["en"]', '["en", "es", "fr"]')
    make_tree(tmp_path, {"es/synonyms.toml": "", "de/strings.toml": ""}, config=config)
    catalog = load_catalog(tmp_path, today=TODAY)
    found = problems(catalog)
    assert ("language-missing", "fr/", None) in found
    assert ("language-unlisted", "de/", None) in found
    assert ("file-missing", "es/strings.toml", None) in found
    # es has no strings.toml: reported once as missing, not once per key.
    assert not [p for p in found if p[0] == "string-missing"]
    assert ("translation-missing", "es/questions/basics.md", None) in found
    assert set(catalog.languages) == {"en", "es"}


def test_default_language_folder_missing(tmp_path):
    config = CONFIG.replace('["en"]', '["en", "es"]')
    make_tree(tmp_path, {"es/strings.toml": STRINGS, "es/questions/basics.md": QUESTIONS}, config)
    shutil.rmtree(tmp_path / "en")
    catalog = load_catalog(tmp_path, today=TODAY)
    assert ("language-missing", "en/", None) in problems(catalog)
    assert catalog.language("en").code == "es"  # no KeyError


def test_no_language_at_all(tmp_path):
    catalog = load_catalog(tmp_path, today=TODAY)
    assert {"config-missing", "language-missing"} <= {p.code for p in catalog.problems}
    assert catalog.language("en").explainers == {}


def test_translation_parity(tmp_path):
    config = CONFIG.replace('["en"]', '["en", "es"]')
    extra = TOPIC_FRONT + "## Q {#what-is-a-test}\n\nA.\n\n## Solo {#solo}\n\nB.\n"
    strings_es = 'extra_key = "x"\n' + STRINGS
    files = {
        "en/explainers/both.md": FRONT.format(title="Both") + "Text.\n",
        "en/explainers/en-only.md": FRONT.format(title="EN") + "Text.\n",
        "es/explainers/both.md": FRONT.format(title="Ambos") + "Texto.\n",
        "es/strings.toml": strings_es,
        "es/questions/basics.md": extra,
    }
    make_tree(tmp_path, files, config)
    catalog = load_catalog(tmp_path, today=TODAY)
    assert sorted((c, f) for c, f, _ in problems(catalog)) == [
        ("string-extra", "es/strings.toml"),
        ("translation-extra", "es/questions/basics.md"),
        ("translation-missing", "es/explainers/en-only.md"),
    ]
    messages = " ".join(p.message for p in catalog.problems)
    assert "explainer 'en-only'" in messages
    assert "question 'solo'" in messages


def test_featured_and_logo(tmp_path):
    config = CONFIG.replace(
        '["en"]', '["en"]\nfeatured = ["question:what-is-a-test", "explainer:nope", "junk"]'
    ).replace('website = "example.org"', 'website = "example.org"\nlogo = "images/logo.svg"')
    make_tree(tmp_path, {}, config)
    catalog = load_catalog(tmp_path, today=TODAY)
    assert sorted(problems(catalog)) == [
        ("broken-link", "kiosk.toml", None),
        ("broken-link", "kiosk.toml", None),
        ("missing-image", "kiosk.toml", None),
    ]


@pytest.mark.parametrize(
    ("logo", "code"),
    [
        ("images/logo.svg", None),
        ("images/none.svg", "missing-image"),
        ("../outside.svg", "missing-image"),
        ("https://example.org/logo.png", "remote-resource"),
    ],
)
def test_logo(tmp_path, logo, code):
    (tmp_path / "outside.svg").write_text("<svg/>")
    content = tmp_path / "content"
    config = CONFIG.replace('website = "example.org"', f'website = "example.org"\nlogo = "{logo}"')
    make_tree(content, {"images/logo.svg": "<svg/>"}, config)
    found = problems(load_catalog(content, today=TODAY))
    assert found == ([(code, "kiosk.toml", None)] if code else [])


def test_page_too_long_and_reading_level(tmp_path):
    long = " ".join(["We sit down. We talk a bit. Then we rest."] * 17)
    hard = (
        "Pharmacological interventions targeting glutamatergic neurotransmission demonstrate "
        "considerable heterogeneity regarding therapeutic effectiveness. Comprehensive "
        "longitudinal investigations consistently emphasize individualized protocols. "
        "Contemporary practitioners increasingly incorporate multidisciplinary methodologies."
    )
    catalog = explainer_tree(tmp_path, f"Intro.\n\n## Long\n\n{long}\n\n## Hard\n\n{hard}\n")
    assert problems(catalog) == [
        ("page-too-long", "en/explainers/x.md", 16),
        ("reading-level", "en/explainers/x.md", 20),
        ("reading-level-median", "en/", None),  # one easy page, one hard
    ]
    severity = {p.code: p.severity for p in catalog.problems}
    assert severity["page-too-long"] is Severity.WARNING
    assert severity["reading-level"] is Severity.ERROR


def test_text_outside_questions_and_no_questions(tmp_path):
    files = {
        "en/questions/basics.md": TOPIC_FRONT + "Intro text.\n\n## Q? {#q}\n\nA.\n",
        "en/questions/empty.md": TOPIC_FRONT,
    }
    make_tree(tmp_path, files)
    catalog = load_catalog(tmp_path, today=TODAY)
    assert sorted(problems(catalog)) == [
        ("no-questions", "en/questions/empty.md", 13),
        ("text-outside-question", "en/questions/basics.md", 13),
    ]
    assert "empty" not in catalog.languages["en"].topics


def test_unknown_topic(tmp_path):
    text = FRONT.format(title="T").replace("topic: basics", "topic: elsewhere") + "Text.\n"
    make_tree(tmp_path, {"en/explainers/t.md": text})
    assert problems(load_catalog(tmp_path, today=TODAY)) == [
        ("unknown-topic", "en/explainers/t.md", 1)
    ]


def test_version_changes_with_content(good_copy):
    before = load_catalog(good_copy, today=TODAY).version
    assert load_catalog(good_copy, today=TODAY).version == before
    path = good_copy / "en/questions/sleep.md"
    path.write_text(path.read_text() + "\nMore.\n")
    assert load_catalog(good_copy, today=TODAY).version != before


def test_loader_bug_becomes_a_problem(monkeypatch, good_dir):
    def boom(self, code, folder):
        raise RuntimeError("bug")

    monkeypatch.setattr("kiosk.content.loader.Loader.load_language", boom)
    catalog = load_catalog(good_dir, today=TODAY)
    assert [(p.code, p.severity) for p in catalog.problems] == [("loader-failure", Severity.ERROR)]
    assert catalog.version == "broken"
    assert catalog.language("en").code == "en"


def test_today_defaults_to_the_real_date(good_dir):
    assert load_catalog(good_dir).problems == []
    assert dt.date.today() < dt.date(2099, 1, 1)


def test_front_matter_split_keeps_lines():
    fm = split_front_matter("---\ntitle: x\n---\nbody\n")
    assert (fm.data, fm.body, fm.body_line, fm.present) == ({"title": "x"}, "body\n", 4, True)
    assert split_front_matter("body").present is False
    assert split_front_matter("---\n- a\n---\n").error
    assert split_front_matter("---\n---\nb").data == {}
