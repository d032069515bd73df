"""`kiosk preview`: the editor's window. Each saved change is on screen within about a
second, on the screen and page the editor is looking at (or on the file just saved); a
change with errors is not applied: a banner names them with file and line and the last good
content stays on screen. The session never resets by itself.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from kiosk.options import PreviewOptions
from kiosk.session.inactivity import Timings
from kiosk.stats.events import EventLog

log = logging.getLogger("kiosk.preview")

SETTLE_MS = 250  # an editor's save is one write or a rename: a short settle is enough
EDITOR_DAY_S = 24 * 3600  # "idle" only after a day: a preview never resets by itself
BANNER_LINES = 6


def _gettext_marker(text: str) -> str:
    return text


_ = _gettext_marker  # translated where shown (kiosk.check.i18n); here only to be extracted


def changed_line(old: str | None, new: str) -> int:
    """The 1-based first line that differs (1 for a new file)."""
    if old is None:
        return 1
    for number, (a, b) in enumerate(zip(old.splitlines(), new.splitlines(), strict=False), 1):
        if a != b:
            return number
    return min(len(old.splitlines()), len(new.splitlines())) + 1


class Preview(QObject):
    loaded = Signal(object, object, object)  # catalog, index (None with errors), texts

    def __init__(
        self,
        content: Path,
        *,
        events: EventLog,
        size: tuple[int, int] | None = None,
        language: str | None = None,
        text_scale: float | None = None,
        high_contrast: bool = False,
        speech_engine: str | None = None,
        reader_type: type | None = None,
        settle_ms: int = SETTLE_MS,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        from kiosk.check.i18n import Messages
        from kiosk.qt.app import Kiosk

        self.content = content
        self.events = events
        self.messages = Messages()
        self.kiosk = Kiosk(
            content,
            events=events,
            timings=Timings(EDITOR_DAY_S, 60),
            size=size or (1280, 800),
            language=language,
            text_scale=text_scale,
            high_contrast=high_contrast,
            watch_content=False,  # the preview watches itself, with a short settle
            speech_engine=speech_engine,
            reader_type=reader_type,
        )
        self.backend = self.kiosk.backend
        self.banner = self._make_banner()
        self.texts = self._read_texts()
        self.version = self.backend.content.version
        self.changed: dict[str, float] = {}  # rel -> mtime of files saved since the last load
        self.watcher = QFileSystemWatcher(self)
        self.settle = QTimer(self)
        self.settle.setSingleShot(True)
        self.settle.setInterval(settle_ms)
        self.settle.timeout.connect(self._load_in_background)
        self.watcher.directoryChanged.connect(self._changed)
        self.watcher.fileChanged.connect(self._changed)
        self.loaded.connect(self._on_loaded)
        self._busy = self._again = False
        self._watch_all()
        self.backend.navigation.start()  # an editor wants the content, not the attract screen
        self._show_problems(self.backend.catalog)

    # -- banner ----------------------------------------------------------------------------
    def _make_banner(self):
        from PySide6.QtQml import QQmlComponent

        component = QQmlComponent(self.kiosk.engine)
        component.loadFromModule("Kiosk", "PreviewBanner")
        banner = component.create()
        if banner is None:
            raise RuntimeError("PreviewBanner.qml failed to load: " + component.errorString())
        banner.setParentItem(self.kiosk.window.contentItem())
        self._banner_component = component  # the component must outlive what it made
        return banner

    def _show_problems(self, catalog) -> int:
        """Errors of `catalog` in the banner (none: the banner hides); returns how many."""
        from kiosk.check.diagnosis import diagnose
        from kiosk.check.i18n import fill
        from kiosk.check.problems import Severity

        roots = diagnose(catalog.problems, catalog.dropped, catalog.config.default_language)
        errors = [self.messages.problem(p) for p in roots if p.severity is Severity.ERROR]
        lines = []
        for problem in errors[:BANNER_LINES]:
            where = problem.file + (f":{problem.line}" if problem.line else "")
            text = f"{where}: {problem.message}"
            if problem.suggestion:
                text += " - " + fill(
                    self.messages.gettext(_("did you mean '{suggestion}'?")),
                    {"suggestion": problem.suggestion},
                )
            lines.append(text)
        if len(errors) > BANNER_LINES:
            lines.append(
                fill(
                    self.messages.gettext(_("... and {count} more: run kiosk check")),
                    {"count": str(len(errors) - BANNER_LINES)},
                )
            )
        title = fill(
            self.messages.gettext(
                _("Not shown: {count} error(s) in the last save; the last good content stays")
            ),
            {"count": str(len(errors))},
        )
        self.banner.setProperty("title", title if errors else "")
        self.banner.setProperty("problems", lines)
        return len(errors)

    # -- watching --------------------------------------------------------------------------
    def _watch_all(self) -> None:
        root = self.content
        paths = [str(root)] if root.is_dir() else []
        try:
            paths += [str(p) for p in root.rglob("*") if not p.name.startswith(".")]
        except OSError as exc:
            log.warning("cannot list %s: %s", root, exc)
        known = set(self.watcher.files()) | set(self.watcher.directories())
        new = [p for p in paths if p not in known]
        if new:
            self.watcher.addPaths(new)

    def _changed(self, path: str) -> None:
        self.settle.start()

    def _read_texts(self) -> dict[str, str]:
        texts = {}
        for path in sorted(self.content.glob("*/*/*.md")):
            try:
                texts[path.relative_to(self.content).as_posix()] = path.read_text(
                    encoding="utf-8-sig"
                )
            except (OSError, UnicodeDecodeError):
                continue
        return texts

    def _load_in_background(self) -> None:
        if self._busy:
            self._again = True
            return
        self._busy = True
        self._watch_all()
        threading.Thread(target=self._load, name="preview-loader", daemon=True).start()

    def _load(self) -> None:
        from kiosk.check.problems import has_errors
        from kiosk.content.loader import load_catalog
        from kiosk.search.index import SearchIndex

        try:
            texts = self._read_texts()
            catalog = load_catalog(self.content, readability=False)
            index = None if has_errors(catalog.problems) else SearchIndex(catalog)
            self.loaded.emit(catalog, index, texts)
        except Exception:  # a loader bug must not close the editor's window
            log.exception("preview reload failed")
            self.loaded.emit(None, None, None)

    def _on_loaded(self, catalog, index, texts) -> None:
        self._busy = False
        if self._again:
            self._again = False
            self.settle.start()
        if catalog is None:
            return
        errors = self._show_problems(catalog)
        if errors:
            self.events.emit("preview_rejected", version=catalog.version, errors=errors)
            return  # the last good content stays on screen
        saved = self._saved_file(texts)
        old_texts, self.texts = self.texts, texts
        if catalog.version == self.version:
            return
        self.version = catalog.version
        self.backend.refresh_content(catalog, index)
        if saved:
            self._follow(saved, changed_line(old_texts.get(saved), texts[saved]))
        self.events.emit("preview_applied", version=catalog.version, file=saved or None)

    def _saved_file(self, texts: dict[str, str]) -> str:
        """The markdown file this save changed (the newest if several), or ""."""
        changed = [rel for rel, text in texts.items() if self.texts.get(rel) != text]
        if not changed:
            return ""
        return max(changed, key=lambda rel: _mtime(self.content / rel))

    # -- following the editor ----------------------------------------------------------------
    def _follow(self, rel: str, line: int) -> None:
        """Show the saved file: stay if it is on screen already, else open it where the
        change is (the page or question that holds the first changed line)."""
        parts = rel.split("/")
        if len(parts) != 3:
            return
        lang, kind, item_id = parts[0], parts[1], parts[2][: -len(".md")]
        backend = self.backend
        if lang not in backend.catalog.languages:
            return
        on_screen = backend.preferences.language == lang and (
            (
                backend.navigation.screen == "explainer"
                and kind == "explainers"
                and backend.navigation.item == item_id
            )
            or (
                backend.navigation.screen in ("answer", "questions")
                and kind == "questions"
                and backend.navigation.topic == item_id
            )
        )
        if on_screen:
            return
        backend.preferences.setLanguage(lang)
        language = backend.lang
        if kind == "explainers" and item_id in language.explainers:
            pages = language.explainers[item_id].pages
            page = max([n for n, p in enumerate(pages) if p.line <= line] or [0])
            backend.navigation.openExplainerAt(item_id, page)
        elif kind == "questions" and item_id in language.topics:
            questions = language.topics[item_id].questions
            held = [q for q in questions if q.line <= line]
            if held:
                backend.navigation.openQuestion(held[-1].id)
            else:
                backend.navigation.openTopic(item_id)

    def close(self) -> None:
        self.settle.stop()
        self.kiosk.close()


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def run_preview(options: PreviewOptions) -> int:
    """The `kiosk preview` process: a normal window, no lockdown, no statistics."""
    from PySide6.QtGui import QGuiApplication

    from kiosk.content.config import load_config
    from kiosk.qt.app import QmlMessages, load_fonts, prepare_environment

    content, display = options.content, options.display
    if not (content / "kiosk.toml").exists():
        print(f"kiosk preview: {content} has no kiosk.toml (try kiosk init)", file=sys.stderr)
        return 2
    config = load_config(content)
    prepare_environment(config)
    QmlMessages().install()
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    app.setApplicationName("kiosk preview")
    load_fonts()
    events = EventLog(options.event_log or Path(os.devnull))
    preview = Preview(
        content,
        events=events,
        size=display.size,
        language=display.language,
        text_scale=display.text_scale,
        high_contrast=display.high_contrast,
    )
    preview.kiosk.window.setTitle(f"kiosk preview - {content}")
    preview.kiosk.show(windowed=True)
    print(f"previewing {content}: save a file and it shows here (close the window to stop)")
    code = app.exec()
    preview.close()
    return code
