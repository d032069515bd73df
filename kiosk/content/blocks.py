"""Markdown -> typed blocks, through a Python-Markdown extension.

The extension keeps internal links (`explainer:ID`, `question:ID`), turns every other link
into plain text (a kiosk never opens a browser), refuses remote images, escapes raw HTML,
and hands back the element tree; `to_blocks` maps that tree to the block kinds QML draws.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import markdown
from markdown import util as md_util
from markdown.extensions import Extension
from markdown.extensions.admonition import AdmonitionExtension
from markdown.extensions.attr_list import AttrListExtension
from markdown.extensions.fenced_code import FencedCodeExtension
from markdown.extensions.sane_lists import SaneListExtension
from markdown.extensions.tables import TableExtension
from markdown.treeprocessors import Treeprocessor

from kiosk.content.model import Block, Link

SPAN_TAG = re.compile(r"</?span>")
INTERNAL_LINK = re.compile(r"^(explainer|question):([A-Za-z0-9][\w-]*)$")
REMOTE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
CALLOUT_KINDS = {"note", "tip", "warning", "important", "danger", "caution", "info"}
# A trailing "Related: [a](question:x), [b](explainer:y)" line is shown as buttons instead.
RELATED_FILLER = re.compile(r"^[\s,;.·|/&\-]*(?:(?:and|or|y|o|e|ou|et)[\s,;.·|/&\-]*)*$", re.I)


@dataclass
class Findings:
    """What one conversion found, for the loader's checks."""

    links: list[Link] = field(default_factory=list)
    external_links: list[str] = field(default_factory=list)
    images: list[str] = field(default_factory=list)
    remote_images: list[str] = field(default_factory=list)


class _KioskTreeprocessor(Treeprocessor):
    def __init__(self, md: markdown.Markdown, ext: KioskExtension):
        super().__init__(md)
        self.ext = ext

    def run(self, root: ET.Element) -> None:
        findings = self.ext.findings
        self._resolve_placeholders(root)
        for parent in root.iter():
            for child in list(parent):
                if child.tag == "a":
                    self._link(child, findings)
                elif child.tag == "img":
                    self._image(parent, child, findings)

    def _resolve_placeholders(self, root: ET.Element) -> None:
        """Undo what Python-Markdown leaves for its serialiser, since we take the tree instead.

        Entities (`&amp;`, `&copy;`) are stashed as placeholders, e-mail autolinks are
        obfuscated with an ampersand placeholder, and code text is already HTML-escaped; the
        serialiser's postprocessors would fix all three, but the tree still has them.
        """
        stash = self.md.htmlStash.rawHtmlBlocks

        def stashed(match: re.Match) -> str:
            index = int(match.group(1))
            if index >= len(stash):
                return ""
            item = stash[index]
            if not isinstance(item, str):
                return "".join(item.itertext())
            # Entities are stashed as themselves (`&amp;`), fenced code as `<pre><code>`
            # markup around escaped text: either way, the text is what is left.
            return html.unescape(_TAG.sub("", item))

        def clean(text: str | None, *, code: bool = False) -> str | None:
            if not text:
                return text
            if code:
                return html.unescape(text)
            if md_util.AMP_SUBSTITUTE in text:
                text = html.unescape(text.replace(md_util.AMP_SUBSTITUTE, "&"))
            if md_util.STX in text:
                text = md_util.HTML_PLACEHOLDER_RE.sub(stashed, text)
            return text

        for element in root.iter():
            element.text = clean(element.text, code=element.tag == "code")
            element.tail = clean(element.tail)
            for name, value in element.attrib.items():
                element.set(name, clean(value) or "")

    def _link(self, element: ET.Element, findings: Findings) -> None:
        href = (element.get("href") or "").strip()
        match = INTERNAL_LINK.match(href)
        label = "".join(element.itertext()).strip()
        if match:
            findings.links.append(Link(match.group(1), match.group(2), label))
            element.attrib = {"href": href}
            return
        findings.external_links.append(href)
        element.tag = "span"
        element.attrib = {}

    def _image(self, parent: ET.Element, element: ET.Element, findings: Findings) -> None:
        src = (element.get("src") or "").strip()
        if REMOTE.match(src):
            findings.remote_images.append(src)
            # Keep the description so the page still makes sense without the picture.
            element.tag = "span"
            element.text = element.get("alt", "")
            element.attrib = {}
            return
        findings.images.append(src)


class _CaptureTree(Treeprocessor):
    def __init__(self, md: markdown.Markdown, ext: KioskExtension):
        super().__init__(md)
        self.ext = ext

    def run(self, root: ET.Element) -> None:
        self.ext.root = root


class KioskExtension(Extension):
    """Safe, kiosk-flavoured markdown: no raw HTML, no outside links, no remote images."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.findings = Findings()
        self.root: ET.Element | None = None

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown API)
        md.registerExtension(self)
        # Raw HTML is shown as text, never interpreted.
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_KioskTreeprocessor(md, self), "kiosk_links", 5)
        md.treeprocessors.register(_CaptureTree(md, self), "kiosk_capture", -10)

    def reset(self) -> None:
        self.findings = Findings()
        self.root = None


class BlockRenderer:
    """Converts markdown fragments to blocks. One instance per thread (Markdown is stateful)."""

    def __init__(self):
        self.extension = KioskExtension()
        self.md = markdown.Markdown(
            # fenced_code: the loader does not split pages at a `##` inside ``` fences, so
            # the renderer must not make a heading of it either. The extensions are given as
            # objects: by name ("tables"), Markdown looks them up among every installed
            # package's entry points, ~0.05 s of each cold load.
            extensions=[
                TableExtension(),
                AdmonitionExtension(),
                SaneListExtension(),
                AttrListExtension(),
                FencedCodeExtension(),
                self.extension,
            ]
        )

        # render() reads the element tree kiosk_capture keeps; the HTML string convert()
        # would also build is thrown away, so skip serialising it (~12% of a large load).
        self.md.serializer = _no_html

    def render(self, text: str) -> tuple[list[Block], Findings]:
        self.md.reset()
        self.md.convert(text)
        root = self.extension.root
        findings = self.extension.findings
        blocks = to_blocks(root) if root is not None else []
        return blocks, findings


_IMG_TAG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r'([a-zA-Z-]+)="([^"]*)"')


def resolve_inline_images(text: str, root: Path) -> str:
    """Rich text with its <img> (in list items, table cells, callouts) pointing at files
    inside the content folder, or replaced by their description.

    Qt resolves a relative src against the QML folder and takes an absolute one as it is,
    so a picture from /usr/share could show; only regular files inside `root` are kept."""
    if "<img" not in text:
        return text
    real_root = root.resolve()

    def replace(match: re.Match) -> str:
        attrs = {k.lower(): html.unescape(v) for k, v in _ATTR.findall(match.group(0))}
        src, alt = attrs.get("src", ""), attrs.get("alt", "")
        path = root / src
        try:
            ok = bool(src) and not REMOTE.match(src) and path.resolve().is_relative_to(real_root)
            ok = ok and path.resolve().is_file()
        except (OSError, ValueError):
            ok = False
        if not ok:
            return _escape(alt)
        url = path.resolve().as_uri()
        return f'<img src="{html.escape(url)}" alt="{html.escape(alt)}">'

    return _IMG_TAG.sub(replace, text)


def _no_html(root: ET.Element) -> str:
    return "<div></div>"  # the empty document convert() expects to unwrap


def _escape(text: str | None) -> str:
    return html.escape(text or "", quote=False)


def inner_html(element: ET.Element) -> str:
    """Qt rich text for an element's content (text, inline children and their tails)."""
    parts = [_escape(element.text)]
    for child in element:
        tail = child.tail
        child.tail = None
        if child.tag == "p":
            parts.append(inner_html(child) + "<br>")
        else:
            parts.append(ET.tostring(child, encoding="unicode", method="html"))
        child.tail = tail
        parts.append(_escape(tail))
    # External links became <span>s: drop the tags, keep the words.
    return SPAN_TAG.sub("", "".join(parts)).strip()


def plain_text(element: ET.Element) -> str:
    return re.sub(r"\s+", " ", "".join(element.itertext())).strip()


def _list_items(element: ET.Element) -> tuple[tuple[str, ...], str]:
    items, plain = [], []
    for li in element.findall("li"):
        items.append(inner_html(li).removesuffix("<br>"))
        plain.append(plain_text(li))
    return tuple(items), "\n".join(plain)


def _is_related_line(element: ET.Element) -> bool:
    links = [a for a in element.iter("a") if INTERNAL_LINK.match(a.get("href", ""))]
    if not links or len(links) != len(list(element)):
        return False
    text = element.text or ""
    if ":" in text:
        text = text.split(":", 1)[1]
    filler = text + "".join(a.tail or "" for a in links)
    return bool(RELATED_FILLER.match(filler))


def to_blocks(root: ET.Element) -> list[Block]:
    blocks: list[Block] = []
    children = list(root)
    for index, element in enumerate(children):
        tag = element.tag
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            text = plain_text(element)
            blocks.append(Block("heading", text=inner_html(element), level=int(tag[1]), plain=text))
        elif tag == "p":
            images = list(element.iter("img"))
            text = plain_text(element)
            if images and not text:
                for img in images:
                    alt = img.get("alt", "")
                    blocks.append(Block("image", src=img.get("src", ""), alt=alt, plain=""))
                continue
            if index == len(children) - 1 and _is_related_line(element):
                continue
            pictures = [(img.get("src", ""), img.get("alt", "")) for img in images]
            for img in images:
                img.tag, img.text, img.attrib = "span", "", {}
            blocks.append(Block("paragraph", text=inner_html(element), plain=text))
            # A picture inside a sentence is shown after it, full width.
            blocks.extend(Block("image", src=src, alt=alt) for src, alt in pictures)
        elif tag in ("ul", "ol"):
            items, plain = _list_items(element)
            if items:
                blocks.append(Block("list" if tag == "ul" else "steps", items=items, plain=plain))
        elif tag == "div" and "admonition" in element.get("class", ""):
            classes = element.get("class", "").split()
            variant = next((c for c in classes if c in CALLOUT_KINDS), "note")
            title_el = element.find("p[@class='admonition-title']")
            title = plain_text(title_el) if title_el is not None else ""
            if title_el is not None:
                element.remove(title_el)
            body = _callout_body(element)
            blocks.append(
                Block(
                    "callout",
                    text=body,
                    variant=variant,
                    title=title,
                    plain=(title + "\n" + plain_text(element)).strip(),
                )
            )
        elif tag == "blockquote":
            blocks.append(
                Block(
                    "callout",
                    text=_callout_body(element),
                    variant="note",
                    plain=plain_text(element),
                )
            )
        elif tag == "table":
            header = tuple(inner_html(th) for th in element.iter("th"))
            rows = tuple(
                tuple(inner_html(td) for td in tr.findall("td"))
                for tr in element.iter("tr")
                if tr.findall("td")
            )
            blocks.append(Block("table", header=header, rows=rows, plain=plain_text(element)))
        elif tag == "hr":
            continue
        else:
            text = plain_text(element)
            if text:
                blocks.append(Block("paragraph", text=_escape(text), plain=text))
    return blocks


def _callout_body(element: ET.Element) -> str:
    parts = []
    for child in element:
        if child.tag == "p":
            parts.append(inner_html(child))
        elif child.tag in ("ul", "ol"):
            parts.append(ET.tostring(child, encoding="unicode", method="html").strip())
        else:
            parts.append(_escape(plain_text(child)))
    body = "<br><br>".join(p for p in parts if p)
    return body or inner_html(element)
