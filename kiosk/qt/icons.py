"""The kiosk's icons for QML: `image://icon/<name>/<rrggbb>` draws assets/icons/<name>.svg
in that colour, at the size the Image asks for.

Icons are drawn, not typed: the clinic's font has no house, chevron or speaker glyphs, and
a fallback font the tablet may not have would show empty boxes. One SVG file per icon,
stroked in `currentColor`, so the same file serves every button variant and high contrast.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtQml import QQmlImageProviderBase
from PySide6.QtQuick import QQuickImageProvider
from PySide6.QtSvg import QSvgRenderer

from kiosk import assets_dir

log = logging.getLogger(__name__)

PROVIDER = "icon"  # the image:// host QML asks for
COLOUR = re.compile(r"[0-9a-fA-F]{6}([0-9a-fA-F]{2})?")
DEFAULT_SIDE = 48  # px, when an Image gives no sourceSize
MAX_SIDE = 512


def icon_folder() -> Path:
    return assets_dir() / "icons"


def icon_names(folder: Path | None = None) -> set[str]:
    return {path.stem for path in (folder or icon_folder()).glob("*.svg")}


class IconProvider(QQuickImageProvider):
    """Reads every icon once at start; an unknown name or colour gives a blank image and
    one log line, never an error in front of a patient."""

    def __init__(self, folder: Path | None = None) -> None:
        super().__init__(QQmlImageProviderBase.ImageType.Image)
        self._svgs: dict[str, bytes] = {}
        for path in sorted((folder or icon_folder()).glob("*.svg")):
            try:
                self._svgs[path.stem] = path.read_bytes()
            except OSError as error:
                log.warning("icon %s unreadable: %s", path.name, error)
        self._reported: set[str] = set()

    def requestImage(self, id: str, size: QSize, requested: QSize) -> QImage:  # noqa: A002, N802
        name, _, colour = id.partition("/")
        width = min(requested.width(), MAX_SIDE) if requested.width() > 0 else DEFAULT_SIDE
        height = min(requested.height(), MAX_SIDE) if requested.height() > 0 else width
        size.setWidth(width)  # the image's own size, as Qt asks providers to say
        size.setHeight(height)
        svg = self._svgs.get(name)
        if svg is None or not COLOUR.fullmatch(colour):
            self._report(id)
            blank = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
            blank.fill(Qt.GlobalColor.transparent)
            return blank
        return render(svg, colour, width, height).copy()

    def _report(self, id_: str) -> None:
        if id_ not in self._reported:
            self._reported.add(id_)
            log.warning("no icon %r (assets/icons/<name>.svg, colour as rrggbb)", id_)


@lru_cache(maxsize=256)
def render(svg: bytes, colour: str, width: int, height: int) -> QImage:
    """The icon in `colour` (rrggbb or aarrggbb, as QML's color.toString() writes it)."""
    alpha, rgb = (int(colour[:2], 16) / 255, colour[2:]) if len(colour) == 8 else (1.0, colour)
    painted = svg.replace(b"currentColor", f"#{rgb}".encode("ascii"))
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    renderer = QSvgRenderer(QByteArray(painted))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setOpacity(alpha)
    renderer.render(painter)
    painter.end()
    return image
