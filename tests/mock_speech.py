"""The tests' read aloud: Qt's mock engine, which "speaks" word by word, silently, and has
a few English voices only; one of them reads every language here, so the Spanish screens
can be read too. Not a clinic setting: a device file can name auto, speechd or none."""

from __future__ import annotations

from kiosk.qt.speech import Reader


class MockReader(Reader):
    def __init__(self, _engine: str = "", **kwargs):
        super().__init__("mock", **kwargs)

    def voice_for(self, language: str):
        return super().voice_for(language) or super().voice_for("en")
