"""Property tests: whatever an editor saves, loading never raises and every problem is usable.

Random front matter (well-formed YAML of random types, and YAML-ish junk) and random
markdown (syntax fragments mixed with arbitrary text, NUL, CR, odd line breaks) are written
into a real content tree and loaded the way `kiosk check` and the kiosk load it.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import yaml
from conftest import FIXTURE_UI_KEYS, GOOD, TODAY
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.check.problems import Problem, Severity
from kiosk.content import load_catalog
from kiosk.content.blocks import BlockRenderer
from kiosk.content.config import load_config
from kiosk.content.model import Catalog
from kiosk.search.index import SearchIndex

FUZZ = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
BLOCK_KINDS = {"heading", "paragraph", "list", "steps", "image", "callout", "table"}

CONFIG = """[clinic]
name = "Fuzz Clinic"
phone = "555-0100"
address = "1 Road"
hours = "9 to 5"
cost_note = "Ask."
website = "example.org"

[kiosk]
languages = ["en", "es"]
"""
STRINGS = """app_title = "T"
home = "H"
back = "B"
next = "N"
page_of = "P"

[[help_line]]
name = "988"
number = "988"
"""

# -- strategies ------------------------------------------------------------------------------

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.dates(),
    st.datetimes(),
)
yaml_values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.one_of(st.text(max_size=10), st.integers()), children, max_size=4),
    ),
    max_leaves=10,
)
FIELDS = ["title", "summary", "topic", "order", "image", "icon", "sources", "review", "id"]
REVIEW_FIELDS = ["status", "reviewed_by", "reviewed_on", "next_review"]


@st.composite
def structured_front_matter(draw) -> str:
    """Valid YAML: every known field (and some unknown ones) with a value of any type."""
    data = {}
    for field in draw(st.lists(st.sampled_from([*FIELDS, "colour", "x"]), unique=True)):
        if field == "review" and draw(st.booleans()):
            data[field] = {
                k: draw(yaml_values)
                for k in draw(st.lists(st.sampled_from(REVIEW_FIELDS), unique=True))
            }
        else:
            data[field] = draw(yaml_values)
    try:
        return yaml.safe_dump(data, allow_unicode=True, default_flow_style=draw(st.booleans()))
    except yaml.YAMLError:  # e.g. a value yaml cannot represent
        return "title: x\n"


YAML_FRAGMENTS = [
    "title: ",
    "summary: ",
    "topic: ",
    "order: ",
    "sources:",
    "review:",
    "  status: ",
    "  next_review: ",
    "  reviewed_by: ",
    "- ",
    "  - ",
    "[",
    "]",
    "{",
    "}",
    ": ",
    "? ",
    "&a ",
    "*a",
    "!!python/object:os.system ",
    "!!binary ",
    "|",
    ">",
    "'",
    '"',
    "#",
    "2026-02-30",
    "2026-13-01 10:00:00",
    "2027-05-01",
    "draft",
    "reviewed",
    "null",
    "~",
    ".nan",
    "1e999",
    "yes",
    "\t",
    "\x00",
    "\r",
    "\ufeff",
    "---",
    "...",
    "%YAML 1.1",
]
yamlish = st.lists(
    st.one_of(st.sampled_from(YAML_FRAGMENTS), st.text(max_size=12)), max_size=25
).map("".join)

MD_FRAGMENTS = [
    "#",
    "# ",
    "## ",
    "### ",
    "##",
    "- ",
    "* ",
    "1. ",
    "2) ",
    '!!! tip "x"\n    ',
    "!!! warning\n    ",
    "!!!",
    "    ",
    "> ",
    "|",
    "| a | b |\n| --- | --- |\n| c | d |",
    "---",
    "***",
    "[x](explainer:y)",
    "[x](question:y)",
    "[x](https://example.org)",
    "[x](mailto:a@b.c)",
    "[x](javascript:alert(1))",
    "[",
    "](",
    "![a](images/a.svg)",
    "![a](https://b.org/c.png)",
    "![](//b.org/c.png)",
    "![a](../../etc/passwd)",
    "<b>",
    "</div>",
    "<script>x</script>",
    "<!-- c -->",
    "<https://a.org>",
    "<a@b.c>",
    "{{ clinic.phone }}",
    "{{ clinic.nope }}",
    "{{ x }}",
    "{{",
    "}}",
    "{#id}",
    "{: .x }",
    "{#",
    "```",
    "~~~",
    "`",
    "**",
    "*",
    "_",
    "\\",
    "&amp;",
    "&#0;",
    "&#x110000;",
    "&nbsp;",
    "Related: ",
    "é",
    "🙂",
    "\u0301",
    "\x00",
    "\x02",
    "\x03",
    "\r",
    "\r\n",
    "\n",
    "\n\n",
    "\t",
    "\x0b",
    "\x0c",
    "\x85",
    "\u2028",
    "\ufeff",
    "word ",
    "Sleep helps you rest. ",
]
markdown_text = st.lists(
    st.one_of(st.sampled_from(MD_FRAGMENTS), st.text(max_size=15)), max_size=40
).map("".join)


@st.composite
def markdown_file(draw) -> str | bytes:
    kind = draw(st.sampled_from(["structured", "yamlish", "none", "unclosed", "bytes"]))
    body = draw(markdown_text)
    if kind == "structured":
        return f"---\n{draw(structured_front_matter())}---\n{body}"
    if kind == "yamlish":
        return f"---\n{draw(yamlish)}\n---\n{body}"
    if kind == "unclosed":
        return f"---\n{draw(yamlish)}\n{body}"
    if kind == "bytes":
        return draw(st.binary(max_size=200))
    return body


# -- helpers ----------------------------------------------------------------------------------


def write(path: Path, content: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        # surrogatepass: hypothesis text may hold lone surrogates; they become invalid UTF-8.
        path.write_bytes(content.encode("utf-8", "surrogatepass"))


def assert_usable(catalog: Catalog) -> None:
    assert isinstance(catalog, Catalog)
    codes = {p.code for p in catalog.problems}
    assert "loader-failure" not in codes, [p.message for p in catalog.problems]
    for problem in catalog.problems:
        assert isinstance(problem, Problem)
        assert problem.severity in (Severity.ERROR, Severity.WARNING)
        assert isinstance(problem.file, str) and problem.file
        assert isinstance(problem.message, str) and problem.message
        assert problem.line is None or (isinstance(problem.line, int) and problem.line >= 1)
        assert problem.format()
        assert problem.to_dict()["severity"] in ("error", "warning")
    for language in catalog.languages.values():
        for explainer in language.explainers.values():
            assert explainer.pages
            for page in explainer.pages:
                for block in page.blocks:
                    assert block.kind in BLOCK_KINDS
                    assert "\x02" not in block.text and "\x03" not in block.text
        for question in language.questions.values():
            for block in question.blocks:
                assert block.kind in BLOCK_KINDS


def load(files: dict[str, str | bytes], monkeypatch) -> Catalog:
    monkeypatch.setattr("kiosk.content.checks.required_keys", lambda: FIXTURE_UI_KEYS)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        write(root / "kiosk.toml", CONFIG)
        write(root / "images/a.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>")
        for lang in ("en", "es"):
            write(root / lang / "strings.toml", STRINGS)
        for rel, content in files.items():
            write(root / rel, content)
        catalog = load_catalog(root, today=TODAY)
        assert_usable(catalog)
        # The index is built from whatever loaded, and must accept any of it.
        index = SearchIndex(catalog)
        index.search("sleep rest", "en")
        index.close()
        return catalog


# -- properties -----------------------------------------------------------------------------


@FUZZ
@given(explainer=markdown_file(), topic=markdown_file())
def test_random_content_files_never_break_loading(monkeypatch, explainer, topic):
    load(
        {
            "en/explainers/fuzz.md": explainer,
            "en/questions/fuzz.md": topic,
            "es/explainers/fuzz.md": topic,
        },
        monkeypatch,
    )


@FUZZ
@given(front=structured_front_matter(), body=markdown_text)
def test_random_front_matter_types(monkeypatch, front, body):
    text = f"---\n{front}---\n{body}"
    load({"en/explainers/a.md": text, "en/questions/a.md": text}, monkeypatch)


@FUZZ
@given(body=markdown_text)
def test_random_markdown_with_good_front_matter(monkeypatch, body):
    head = (GOOD / "en/explainers/your-visit.md").read_text(encoding="utf-8").split("---\n")[1]
    topic_head = (GOOD / "en/questions/visit.md").read_text(encoding="utf-8").split("---\n")[1]
    catalog = load(
        {
            "en/explainers/a.md": f"---\n{head}---\n{body}",
            "en/questions/a.md": f"---\n{topic_head}---\n## Q {{#q}}\n\n{body}",
        },
        monkeypatch,
    )
    # Loaded or refused, never half-loaded: an explainer that loads has its title.
    for explainer in catalog.languages["en"].explainers.values():
        assert explainer.title == "Your visit"


@FUZZ
@given(text=markdown_text)
def test_renderer_never_raises(text):
    blocks, findings = BlockRenderer().render(text)
    for block in blocks:
        assert block.kind in BLOCK_KINDS
        for part in (block.text, block.plain, *block.items):
            assert "\x02" not in part and "\x03" not in part
    for link in findings.links:
        assert link.kind in ("explainer", "question")


TOML_FRAGMENTS = [
    "[clinic]\n",
    "[kiosk]\n",
    "[theme]\n",
    "[theme.high_contrast]\n",
    "[admin]\n",
    "[[help_line]]\n",
    "[x]\n",
    "name = ",
    "languages = ",
    "default_language = ",
    "idle_timeout_s = ",
    "warning_s = ",
    "text_scale = ",
    "featured = ",
    "renderer = ",
    "accent = ",
    "base_font_px = ",
    "high_contrast = ",
    "logo = ",
    "number = ",
    "urgent = ",
    '"en"',
    '["en", "es"]',
    "[1, 2]",
    "nan",
    "inf",
    "-0",
    "1e400",
    "99999999999999999999",
    "true",
    '"#12345G"',
    '"#FFFFFF"',
    "2026-01-01",
    "{a = 1}",
    '"',
    "'",
    "[",
    "=",
    "\n",
    "\x00",
    "\ufeff",
    "sueño = ",
    '"[Clinic]"',
]
tomlish = st.lists(
    st.one_of(st.sampled_from(TOML_FRAGMENTS), st.text(max_size=8)), max_size=30
).map("".join)


@FUZZ
@given(config=tomlish, strings=tomlish, synonyms=tomlish)
def test_random_toml_files(monkeypatch, config, strings, synonyms):
    catalog = load(
        {"kiosk.toml": config, "en/strings.toml": strings, "en/synonyms.toml": synonyms},
        monkeypatch,
    )
    kiosk = catalog.config.kiosk
    assert catalog.config.default_language in catalog.config.languages
    assert 30 <= catalog.config.idle_timeout_s <= 3600
    assert 20 <= catalog.config.warning_s <= 600
    assert 1.0 <= kiosk["text_scale"] <= 2.0
    assert isinstance(catalog.language(catalog.config.default_language).code, str)


@FUZZ
@given(config=st.one_of(tomlish, st.binary(max_size=100)))
def test_random_config_alone(config):
    with tempfile.TemporaryDirectory() as folder:
        write(Path(folder) / "kiosk.toml", config)
        result = load_config(Path(folder))
        for problem in result.problems:
            assert problem.file == "kiosk.toml" and problem.message
            assert problem.line is None or problem.line >= 1


def test_dates_compare_with_today(monkeypatch):
    # The property tests draw datetimes; make sure the plain case stays covered too.
    front = f"title: T\nsummary: S\ntopic: t\nreview:\n  next_review: {dt.datetime(2001, 1, 1)}\n"
    load({"en/explainers/a.md": f"---\n{front}---\nText.\n"}, monkeypatch)


# -- hostile structures (issue 19) ------------------------------------------------------------

CONTAINERS = ["- ", "* ", "+ ", "1. ", "> ", "    ", "\t", "[", "(", "*", "_", "`"]
nested_line = st.lists(st.sampled_from(CONTAINERS), max_size=60).map(lambda p: "".join(p) + "x")
nested_markdown = st.lists(nested_line, max_size=30).map("\n".join)


@FUZZ
@given(body=nested_markdown)
def test_deep_nesting_is_refused_or_parsed_never_a_crash(monkeypatch, body):
    catalog = load(
        {"en/explainers/deep.md": f"---\ntitle: T\nsummary: S\ntopic: t\n---\n{body}"}, monkeypatch
    )
    codes = {p.code for p in catalog.problems}
    assert "file-failed" not in codes and "file-too-slow" not in codes


@FUZZ
@given(front=structured_front_matter(), anchor=st.sampled_from(["&a ", "*a", "&b [x]", "<<: *a"]))
def test_yaml_anchors_and_aliases_are_always_refused(monkeypatch, front, anchor):
    text = f"---\n{front}x: {anchor}\n---\nText.\n"
    catalog = load({"en/explainers/a.md": text}, monkeypatch)
    assert "a" not in catalog.languages["en"].explainers
    assert any(p.code == "front-matter-syntax" for p in catalog.problems)


@FUZZ
@given(explainer=markdown_file(), topic=markdown_file(), config=tomlish)
def test_the_content_cache_gives_back_exactly_what_was_loaded(
    monkeypatch, explainer, topic, config
):
    import json

    from kiosk.content.cache import decode, encode

    catalog = load(
        {"en/explainers/fuzz.md": explainer, "en/questions/fuzz.md": topic, "kiosk.toml": config},
        monkeypatch,
    )
    again = decode(json.loads(json.dumps(encode(catalog))))
    assert again == catalog
    assert again.config.problems == catalog.config.problems
