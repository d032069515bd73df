"""Content updates: watch the folder, load changes off the UI thread, refuse broken ones.

A clinic updates content by copying a folder over the old one. Copies take a while, so a
change is loaded only after the folder has been quiet for `settle_ms`, and a load during
which any file's size or time changed (a copy that stalled and went on) is thrown away and
tried again once the folder is quiet. A release manifest (release.sha256, checked by the
loader) makes a half-copied file an error. New content with errors is refused and the
current content kept; good content waits for the next reset. Every read is bounded
(kiosk/safe_files.py), so a FIFO or a huge file cannot hang the loader thread.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from kiosk.events import EventLog
from kiosk.problems import has_errors
from kiosk.safe_files import fingerprint
from kiosk.search import SearchIndex

log = logging.getLogger("kiosk.content")


class ContentWatcher(QObject):
    loaded = Signal(object, object)  # catalog, index (emitted from the worker thread)
    rejected = Signal(object)  # catalog with errors
    unsettled = Signal()  # the folder changed while it was loaded: load it again later

    def __init__(
        self,
        root: Path,
        driver,
        events: EventLog,
        *,
        settle_ms: int = 2000,
        current_version: str | None = None,
        last_good_dir: Path | None = None,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.root = root
        self.driver = driver
        self.events = events
        self.version = current_version or driver.backend.contentVersion
        self.last_good_dir = last_good_dir  # where good content is kept for the next start
        self.watcher = QFileSystemWatcher(self)
        self.settle = QTimer(self)
        self.settle.setSingleShot(True)
        self.settle.setInterval(settle_ms)
        self.settle.timeout.connect(self._load_in_background)
        self.watcher.directoryChanged.connect(self._changed)
        self.watcher.fileChanged.connect(self._changed)
        self.loaded.connect(self._on_loaded)
        self.rejected.connect(self._on_rejected)
        self.unsettled.connect(self._on_unsettled)
        self._busy = False
        self._again = False
        self._thread: threading.Thread | None = None
        self._watch_all()

    def _watch_all(self) -> None:
        paths = [str(self.root)] if self.root.is_dir() else []
        try:
            paths += [str(p) for p in self.root.rglob("*")]
        except OSError as exc:
            log.warning("cannot list %s: %s", self.root, exc)
        known = set(self.watcher.files()) | set(self.watcher.directories())
        new = [p for p in paths if p not in known]
        if new:
            self.watcher.addPaths(new)

    def _changed(self, _path: str) -> None:
        self.settle.start()

    def _load_in_background(self) -> None:
        if self._busy:
            self._again = True
            return
        self._busy = True
        self._watch_all()
        self._thread = threading.Thread(target=self._load, name="content-loader", daemon=True)
        self._thread.start()

    def _load(self) -> None:
        # Imported here: Markdown and YAML are not needed to start from the content cache.
        from kiosk.content.loader import load_catalog

        try:
            before = fingerprint(self.root)
            catalog = load_catalog(self.root, readability=False)
            if fingerprint(self.root) != before:
                self.unsettled.emit()
            elif catalog.version == self.version:
                self.loaded.emit(None, None)
            elif has_errors(catalog.problems):
                self.rejected.emit(catalog)
            else:
                if self.last_good_dir is not None:
                    from kiosk.content.last_good import keep

                    keep(self.root, self.last_good_dir, catalog.version)
                self.loaded.emit(catalog, SearchIndex(catalog))
        except Exception:  # never let a loader bug reach the patient
            log.exception("content reload failed")
            self.loaded.emit(None, None)

    def _finish(self) -> None:
        self._busy = False
        if self._again:
            self._again = False
            self.settle.start()

    def _on_loaded(self, catalog, index) -> None:
        self._finish()
        if catalog is None:
            return
        self.version = catalog.version
        self.events.emit("content_ready", version=catalog.version, warnings=len(catalog.problems))
        self.driver.offer_content(catalog, index)

    def _on_unsettled(self) -> None:
        log.info("content changed while it was loaded; waiting for it to settle")
        self._finish()
        self.settle.start()

    def _on_rejected(self, catalog) -> None:
        self._finish()
        errors = [p for p in catalog.problems if p.severity == "error"]
        self.events.emit(
            "content_rejected",
            version=catalog.version,
            errors=len(errors),
            first=[p.format().splitlines()[0] for p in errors[:5]],
        )
        log.warning("content update refused: %d error(s); run kiosk check", len(errors))

    def stop(self, timeout_s: float = 30.0) -> None:
        """Before the kiosk lets go of this object: the loader thread holds a reference to
        it, and a QObject freed on that thread takes its file watcher's notifier with it
        from the wrong thread (Qt then spins on an invalid socket, or crashes)."""
        self.settle.stop()
        if self._thread is not None:
            self._thread.join(timeout_s)
            if self._thread.is_alive():
                log.warning("content loader still running at close")
