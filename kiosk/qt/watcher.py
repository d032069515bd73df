"""Content updates: watch the folder, load changes off the UI thread, refuse broken ones.

A clinic updates content by copying a folder over the old one, or (many kiosks) by swapping
a `current` symlink to a new release folder (deploy/). Copies take a while, so a change is
loaded only after the folder has been quiet for `settle_ms`. New content with errors is
refused and the current content kept; good content waits for the next reset.

The content path may be a symlink: the watcher watches the folder it points at now, and the
folder that holds the link (a swap is a rename there). A periodic check (`check_ms`) of the
link's target and every file's size and time catches what the file watcher misses (inotify
limits, network or bind mounts, a rename the watch did not see).

A load during which any file's size or time changed (a copy that stalled and went on) is
thrown away and tried again once the folder is quiet. A release manifest (release.sha256,
checked by the loader) makes a half-copied file an error. Every read is bounded
(kiosk/content/safe_files.py), so a FIFO or a huge file cannot hang the loader thread.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from kiosk.check.problems import has_errors
from kiosk.content.release import real_folder, release_id
from kiosk.content.safe_files import fingerprint
from kiosk.search.index import SearchIndex
from kiosk.stats.events import EventLog

log = logging.getLogger("kiosk.content")

CHECK_MS = 60_000
STOP_WAIT_S = 30.0  # a load in progress at close: wait for it (see stop)


def signature(root: Path) -> tuple:
    """What the periodic check compares: the real folder and every file's size and time."""
    folder = real_folder(root)
    files = []
    try:
        for path in sorted(folder.rglob("*")):
            try:
                st = path.stat()
            except OSError:
                continue
            files.append((path.relative_to(folder).as_posix(), st.st_size, st.st_mtime_ns))
    except OSError as exc:
        log.warning("cannot list %s: %s", folder, exc)
    return (str(folder), tuple(files))


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
        check_ms: int = CHECK_MS,
        current_version: str | None = None,
        last_good_dir: Path | None = None,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.root = root
        self.driver = driver
        self.events = events
        self.version = current_version or driver.backend.content.version
        self.last_good_dir = last_good_dir  # where good content is kept for the next start
        # Where the content shown was loaded from: a swap made before this watcher started
        # (the kiosk starts it after its first frame) must not go unnoticed.
        self.folder = Path(getattr(driver.backend.catalog, "root", None) or real_folder(root))
        self.release = ""  # the marker of the content being loaded (worker thread)
        self.refused_version = ""  # reported once, not at every check
        self.watcher = QFileSystemWatcher(self)
        self.settle = QTimer(self)
        self.settle.setSingleShot(True)
        self.settle.setInterval(settle_ms)
        self.settle.timeout.connect(self._load_in_background)
        self.check = QTimer(self)
        self.check.setInterval(check_ms)
        self.check.timeout.connect(self._check_now)
        self.watcher.directoryChanged.connect(self._changed)
        self.watcher.fileChanged.connect(self._changed)
        self.loaded.connect(self._on_loaded)
        self.rejected.connect(self._on_rejected)
        self.unsettled.connect(self._on_unsettled)
        self._busy = False
        self._again = False
        self._closing = False
        self._threads: list[threading.Thread] = []
        self._signature = signature(root)
        self._watch_all()
        self.check.start()
        if real_folder(root) != self.folder:
            self.settle.start()

    def _watch_all(self) -> None:
        """Watch the real folder's files, and the link's own folder for a swap."""
        self._seen_link = self._link()
        folder = real_folder(self.root)
        paths = [str(self.root.parent)] if self.root.parent.is_dir() else []
        if folder.is_dir():
            paths.append(str(folder))
        try:
            paths += [str(p) for p in folder.rglob("*")]
        except OSError as exc:
            log.warning("cannot list %s: %s", folder, exc)
        known = set(self.watcher.files()) | set(self.watcher.directories())
        stale = [p for p in known if p not in set(paths)]
        if stale:  # the link moved on: the old release's files are no longer ours
            self.watcher.removePaths(stale)
        new = [p for p in paths if p not in known]
        if new:
            self.watcher.addPaths(new)

    def _changed(self, path: str) -> None:
        # The link's own folder also holds other things (logs, a git cache, old releases):
        # only a change of the link itself, or of the folder it names, is news.
        if path == str(self.root.parent) and self._link() == self._seen_link:
            return
        self.settle.start()

    def _link(self) -> tuple:
        try:
            st = self.root.lstat()
            return (st.st_ino, st.st_mtime_ns, str(real_folder(self.root)))
        except OSError:
            return ()

    def _in_background(self, target, name: str) -> None:
        self._threads = [t for t in self._threads if t.is_alive()]
        thread = threading.Thread(target=target, name=name, daemon=True)
        self._threads.append(thread)
        thread.start()

    def _check_now(self) -> None:
        # On the UI thread: a stat of each file, a few milliseconds once a minute. It ran on
        # a new Python thread each time, emitting its result as a Qt signal; with a 200 ms
        # interval in a test, the process aborted on a corrupt heap in some full runs.
        if self._busy or self._closing or self.settle.isActive():
            return
        if signature(self.root) != self._signature:
            log.info("content check: %s changed without a file event", self.root)
            self.settle.start()

    def _load_in_background(self) -> None:
        if self._closing:
            return
        if self._busy:
            self._again = True
            return
        self._busy = True
        self._watch_all()
        self._in_background(self._load, "content-loader")

    def _load(self) -> None:
        # Imported here: Markdown and YAML are not needed to start from the content cache.
        from kiosk.content.loader import load_catalog

        try:
            # The real folder, once: a swap during the load cannot mix two releases.
            self._signature = signature(self.root)
            folder = Path(self._signature[0])
            self.release = release_id(folder)
            before = fingerprint(folder)
            catalog = load_catalog(folder, readability=False)
            if self._closing:
                return
            if fingerprint(folder) != before:
                self.unsettled.emit()
                return
            self.folder = folder
            if catalog.version in (self.version, self.refused_version):
                self.loaded.emit(None, None)
            elif has_errors(catalog.problems):
                self.rejected.emit(catalog)
            else:
                if self.last_good_dir is not None:
                    from kiosk.content.last_good import keep

                    keep(folder, self.last_good_dir, catalog.version)
                self.loaded.emit(catalog, SearchIndex(catalog))
        except Exception:  # never let a loader bug reach the patient
            log.exception("content reload failed")
            if not self._closing:
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
        self.refused_version = ""
        self.events.emit(
            "content_ready",
            version=catalog.version,
            release=self.release,
            folder=self.folder.name,
            warnings=len(catalog.problems),
        )
        self.driver.offer_content(catalog, index)

    def _on_unsettled(self) -> None:
        log.info("content changed while it was loaded; waiting for it to settle")
        self._finish()
        self.settle.start()

    def _on_rejected(self, catalog) -> None:
        self._finish()
        self.refused_version = catalog.version
        errors = [p for p in catalog.problems if p.severity == "error"]
        self.events.emit(
            "content_rejected",
            version=catalog.version,
            release=self.release,
            folder=self.folder.name,
            errors=len(errors),
            first=[p.format().splitlines()[0] for p in errors[:5]],
        )
        log.warning("content update refused: %d error(s); run kiosk check", len(errors))

    def stop(self) -> None:
        """Before the kiosk lets go of this object: no new work, and the load or check in
        progress finishes here, so a worker thread never reports to (or is the last to hold)
        an object that is gone."""
        self._closing = True
        self.settle.stop()
        self.check.stop()
        for thread in self._threads:
            thread.join(STOP_WAIT_S)
            if thread.is_alive():
                log.warning("content %s still running at close", thread.name)
                _kept.append(self)  # never freed by that thread
        self._threads = []


_kept: list[ContentWatcher] = []
