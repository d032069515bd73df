"""Printable handouts: one PDF per explainer and per question topic, through Qt's own text
layout (QTextDocument) and PDF writer (QPdfWriter), so the text in the PDF is real text.

Each page has the clinic's name at the top and, at the bottom, the crisis lines and
"Page 2 of 3". The document ends with the crisis lines in full, the clinic's contact, the
sources and the review status; a draft says so under the title.
"""

from __future__ import annotations

import html
import logging
from dataclasses import dataclass
from pathlib import Path

from kiosk.content.model import Block, Catalog, Explainer, Language, Review, Topic, is_draft
from kiosk.outputs.texts import review_lines, say, unlink

log = logging.getLogger("kiosk.handout")

PAPERS = ("letter", "a4")
DPI = 300
MARGIN_MM = 18.0
HEADER_MM = 10.0
FOOTER_MM = 20.0
FONT_FAMILY = "Atkinson Hyperlegible"
CALLOUT_COLOURS = {"tip": "#E6F2EC", "warning": "#FBEBD8", "danger": "#FBEBD8"}
NOTE_COLOUR = "#E8EEF6"
URGENT = "#9B1C1C"
INK = "#1F2933"
STYLE = f"""
body {{ font-family: '{FONT_FAMILY}'; font-size: 14pt; color: {INK}; }}
h1 {{ font-size: 26pt; font-weight: bold; margin-bottom: 6pt; }}
h2 {{ font-size: 19pt; font-weight: bold; margin-top: 16pt; margin-bottom: 4pt; }}
h3 {{ font-size: 16pt; font-weight: bold; margin-top: 10pt; margin-bottom: 2pt; }}
h4 {{ font-size: 15pt; font-weight: bold; margin-top: 8pt; }}
p {{ margin-top: 0pt; margin-bottom: 8pt; line-height: 130%; }}
li {{ margin-bottom: 4pt; line-height: 125%; }}
.summary {{ font-size: 16pt; }}
.caption {{ font-size: 12pt; font-style: italic; }}
.small {{ font-size: 12pt; }}
.urgent {{ color: {URGENT}; }}
"""


@dataclass(frozen=True)
class Handout:
    """One handout to write: an explainer or a topic in one language."""

    kind: str  # explainer | topic
    id: str
    lang: str

    def file_name(self) -> str:
        return f"{self.kind}-{self.id}.pdf"


def handouts(catalog: Catalog, langs: list[str], ids: list[str]) -> list[Handout]:
    """Every explainer and topic of those languages, or only those whose id is in `ids`."""
    chosen = []
    for code in langs:
        language = catalog.languages[code]
        for explainer in language.explainer_list():
            chosen.append(Handout("explainer", explainer.id, code))
        for topic in language.topic_list():
            chosen.append(Handout("topic", topic.id, code))
    return [h for h in chosen if not ids or h.id in ids]


def _box(inner: str, background: str, border: str = INK) -> str:
    # QTextDocument draws no borders around a div; a one-cell table is its box.
    return (
        f'<table width="100%" cellspacing="0" cellpadding="10" border="1" '
        f'style="border-color: {border}; border-style: solid; margin-top: 6pt; '
        f'margin-bottom: 10pt;" bgcolor="{background}"><tr><td>{inner}</td></tr></table>'
    )


class HandoutWriter:
    """Writes handouts for one catalog; needs a QGuiApplication (fonts, image decoding)."""

    def __init__(self, catalog: Catalog):
        self.catalog = catalog
        self.clinic = catalog.config.clinic
        self._images: dict[str, object] = {}

    # -- content to Qt rich text ------------------------------------------------------

    def block_html(self, block: Block, width_px: int) -> str:
        kind = block.kind
        if kind == "heading":
            level = min(max(block.level, 3), 4)
            return f"<h{level}>{unlink(block.text)}</h{level}>"
        if kind == "paragraph":
            return f"<p>{unlink(block.text)}</p>"
        if kind == "list":
            items = "".join(f"<li>{unlink(i)}</li>" for i in block.items)
            return f"<ul>{items}</ul>"
        if kind == "steps":
            # Steps are a checklist on paper: numbered, in a box, to tick off at home.
            items = "".join(f"<li>{unlink(i)}</li>" for i in block.items)
            return _box(f"<ol>{items}</ol>", "#FFFFFF")
        if kind == "callout":
            title = f"<p><b>{html.escape(block.title)}</b></p>" if block.title else ""
            colour = CALLOUT_COLOURS.get(block.variant, NOTE_COLOUR)
            return _box(f"{title}<p>{unlink(block.text)}</p>", colour)
        if kind == "table":
            head = "".join(f"<th align='left'>{unlink(h)}</th>" for h in block.header)
            rows = "".join(
                "<tr>" + "".join(f"<td>{unlink(c)}</td>" for c in row) + "</tr>"
                for row in block.rows
            )
            return (
                '<table width="100%" border="1" cellspacing="0" cellpadding="6" '
                f'style="border-color: {INK}; border-style: solid; border-collapse: collapse; '
                'margin-bottom: 10pt;">'
                f"<tr>{head}</tr>{rows}</table>"
            )
        if kind == "image":
            return self.image_html(block.src, block.alt, width_px)
        return ""

    def image_html(self, src: str, alt: str, width_px: int) -> str:
        name = self._image(src, width_px)
        if not name:
            return f'<p class="caption">{html.escape(alt)}</p>' if alt else ""
        # The description is printed under the picture: the PDF's text says what it shows.
        caption = f'<br><span class="caption">{html.escape(alt)}</span>' if alt else ""
        # Qt scales an <img> width by the page's DPI over the screen's: undo that, so the
        # picture is width_px wide on paper and drawn from a picture just as sharp.
        from PySide6.QtGui import QGuiApplication

        screen = QGuiApplication.primaryScreen()
        screen_dpi = screen.logicalDotsPerInchX() if screen else 96.0
        width_attr = round(width_px * screen_dpi / DPI)
        return (
            f'<p align="center"><img src="{name}" width="{width_attr}" '
            f'alt="{html.escape(alt)}">{caption}</p>'
        )

    def _image(self, src: str, width_px: int) -> str:
        """Render a content picture once; returns its resource name or "" if it cannot."""
        if src in self._images:
            return src if self._images[src] is not None else ""
        from PySide6.QtGui import QImage, QPainter
        from PySide6.QtSvg import QSvgRenderer

        root = self.catalog.root.resolve()
        path = (root / src).resolve()
        image = None
        if path.is_file() and path.is_relative_to(root):
            if path.suffix.lower() == ".svg":
                renderer = QSvgRenderer(str(path))
                if renderer.isValid():
                    size = renderer.defaultSize()
                    height = max(1, round(width_px * size.height() / max(1, size.width())))
                    image = QImage(width_px, height, QImage.Format.Format_ARGB32_Premultiplied)
                    image.fill(0)
                    painter = QPainter(image)
                    renderer.render(painter)
                    painter.end()
            else:
                loaded = QImage(str(path))
                image = None if loaded.isNull() else loaded
        if image is None:
            log.warning("handout: picture %s cannot be drawn; its description is printed", src)
        self._images[src] = image
        return src if image is not None else ""

    def crisis_html(self, language: Language) -> str:
        lines = "".join(
            f'<p><b class="urgent">{html.escape(line.name)}: {html.escape(line.number)}</b>'
            f"<br>{html.escape(line.detail)}</p>"
            for line in language.help_lines
        )
        title = f'<h2 class="urgent">{html.escape(say(language, "output_crisis"))}</h2>'
        return _box(title + lines, "#FFFFFF", URGENT)

    def clinic_html(self, language: Language) -> str:
        rows = [
            (say(language, "clinic_name_label"), self.clinic.get("name", "")),
            (say(language, "clinic_phone_label"), self.clinic.get("phone", "")),
            (say(language, "clinic_address_label"), self.clinic.get("address", "")),
            (say(language, "clinic_hours_label"), self.clinic.get("hours", "")),
        ]
        body = "".join(
            f"<p><b>{html.escape(label)}</b> {html.escape(value)}</p>"
            for label, value in rows
            if value
        )
        return f"<h2>{html.escape(say(language, 'clinic_contact_heading'))}</h2>{body}"

    def end_html(self, language: Language, sources: tuple[str, ...], review: Review | None):
        parts = [self.crisis_html(language), self.clinic_html(language)]
        if sources:
            items = "".join(f"<li>{html.escape(s)}</li>" for s in sources)
            parts.append(f"<h2>{html.escape(say(language, 'output_sources'))}</h2>")
            parts.append(f'<ul class="small">{items}</ul>')
        parts.append(f"<h2>{html.escape(say(language, 'output_review'))}</h2>")
        parts += [
            f'<p class="small">{html.escape(line)}</p>' for line in review_lines(language, review)
        ]
        return "".join(parts)

    def document_html(self, handout: Handout, width_px: int) -> tuple[str, str]:
        """(title, rich text) of a whole handout."""
        language = self.catalog.languages[handout.lang]
        item: Explainer | Topic
        if handout.kind == "explainer":
            item = language.explainers[handout.id]
        else:
            item = language.topics[handout.id]
        parts = [f"<h1>{html.escape(item.title)}</h1>"]
        if item.summary:
            parts.append(f'<p class="summary">{html.escape(item.summary)}</p>')
        if is_draft(item.review):
            parts.append(
                _box(
                    f'<p><b class="urgent">{html.escape(say(language, "output_draft"))}</b></p>',
                    "#FFFFFF",
                    URGENT,
                )
            )
        picture_px = round(width_px * 0.45)
        if isinstance(item, Explainer):
            for number, page in enumerate(item.pages):
                if number and page.title:
                    parts.append(f"<h2>{html.escape(page.title)}</h2>")
                parts += [self.block_html(b, picture_px) for b in page.blocks]
        else:
            for question in item.questions:
                parts.append(f"<h2>{html.escape(question.title)}</h2>")
                parts += [self.block_html(b, picture_px) for b in question.blocks]
        parts.append(self.end_html(language, item.sources, item.review))
        body = "".join(parts)
        return item.title, f'<html lang="{handout.lang}"><body>{body}</body></html>'

    # -- layout and PDF ---------------------------------------------------------------

    def write(self, handout: Handout, path: Path, paper: str) -> int:
        """Write one handout as a PDF; returns its page count."""
        from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, QUrl
        from PySide6.QtGui import (
            QAbstractTextDocumentLayout,
            QFont,
            QPageLayout,
            QPageSize,
            QPainter,
            QPdfWriter,
            QTextDocument,
        )

        language = self.catalog.languages[handout.lang]
        path.parent.mkdir(parents=True, exist_ok=True)
        writer = QPdfWriter(str(path))
        size = QPageSize(
            QPageSize.PageSizeId.Letter if paper == "letter" else QPageSize.PageSizeId.A4
        )
        writer.setPageLayout(
            QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
        )
        writer.setResolution(DPI)
        writer.setCreator("kiosk handout")
        full = writer.pageLayout().fullRectPixels(DPI)
        mm = DPI / 25.4
        margin, header_h, footer_h = MARGIN_MM * mm, HEADER_MM * mm, FOOTER_MM * mm
        body = QRectF(
            margin,
            margin + header_h,
            full.width() - 2 * margin,
            full.height() - 2 * margin - header_h - footer_h,
        )

        def new_document(text: str) -> QTextDocument:
            doc = QTextDocument()
            doc.documentLayout().setPaintDevice(writer)
            doc.setDefaultFont(QFont(FONT_FAMILY, 14))
            doc.setDefaultStyleSheet(STYLE)
            doc.setDocumentMargin(0)
            doc.setHtml(text)
            return doc

        title, text = self.document_html(handout, round(body.width()))
        writer.setTitle(title)
        # The pictures were drawn while the text was made; the document finds them by name.
        doc = new_document("")
        for src, image in self._images.items():
            if image is not None:
                doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(src), image)
        doc.setHtml(text)
        doc.setPageSize(QSizeF(body.width(), body.height()))
        pages = doc.pageCount()

        crisis = " · ".join(f"{line.name}: {line.number}" for line in language.help_lines)
        clinic_line = " · ".join(
            v for v in (self.clinic.get("name", ""), self.clinic.get("phone", "")) if v
        )
        painter = QPainter(writer)
        try:
            for page in range(pages):
                if page:
                    writer.newPage()
                header = new_document(f'<p class="small">{html.escape(clinic_line)}</p>')
                header.setTextWidth(body.width())
                painter.save()
                painter.translate(QPointF(margin, margin))
                header.drawContents(painter)
                painter.restore()

                painter.save()
                painter.translate(QPointF(body.left(), body.top() - page * body.height()))
                context = QAbstractTextDocumentLayout.PaintContext()
                # A line moved to the next page starts exactly on the page's edge: a clip one
                # pixel short keeps it from being written (invisibly) on this page too.
                context.clip = QRectF(0, page * body.height(), body.width(), body.height() - 1)
                painter.setClipRect(context.clip)
                doc.documentLayout().draw(painter, context)
                painter.restore()

                page_of = say(language, "page_of", page=page + 1, count=pages)
                footer = new_document(
                    f'<p class="small"><b class="urgent">{html.escape(crisis)}</b></p>'
                    f'<p class="small" align="right">{html.escape(page_of)}</p>'
                )
                footer.setTextWidth(body.width())
                painter.save()
                painter.translate(QPointF(margin, body.bottom() + 4 * mm))
                footer.drawContents(painter)
                painter.restore()
        finally:
            painter.end()
        return pages


def write_handouts(
    catalog: Catalog, out: Path, langs: list[str], ids: list[str], papers: list[str]
) -> list[Path]:
    """Write every chosen handout on every paper size: out/{paper}/{lang}/{kind}-{id}.pdf."""
    writer = HandoutWriter(catalog)
    written = []
    for handout in handouts(catalog, langs, ids):
        for paper in papers:
            path = out / paper / handout.lang / handout.file_name()
            pages = writer.write(handout, path, paper)
            log.info("handout: wrote %s (%d pages)", path, pages)
            written.append(path)
    return written
