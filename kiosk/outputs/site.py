"""`kiosk export-site`: the content folder as a static, accessible website.

Plain HTML and one style sheet: no JavaScript is needed to read it (a small search script
is only an addition), nothing is fetched from elsewhere (the font and pictures are copied
next to the pages), and every link names its index.html so the site works from file:// as
well as from any web server. The addresses follow kiosk.outputs.paths.
"""

from __future__ import annotations

import html
import json
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from kiosk import assets_dir
from kiosk.content.blocks import INTERNAL_LINK
from kiosk.content.model import Block, Catalog, Language, Review, is_draft
from kiosk.outputs import paths
from kiosk.outputs.texts import review_lines, say

FONTS_DIR = assets_dir() / "fonts"
SEARCH_JS = Path(__file__).resolve().parent / "site_search.js"
_A_TAG = re.compile(r'<a href="([^"]*)">(.*?)</a>', re.S)
_NON_DIGIT = re.compile(r"[^\d+]")


@dataclass
class Page:
    """One HTML file to write: its path in the scheme and its parts."""

    path: str
    lang: str
    title: str
    main: str
    translations: dict[str, str] = field(default_factory=dict)  # lang -> path


def _e(text: str) -> str:
    return html.escape(text, quote=True)


class SiteBuilder:
    def __init__(self, catalog: Catalog, langs: list[str]):
        self.catalog = catalog
        self.langs = langs
        self.clinic = catalog.config.clinic
        self.theme = catalog.config.theme
        self.images: set[str] = set()

    # -- links ------------------------------------------------------------------------

    def target_path(self, lang: str, kind: str, item_id: str) -> str | None:
        language = self.catalog.languages[lang]
        if kind == "explainer" and item_id in language.explainers:
            return paths.explainer_path(lang, item_id)
        if kind == "question" and item_id in language.questions:
            return paths.question_path(lang, item_id)
        return None

    def rich(self, text: str, lang: str, here: str) -> str:
        """Block rich text with kiosk links made into links between the site's pages."""

        def link(match: re.Match) -> str:
            href, label = match.group(1), match.group(2)
            internal = INTERNAL_LINK.match(href)
            target = internal and self.target_path(lang, internal.group(1), internal.group(2))
            if not target:
                return label
            return f'<a href="{_e(paths.relative(here, target))}">{label}</a>'

        return _A_TAG.sub(link, text)

    def asset(self, here: str, name: str) -> str:
        return paths.relative(here, "assets/" + name)

    # -- blocks -----------------------------------------------------------------------

    def block_html(self, block: Block, lang: str, here: str) -> str:
        kind = block.kind
        rich = lambda t: self.rich(t, lang, here)  # noqa: E731
        if kind == "heading":
            # Inside a page, a `###` is a section of that page: one level under its <h1>.
            level = min(max(block.level - 1, 2), 4)
            return f"<h{level}>{rich(block.text)}</h{level}>"
        if kind == "paragraph":
            return f"<p>{rich(block.text)}</p>"
        if kind in ("list", "steps"):
            tag = "ul" if kind == "list" else "ol"
            items = "".join(f"<li>{rich(i)}</li>" for i in block.items)
            return f'<{tag} class="{kind}">{items}</{tag}>'
        if kind == "callout":
            title = f'<p class="callout-title">{_e(block.title)}</p>' if block.title else ""
            variant = re.sub(r"[^a-z]", "", block.variant) or "note"
            return f'<div class="callout {variant}" role="note">{title}<div>{rich(block.text)}</div></div>'
        if kind == "table":
            head = "".join(f'<th scope="col">{rich(h)}</th>' for h in block.header)
            rows = "".join(
                "<tr>" + "".join(f"<td>{rich(c)}</td>" for c in row) + "</tr>" for row in block.rows
            )
            thead = f"<thead><tr>{head}</tr></thead>" if head else ""
            return f"<table>{thead}<tbody>{rows}</tbody></table>"
        if kind == "image":
            return self.image_html(block.src, block.alt, here)
        return ""

    def image_html(self, src: str, alt: str, here: str, css: str = "picture") -> str:
        root = self.catalog.root.resolve()
        path = (root / src).resolve()
        if not path.is_file() or not path.is_relative_to(root):
            return f"<p>{_e(alt)}</p>" if alt else ""
        rel = path.relative_to(root).as_posix()
        self.images.add(rel)
        return f'<img class="{css}" src="{_e(self.asset(here, rel))}" alt="{_e(alt)}">'

    # -- shared parts of every page ---------------------------------------------------

    def crisis_html(self, language: Language) -> str:
        lines = "".join(
            f'<li><strong>{_e(line.name)}: <a href="tel:{_e(_NON_DIGIT.sub("", line.number))}">'
            f"{_e(line.number)}</a></strong> {_e(line.detail)}</li>"
            for line in language.help_lines
        )
        return (
            f'<section class="crisis" aria-labelledby="crisis-title">'
            f'<h2 id="crisis-title">{_e(say(language, "output_crisis"))}</h2>'
            f"<ul>{lines}</ul></section>"
        )

    def clinic_html(self, language: Language) -> str:
        rows = [
            ("clinic_name_label", "name"),
            ("clinic_phone_label", "phone"),
            ("clinic_address_label", "address"),
            ("clinic_hours_label", "hours"),
        ]
        items = "".join(
            f"<dt>{_e(say(language, label))}</dt><dd>{_e(self.clinic.get(key, ''))}</dd>"
            for label, key in rows
            if self.clinic.get(key)
        )
        return (
            f'<section class="clinic" aria-labelledby="clinic-title">'
            f'<h2 id="clinic-title">{_e(say(language, "clinic_contact_heading"))}</h2>'
            f"<dl>{items}</dl></section>"
        )

    def about_html(self, language: Language, sources: tuple[str, ...], review: Review | None):
        parts = ['<section class="about" aria-labelledby="sources-title">']
        parts.append(f'<h2 id="sources-title">{_e(say(language, "output_sources"))}</h2>')
        if sources:
            parts.append("<ul>" + "".join(f"<li>{_e(s)}</li>" for s in sources) + "</ul>")
        parts.append(f"<h3>{_e(say(language, 'output_review'))}</h3>")
        parts += [f"<p>{_e(line)}</p>" for line in review_lines(language, review)]
        parts.append("</section>")
        return "".join(parts)

    def draft_html(self, language: Language, review: Review | None) -> str:
        if not is_draft(review):
            return ""
        return f'<p class="draft"><strong>{_e(say(language, "output_draft"))}</strong></p>'

    def render(self, page: Page) -> str:
        language = self.catalog.languages[page.lang]
        here = page.path
        alternates = "".join(
            f'<link rel="alternate" hreflang="{code}" href="{_e(paths.relative(here, p))}">'
            for code, p in page.translations.items()
        )
        other = "".join(
            f'<li><a href="{_e(paths.relative(here, p))}" hreflang="{code}" lang="{code}">'
            f"{_e(say(self.catalog.languages[code], 'output_other_language'))}</a></li>"
            for code, p in page.translations.items()
            if code != page.lang
        )
        home = paths.relative(here, paths.index_path(page.lang))
        site_title = say(language, "output_site_title")
        clinic_name = self.clinic.get("name", "")
        search = ""
        if page.path == paths.index_path(page.lang):
            search = (
                f'<script src="{_e(self.asset(here, "search.js"))}" defer></script>'
                f'<script src="{_e(self.asset(here, f"search-{page.lang}.js"))}" defer></script>'
            )
        return (
            "<!DOCTYPE html>\n"
            f'<html lang="{page.lang}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{_e(page.title)} - {_e(clinic_name or site_title)}</title>\n"
            f'<link rel="stylesheet" href="{_e(self.asset(here, "site.css"))}">\n'
            f"{alternates}{search}\n</head>\n<body>\n"
            f'<a class="skip" href="#main">{_e(say(language, "output_skip"))}</a>\n'
            f'<header class="top"><p class="clinic-name"><a href="{_e(home)}">'
            f"{_e(clinic_name)} - {_e(site_title)}</a></p>"
            f'<nav aria-label="{_e(say(language, "toolbar_name"))}"><ul>'
            f'<li><a href="{_e(home)}">{_e(say(language, "back_to_home"))}</a></li>{other}'
            "</ul></nav></header>\n"
            f'<main id="main">\n{page.main}\n</main>\n'
            f'<footer class="bottom">{self.crisis_html(language)}{self.clinic_html(language)}'
            "</footer>\n</body>\n</html>\n"
        )

    # -- the pages --------------------------------------------------------------------

    def translations(self, kind: str, item_id: str, page: int = 0) -> dict[str, str]:
        found = {}
        for code in self.langs:
            language = self.catalog.languages[code]
            if kind == "explainer" and item_id in language.explainers:
                if page < len(language.explainers[item_id].pages):
                    found[code] = paths.explainer_path(code, item_id, page)
            elif kind == "question" and item_id in language.questions:
                found[code] = paths.question_path(code, item_id)
            elif kind == "topic" and item_id in language.topics:
                found[code] = paths.topic_path(code, item_id)
            elif kind == "index":
                found[code] = paths.index_path(code)
        return found

    def pages(self) -> list[Page]:
        result = []
        for code in self.langs:
            language = self.catalog.languages[code]
            result.append(self.index_page(language))
            for explainer in language.explainer_list():
                count = len(explainer.pages)
                for number, page in enumerate(explainer.pages):
                    here = paths.explainer_path(code, explainer.id, number)
                    title = page.title if number and page.title else explainer.title
                    nav = []
                    if number:
                        back = paths.explainer_path(code, explainer.id, number - 1)
                        nav.append(
                            f'<a rel="prev" href="{_e(paths.relative(here, back))}">'
                            f"{_e(say(language, 'previous_page'))}</a>"
                        )
                    nav.append(
                        f'<span class="page-of">'
                        f"{_e(say(language, 'page_of', page=number + 1, count=count))}</span>"
                    )
                    if number + 1 < count:
                        ahead = paths.explainer_path(code, explainer.id, number + 1)
                        nav.append(
                            f'<a rel="next" href="{_e(paths.relative(here, ahead))}">'
                            f"{_e(say(language, 'next_page'))}</a>"
                        )
                    kicker = f'<p class="kicker">{_e(explainer.title)}</p>' if number else ""
                    body = "".join(self.block_html(b, code, here) for b in page.blocks)
                    related = self.related_html(language, explainer.links, here)
                    main = (
                        f"<article>{kicker}<h1>{_e(title)}</h1>"
                        f"{self.draft_html(language, explainer.review)}{body}"
                        f"{related if number + 1 == count else ''}"
                        f'<nav class="pages" aria-label="{_e(explainer.title)}">'
                        f"{' '.join(nav)}</nav>"
                        f"{self.about_html(language, explainer.sources, explainer.review)}"
                        "</article>"
                    )
                    result.append(
                        Page(
                            here,
                            code,
                            title,
                            main,
                            self.translations("explainer", explainer.id, number),
                        )
                    )
            for topic in language.topic_list():
                result.append(self.topic_page(language, topic))
                for question in topic.questions:
                    here = paths.question_path(code, question.id)
                    body = "".join(self.block_html(b, code, here) for b in question.blocks)
                    topic_link = paths.relative(here, paths.topic_path(code, topic.id))
                    main = (
                        f'<article><p class="kicker"><a href="{_e(topic_link)}">{_e(topic.title)}'
                        f"</a></p><h1>{_e(question.title)}</h1>"
                        f"{self.draft_html(language, topic.review)}{body}"
                        f"{self.related_html(language, question.related, here)}"
                        f'<p><a href="{_e(topic_link)}">{_e(say(language, "more_on_topic"))}</a></p>'
                        f"{self.about_html(language, topic.sources, topic.review)}</article>"
                    )
                    result.append(
                        Page(
                            here,
                            code,
                            question.title,
                            main,
                            self.translations("question", question.id),
                        )
                    )
        return result

    def related_html(self, language: Language, links, here: str) -> str:
        items = []
        for link in links:
            target = self.target_path(language.code, link.kind, link.id)
            if target:
                items.append(
                    f'<li><a href="{_e(paths.relative(here, target))}">{_e(link.label)}</a></li>'
                )
        if not items:
            return ""
        return (
            f'<section class="related" aria-labelledby="related-title">'
            f'<h2 id="related-title">{_e(say(language, "related_heading"))}</h2>'
            f"<ul>{''.join(items)}</ul></section>"
        )

    def topic_page(self, language: Language, topic) -> Page:
        code = language.code
        here = paths.topic_path(code, topic.id)
        items = "".join(
            f'<li><a href="{_e(paths.relative(here, paths.question_path(code, q.id)))}">'
            f"{_e(q.title)}</a></li>"
            for q in topic.questions
        )
        main = (
            f"<h1>{_e(topic.title)}</h1><p>{_e(topic.summary)}</p>"
            f'{self.draft_html(language, topic.review)}<ul class="questions">{items}</ul>'
            f"{self.about_html(language, topic.sources, topic.review)}"
        )
        return Page(here, code, topic.title, main, self.translations("topic", topic.id))

    def index_page(self, language: Language) -> Page:
        code = language.code
        here = paths.index_path(code)
        cards = []
        for explainer in language.explainer_list():
            link = paths.relative(here, paths.explainer_path(code, explainer.id))
            picture = (
                self.image_html(explainer.image, "", here, "card-picture")
                if explainer.image
                else ""
            )
            cards.append(
                f'<li>{picture}<a href="{_e(link)}">{_e(explainer.title)}</a>'
                f"<p>{_e(explainer.summary)}</p></li>"
            )
        topics = []
        for topic in language.topic_list():
            link = paths.relative(here, paths.topic_path(code, topic.id))
            questions = "".join(
                f'<li><a href="{_e(paths.relative(here, paths.question_path(code, q.id)))}">'
                f"{_e(q.title)}</a></li>"
                for q in topic.questions
            )
            topics.append(
                f'<li><h3><a href="{_e(link)}">{_e(topic.title)}</a></h3><ul>{questions}</ul></li>'
            )
        title = say(language, "home_title")
        main = (
            f"<h1>{_e(title)}</h1>"
            f'<div id="search" data-label="{_e(say(language, "search_label"))}" '
            f'data-hint="{_e(say(language, "output_search_hint"))}"></div>'
            f'<section aria-labelledby="explainers-title"><h2 id="explainers-title">'
            f'{_e(say(language, "explainers_heading"))}</h2><ul class="cards">{"".join(cards)}</ul></section>'
            f'<section aria-labelledby="topics-title"><h2 id="topics-title">'
            f'{_e(say(language, "topics_heading"))}</h2><ul class="topics">{"".join(topics)}</ul></section>'
        )
        return Page(here, code, title, main, self.translations("index", ""))

    def root_page(self) -> str:
        """The language choice at the site's root, each name in its own language."""
        items = "".join(
            f'<li lang="{code}"><a href="{_e(paths.relative("", paths.index_path(code)))}" '
            f'hreflang="{code}">{_e(self.catalog.languages[code].strings.get("language_name", code))}</a>'
            f" - {_e(say(self.catalog.languages[code], 'output_choose_language'))}</li>"
            for code in self.langs
        )
        first = self.catalog.languages[self.langs[0]]
        name = self.clinic.get("name", "") or say(first, "output_site_title")
        return (
            "<!DOCTYPE html>\n"
            f'<html lang="{first.code}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{_e(name)}</title>\n"
            f'<link rel="stylesheet" href="assets/site.css">\n</head>\n<body>\n'
            f'<main id="main"><h1>{_e(name)}</h1><ul class="languages">{items}</ul></main>\n'
            f'<footer class="bottom">{self.crisis_html(first)}</footer>\n</body>\n</html>\n'
        )

    def search_data(self, language: Language) -> str:
        """The index page's search script data: question titles and answers' words."""
        here = paths.index_path(language.code)
        entries = [
            {
                "t": q.title,
                "w": q.plain[:600],
                "u": paths.relative(here, paths.question_path(language.code, q.id)),
            }
            for q in language.questions.values()
        ]
        return "window.kioskSearch = " + json.dumps(entries, ensure_ascii=False) + ";\n"

    def css(self) -> str:
        t = self.theme
        return CSS_TEMPLATE.format(**t)


CSS_TEMPLATE = """\
@font-face {{ font-family: "Atkinson Hyperlegible"; font-weight: 400; font-style: normal;
  src: url("fonts/AtkinsonHyperlegible-Regular.ttf") format("truetype"); }}
@font-face {{ font-family: "Atkinson Hyperlegible"; font-weight: 700; font-style: normal;
  src: url("fonts/AtkinsonHyperlegible-Bold.ttf") format("truetype"); }}
@font-face {{ font-family: "Atkinson Hyperlegible"; font-weight: 400; font-style: italic;
  src: url("fonts/AtkinsonHyperlegible-Italic.ttf") format("truetype"); }}
:root {{ --bg: {background}; --surface: {surface}; --text: {text}; --muted: {muted};
  --accent: {accent}; --urgent: {urgent}; --border: {border}; --focus: {focus};
  --tip: {tip}; --warning: {warning}; --note: {note}; }}
* {{ box-sizing: border-box; }}
html {{ font-size: 125%; }}
body {{ margin: 0; background: var(--bg); color: var(--text); line-height: 1.5;
  font-family: "Atkinson Hyperlegible", Verdana, sans-serif; }}
a {{ color: var(--accent); text-underline-offset: 0.15em; }}
a:focus-visible {{ outline: 3px solid var(--focus); outline-offset: 2px; }}
.skip {{ position: absolute; left: -999em; }}
.skip:focus {{ left: 1rem; top: 1rem; background: var(--surface); padding: 0.5rem; }}
header.top, main, footer.bottom {{ max-width: 42rem; margin: 0 auto; padding: 0 1rem; }}
header.top {{ padding-top: 1rem; }}
header.top nav ul {{ list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 1.5rem; }}
.clinic-name {{ font-weight: 700; margin: 0; }}
h1 {{ font-size: 2rem; line-height: 1.2; margin: 1rem 0; }}
h2 {{ font-size: 1.4rem; margin-top: 2rem; }}
.kicker {{ color: var(--muted); margin-bottom: 0; }}
.draft {{ border: 2px solid var(--urgent); color: var(--urgent); padding: 0.5rem 1rem;
  background: var(--surface); }}
.callout {{ background: var(--note); border-left: 6px solid var(--accent); padding: 0.5rem 1rem;
  margin: 1rem 0; }}
.callout.tip {{ background: var(--tip); }}
.callout.warning, .callout.danger, .callout.caution {{ background: var(--warning); }}
.callout-title {{ font-weight: 700; margin: 0.5rem 0; }}
ol.steps {{ background: var(--surface); border: 1px solid var(--border); padding: 1rem 1rem 1rem 2.5rem; }}
li {{ margin-bottom: 0.4rem; }}
img.picture {{ display: block; max-width: 100%; width: 22rem; height: auto; margin: 1rem auto; }}
img.card-picture {{ display: block; width: 8rem; height: auto; }}
table {{ border-collapse: collapse; width: 100%; background: var(--surface); }}
th, td {{ border: 1px solid var(--border); padding: 0.4rem; text-align: left; vertical-align: top; }}
nav.pages {{ display: flex; gap: 1.5rem; align-items: baseline; margin: 2rem 0;
  font-size: 1.1rem; }}
nav.pages a {{ padding: 0.6rem 1rem; border: 2px solid var(--accent); border-radius: 0.4rem;
  text-decoration: none; font-weight: 700; }}
.about {{ color: var(--muted); font-size: 0.9rem; border-top: 1px solid var(--border);
  margin-top: 2rem; }}
ul.cards, ul.topics, ul.languages {{ list-style: none; padding: 0; }}
ul.cards > li, ul.topics > li {{ background: var(--surface); border: 1px solid var(--border);
  padding: 1rem; margin-bottom: 1rem; }}
ul.cards > li > a {{ font-size: 1.2rem; font-weight: 700; }}
.crisis {{ border: 3px solid var(--urgent); background: var(--surface); padding: 0 1rem;
  margin: 2rem 0 1rem; }}
.crisis h2 {{ color: var(--urgent); margin-top: 1rem; }}
.crisis strong, .crisis strong a {{ color: var(--urgent); }}
.clinic dt {{ font-weight: 700; }}
.clinic dd {{ margin: 0 0 0.5rem 0; }}
#search input {{ font: inherit; width: 100%; padding: 0.5rem; border: 2px solid var(--muted); }}
#search ul {{ padding-left: 1.2rem; }}
@media print {{ header.top nav, .skip, #search {{ display: none; }} }}
"""


MARKER = ".kiosk-site"


class ExportError(Exception):
    """The site cannot be written there (the message says why, for the editor)."""


def _prepare(out: Path) -> None:
    """An empty folder, or the last export's, emptied: a page whose content was removed
    must not stay published. Any other folder is left alone."""
    if out.exists() and any(out.iterdir()):
        if not (out / MARKER).is_file():
            raise ExportError(
                f"{out} is not empty and was not written by kiosk export-site: "
                "choose an empty or new folder"
            )
        for child in out.iterdir():
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            else:
                child.unlink()
    out.mkdir(parents=True, exist_ok=True)
    (out / MARKER).write_text(
        "Written by kiosk export-site. The next export replaces everything in this folder.\n",
        encoding="utf-8",
    )


def export_site(catalog: Catalog, out: Path, langs: list[str]) -> int:
    """Write the site into `out`; returns how many HTML pages it has."""
    builder = SiteBuilder(catalog, langs)
    pages = builder.pages()
    _prepare(out)
    for page in pages:
        target = out / page.path / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(builder.render(page), encoding="utf-8")
    (out / "index.html").write_text(builder.root_page(), encoding="utf-8")
    assets = out / "assets"
    (assets / "fonts").mkdir(parents=True, exist_ok=True)
    for font in FONTS_DIR.iterdir():
        if font.suffix in (".ttf", ".txt"):
            shutil.copyfile(font, assets / "fonts" / font.name)
    (assets / "site.css").write_text(builder.css(), encoding="utf-8")
    shutil.copyfile(SEARCH_JS, assets / "search.js")
    for code in langs:
        data = builder.search_data(catalog.languages[code])
        (assets / f"search-{code}.js").write_text(data, encoding="utf-8")
    root = catalog.root.resolve()
    for rel in sorted(builder.images):
        target = assets / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(root / rel, target)
    return len(pages) + 1
