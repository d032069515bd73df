"""`kiosk export-site`: valid, accessible, self-contained HTML with no broken link."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import html5lib
import pytest

from kiosk.cli import main
from kiosk.content import load_catalog
from kiosk.outputs import paths
from tests.conftest import BUNDLED

AXE = Path(__file__).parent / "fixtures" / "axe" / "axe.min.js"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    assert main(["export-site", "--content", str(BUNDLED), "--out", str(out)]) == 0
    return out


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


class Collect(HTMLParser):
    """Every attribute that names another resource, plus what the accessibility checks need."""

    def __init__(self):
        super().__init__()
        self.refs: list[tuple[str, str]] = []
        self.html_lang = ""
        self.headings: list[int] = []
        self.images: list[dict[str, str | None]] = []
        self.ids: set[str] = set()
        self.hreflang: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.html_lang = a.get("lang") or ""
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag == "img":
            self.images.append(a)
        if a.get("id"):
            self.ids.add(a["id"])
        for name in ("href", "src"):
            if a.get(name) is not None:
                self.refs.append((tag, a[name]))
        if a.get("hreflang") and a.get("href"):
            self.hreflang.append((a["hreflang"], a["href"]))


def parsed(path: Path) -> Collect:
    collect = Collect()
    collect.feed(path.read_text(encoding="utf-8"))
    return collect


def test_every_page_of_the_scheme_exists_in_both_languages(site: Path):
    catalog = load_catalog(BUNDLED)
    for code, language in catalog.languages.items():
        assert (site / paths.index_path(code) / "index.html").is_file()
        for explainer in language.explainers.values():
            for number in range(len(explainer.pages)):
                page = site / paths.explainer_path(code, explainer.id, number) / "index.html"
                assert page.is_file(), page
        for topic in language.topics.values():
            assert (site / paths.topic_path(code, topic.id) / "index.html").is_file()
        for question in language.questions.values():
            page = site / paths.question_path(code, question.id) / "index.html"
            assert page.is_file(), page
            text = page.read_text(encoding="utf-8")
            assert f"<h1>{html.escape(question.title)}</h1>" in text


def test_html_is_valid(site: Path):
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    for path in html_files(site):
        text = path.read_text(encoding="utf-8")
        # strict=True raises on the first parse error (unclosed or misplaced tags too).
        parser.parse(text)
        assert text.startswith("<!DOCTYPE html>"), path


def test_no_broken_internal_link_and_nothing_from_the_network(site: Path):
    checked = 0
    for path in html_files(site):
        for tag, ref in parsed(path).refs:
            url = urlsplit(ref)
            if url.scheme == "tel":
                continue
            assert not url.scheme and not url.netloc, f"{path}: {tag} refers to {ref}"
            target = (path.parent / unquote(url.path)).resolve() if url.path else path.resolve()
            assert target.is_relative_to(site.resolve()), (path, ref)
            assert target.is_file(), f"{path.relative_to(site)}: broken link {ref}"
            if url.fragment:
                assert url.fragment in parsed(target).ids, (path, ref)
            checked += 1
    assert checked > 1000
    # Style sheets and scripts fetch nothing either (no @import, no url(http...)).
    for asset in (site / "assets").glob("*.*"):
        if asset.suffix in (".css", ".js"):
            text = asset.read_text(encoding="utf-8")
            assert not re.search(r"https?://|@import|//[a-z0-9.-]+\.[a-z]{2,}/", text), asset
    for url in re.findall(r'url\("([^"]+)"\)', (site / "assets" / "site.css").read_text()):
        assert (site / "assets" / url).is_file()


def test_translations_are_linked_both_ways(site: Path):
    page = site / paths.explainer_path("en", "getting-help", 1) / "index.html"
    links = dict(parsed(page).hreflang)
    spanish = (page.parent / links["es"]).resolve()
    assert spanish == (site / paths.explainer_path("es", "getting-help", 1) / "index.html")
    assert dict(parsed(spanish).hreflang)["en"]
    assert parsed(spanish).html_lang == "es"


def test_own_accessibility_checks(site: Path):
    """What the validator cannot see: language, picture descriptions, heading order."""
    for path in html_files(site):
        page = parsed(path)
        assert page.html_lang in ("en", "es"), path
        assert page.headings and page.headings[0] == 1 and page.headings.count(1) == 1, path
        for before, after in zip(page.headings, page.headings[1:], strict=False):
            assert after <= before + 1, f"{path}: heading h{before} then h{after}"
        for image in page.images:
            assert image.get("alt") is not None, (path, image)


def contrast(fg: str, bg: str) -> float:
    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_css_colour_pairs_meet_4_5_to_1(site: Path):
    css = (site / "assets" / "site.css").read_text()
    colour = dict(re.findall(r"--([a-z]+): (#[0-9A-Fa-f]{6})", css))
    pairs = [("text", "bg"), ("text", "surface"), ("muted", "bg"), ("muted", "surface")]
    pairs += [("accent", "bg"), ("accent", "surface"), ("urgent", "surface")]
    pairs += [("text", "tip"), ("text", "warning"), ("text", "note"), ("accent", "note")]
    for fg, bg in pairs:
        assert contrast(colour[fg], colour[bg]) >= 4.5, (fg, bg)


def run_chromium(url: str, *extra: str) -> str:
    with tempfile.TemporaryDirectory() as profile:
        result = subprocess.run(
            [
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                f"--user-data-dir={profile}",
                *extra,
                url,
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )
    return result.stdout


AXE_RUNNER = """
<script src="{axe}"></script>
<script>
axe.run(document, {{runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}})
  .then(function (r) {{
    var out = document.createElement("pre");
    out.id = "axe-result";
    out.textContent = JSON.stringify(r.violations.map(function (v) {{
      return {{id: v.id, help: v.help, nodes: v.nodes.map(function (n) {{ return n.html; }})}};
    }}));
    document.body.append(out);
  }});
</script>
"""


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
def test_axe_finds_no_violation_in_headless_chromium(site: Path, tmp_path: Path):
    """axe-core (vendored under tests/fixtures/axe) runs in each kind of page, offline."""
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    samples = ["index.html"]
    for code in ("en", "es"):
        samples += [
            paths.index_path(code),
            paths.explainer_path(code, "is-ketamine-addictive"),
            paths.explainer_path(code, "is-ketamine-addictive", 2),
            paths.topic_path(code, "safety"),
            paths.question_path(code, "is-ketamine-addictive"),
        ]
    for sample in samples:
        page = copy / sample / "index.html" if sample.endswith("/") else copy / sample
        text = page.read_text(encoding="utf-8")
        page.write_text(
            text.replace("</body>", AXE_RUNNER.format(axe=AXE.as_uri()) + "</body>"),
            encoding="utf-8",
        )
        dom = run_chromium(page.as_uri(), "--virtual-time-budget=20000", "--dump-dom")
        match = re.search(r'<pre id="axe-result">(.*?)</pre>', dom, re.S)
        assert match, f"axe did not run on {sample}"
        violations = json.loads(
            match.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
        )
        assert violations == [], f"{sample}: {violations}"


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
def test_opens_from_file_url_with_its_font_and_search(site: Path, tmp_path: Path):
    page = site / paths.index_path("en") / "index.html"
    dom = run_chromium(page.as_uri(), "--virtual-time-budget=5000", "--dump-dom")
    # The optional search script ran from file:// and built its field.
    assert 'id="search-input"' in dom
    shot = tmp_path / "shot.png"
    run_chromium(page.as_uri(), "--window-size=900,1400", f"--screenshot={shot}")
    assert shot.stat().st_size > 10_000


def test_a_new_export_replaces_the_last_and_leaves_other_folders_alone(tmp_path: Path, capsys):
    out = tmp_path / "site"
    argv = ["export-site", "--content", str(BUNDLED), "--out", str(out)]
    assert main(argv) == 0
    stale = out / "en" / "explainers" / "removed-since" / "index.html"
    stale.parent.mkdir()
    stale.write_text("<!DOCTYPE html><title>old</title>")
    assert main(argv) == 0
    assert not stale.exists()
    assert (out / "en" / "index.html").is_file()

    other = tmp_path / "documents"
    other.mkdir()
    (other / "letter.txt").write_text("keep me")
    assert main(["export-site", "--content", str(BUNDLED), "--out", str(other)]) == 1
    assert "not empty" in capsys.readouterr().err
    assert sorted(p.name for p in other.iterdir()) == ["letter.txt"]
