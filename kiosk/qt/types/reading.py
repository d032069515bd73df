"""What a patient reads: the explainer or the answer on screen, as typed QML objects.

Pages and blocks are list models whose roles are the block's fields, so BlockView.qml
takes them as required properties; a screen reads typed properties, never a map.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Property, QObject, QUrl, Signal
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.content.model import Block, Explainer, Question, Topic, is_draft
from kiosk.qt.models import RecordListModel
from kiosk.qt.roles import BlockRole, LinkRole, PageRole
from kiosk.qt.types.qt_names import QStringList

QML_IMPORT_NAME = "KioskCore"
QML_IMPORT_MAJOR_VERSION = 1


def block_rows(blocks: tuple[Block, ...], root: Path) -> list[dict[str, Any]]:
    """Blocks as rows; pictures (on their own or inside rich text) only from `root`."""
    from kiosk.content.blocks import resolve_inline_images as inline

    rows = []
    for block in blocks:
        data = block.to_dict()
        if block.src:
            data["src"] = QUrl.fromLocalFile(str(root / block.src)).toString()
        # "body", not "text": a BlockView is no Text item (finders look for those by it).
        data["body"] = inline(data.pop("text"), root)
        data["items"] = [inline(item, root) for item in data["items"]]
        data["header"] = [inline(cell, root) for cell in data["header"]]
        data["rows"] = [[inline(cell, root) for cell in row] for row in data["rows"]]
        rows.append(data)
    return rows


def read_texts(heading: str, blocks: tuple[Block, ...]) -> list[str]:
    """What read aloud says: the heading, then one text per block (the Reader's block n
    is the page's block n - 1)."""
    return [heading, *(b.plain or b.alt or "" for b in blocks)]


@QmlElement
@QmlUncreatable("Content shows the explainer on screen")
class ExplainerView(QObject):  # type: ignore[operator]  # (the stub: a class, not a decorator)
    changed = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._id = ""
        self._title = ""
        self._draft = False
        self.page_model = RecordListModel(PageRole, self)
        self.related_model = RecordListModel(LinkRole, self)
        self._block_models: list[RecordListModel] = []

    def show(self, explainer: Explainer | None, root: Path, related: list[dict[str, str]]) -> None:
        old = self._block_models
        self._block_models = []
        pages = []
        if explainer is not None:
            for number, page in enumerate(explainer.pages):
                blocks = RecordListModel(BlockRole, self)
                blocks.replace(block_rows(page.blocks, root))
                self._block_models.append(blocks)
                heading = explainer.title if number == 0 else page.title  # page 1: the title
                pages.append(
                    {
                        "heading": heading,
                        "blocks": blocks,
                        "readTexts": read_texts(heading, page.blocks),
                    }
                )
        self._id = explainer.id if explainer else ""
        self._title = explainer.title if explainer else ""
        self._draft = bool(explainer and is_draft(explainer.review))
        self.page_model.replace(pages)
        self.related_model.replace(related)
        self.changed.emit()
        for blocks in old:  # after the pages that showed them are gone
            blocks.deleteLater()

    @property
    def page_count(self) -> int:
        return self.page_model.rowCount()

    def _get_id(self) -> str:
        return self._id

    id = Property(str, _get_id, notify=changed)

    def _get_title(self) -> str:
        return self._title

    title = Property(str, _get_title, notify=changed)

    def _get_draft(self) -> bool:
        return self._draft

    # Not yet reviewed: the screen says so (kiosk preview, review modes).
    draft = Property(bool, _get_draft, notify=changed)

    def _pages(self) -> RecordListModel:
        return self.page_model

    pages = Property(RecordListModel, _pages, constant=True)

    def _related(self) -> RecordListModel:
        return self.related_model

    related = Property(RecordListModel, _related, constant=True)


@QmlElement
@QmlUncreatable("Content shows the answer on screen")
class AnswerView(QObject):  # type: ignore[operator]  # (the stub: a class, not a decorator)
    changed = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._id = self._title = self._topic = self._topic_title = ""
        self._draft = False
        self._read_texts: list[str] = []
        self.block_model = RecordListModel(BlockRole, self)
        self.related_model = RecordListModel(LinkRole, self)

    def show(
        self,
        question: Question | None,
        topic: Topic | None,
        root: Path,
        related: list[dict[str, str]],
    ) -> None:
        self._id = question.id if question else ""
        self._title = question.title if question else ""
        self._topic = question.topic if question else ""
        self._topic_title = topic.title if topic else ""
        self._draft = question is not None and (topic is None or is_draft(topic.review))
        blocks = question.blocks if question else ()
        self._read_texts = read_texts(self._title, blocks)
        self.block_model.replace(block_rows(blocks, root))
        self.related_model.replace(related)
        self.changed.emit()

    def _get_id(self) -> str:
        return self._id

    id = Property(str, _get_id, notify=changed)

    def _get_title(self) -> str:
        return self._title

    title = Property(str, _get_title, notify=changed)

    def _get_topic(self) -> str:
        return self._topic

    topic = Property(str, _get_topic, notify=changed)

    def _get_topic_title(self) -> str:
        return self._topic_title

    topicTitle = Property(str, _get_topic_title, notify=changed)

    def _get_draft(self) -> bool:
        return self._draft

    draft = Property(bool, _get_draft, notify=changed)

    def _get_read_texts(self) -> list[str]:
        return list(self._read_texts)

    # What read aloud says: the question, then one text per block.
    readTexts = Property(QStringList, _get_read_texts, notify=changed)  # type: ignore[arg-type]

    def _blocks(self) -> RecordListModel:
        return self.block_model

    blocks = Property(RecordListModel, _blocks, constant=True)

    def _related(self) -> RecordListModel:
        return self.related_model

    related = Property(RecordListModel, _related, constant=True)
