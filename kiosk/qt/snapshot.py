"""`kiosk snapshot`: every screen, explainer page and answer rendered offscreen to PNG,
with an index.html contact sheet for clinicians to review without a kiosk."""

from __future__ import annotations

import html
import os
import sys
from pathlib import Path

from kiosk.config import load_config
from kiosk.events import EventLog
from kiosk.qt.items import find_item
from kiosk.qt.waiting import process_events_until


def settle(app, rounds: int = 6) -> None:
    """Let bindings, layouts and image loads finish before a picture is taken."""
    for _ in range(rounds):
        app.processEvents()


class Shooter:
    def __init__(self, kiosk, out: Path, prefix: str):
        self.kiosk = kiosk
        self.out = out
        self.prefix = prefix
        self.shots: list[tuple[str, str]] = []

    def shot(self, name: str, caption: str, *, scroll: str = "") -> None:
        """One picture; with `scroll`, also the end of that scrolling item if it is longer
        than the screen, so a reviewer sees every word."""
        self._grab(name, caption)
        flickable = find_item(self.kiosk.window, scroll) if scroll else None
        if flickable is None:
            return
        overflow = flickable.property("contentHeight") - flickable.height()
        if overflow > 1:
            flickable.setProperty("contentY", overflow)
            self._grab(f"{name}-end", f"{caption} (scrolled to the end)")
            flickable.setProperty("contentY", 0)

    def _grab(self, name: str, caption: str) -> None:
        from PySide6.QtGui import QGuiApplication

        settle(QGuiApplication.instance())
        file = f"{self.prefix}{name}.png"
        self.kiosk.window.grabWindow().save(str(self.out / file))
        self.shots.append((file, caption))


def snapshot_language(kiosk, shooter: Shooter, lang: str) -> None:
    """Walk every screen of a kiosk that starts in `lang`."""
    backend = kiosk.backend
    window = kiosk.window
    shooter.shot("attract", "Attract screen")
    backend.start()
    shooter.shot("home", "Home", scroll="homeScreen")
    window.setProperty("displayOpen", True)
    shooter.shot("display", "Text size and display options")
    window.setProperty("displayOpen", False)
    language = backend.lang
    for explainer in language.explainer_list():
        backend.openExplainer(explainer.id)
        for number in range(len(explainer.pages)):
            backend.setPage(number)
            shooter.shot(
                f"explainer-{explainer.id}-p{number + 1}",
                f"{explainer.title}, page {number + 1} of {len(explainer.pages)}",
                scroll=f"page_{number}",
            )
    explainers = language.explainer_list()
    if backend.takeHomeUrl == "" and explainers:
        backend.openExplainer(explainers[0].id)  # the QR code needs a page to point at
    if explainers and backend.takeHomeUrl:
        backend.setPage(0)
        shoot_take_home(kiosk, shooter, "takeHomeButton_p0", f"explainer-{explainers[0].id}")
    backend.goHome()
    backend.openTopic("")
    shooter.shot("questions", "Question browser, all topics")
    for topic in language.topic_list():
        backend.openTopic(topic.id)
        shooter.shot(f"topic-{topic.id}", f"Topic: {topic.title}")
    search = find_item(window, "searchInput")
    if search is not None:
        search.forceActiveFocus()  # brings up the on-screen keyboard, as a tap would
    example = {"es": "adiccion", "en": "addictive"}.get(lang, "ketamine")
    backend.setSearchText(example)
    shooter.shot("search", f"Search as you type: {example}")
    backend.setSearchText("zzqxv")
    shooter.shot("search-empty", "Search with no result")
    backend.setSearchText("")
    for topic in language.topic_list():
        for question in topic.questions:
            backend.openQuestion(question.id)
            shooter.shot(
                f"answer-{question.id}", f"{topic.title}: {question.title}", scroll="answerScreen"
            )
    questions = [q for t in language.topic_list() for q in t.questions]
    if questions:
        backend.openQuestion(questions[0].id)
        if backend.takeHomeUrl:
            shoot_take_home(kiosk, shooter, "takeHomeButton", f"answer-{questions[0].id}")
    backend.openHelp()
    shooter.shot("help", "Help", scroll="helpScreen")
    backend.set_session_state("warning", 27)
    shooter.shot("still-there", "Still there? warning")
    backend.set_session_state("active", 0)
    maintenance = kiosk.maintenance
    maintenance.openPinPad()
    shooter.shot("pin-pad", "Staff PIN pad (five quick taps in the staff corner)")
    maintenance.open_screen()
    maintenance.wait_idle()
    shooter.shot(
        "maintenance", "Maintenance screen (after the staff PIN)", scroll="maintenanceFlick"
    )
    maintenance.close()


def shoot_take_home(kiosk, shooter: Shooter, button_name: str, name: str) -> None:
    """The "Take this with you" QR code over a page (only when site_url is set)."""
    from PySide6.QtCore import QMetaObject

    button = find_item(kiosk.window, button_name)
    if button is None:
        return
    QMetaObject.invokeMethod(button, "clicked")
    shooter.shot(f"{name}-qr", f"Take this with you: {kiosk.backend.takeHomeUrl}")
    close = find_item(kiosk.window, "takeHomeClose")
    if close is not None:
        QMetaObject.invokeMethod(close, "clicked")


def write_index(out: Path, sections: list[tuple[str, list[tuple[str, str]]]], title: str) -> None:
    parts = [
        "<!doctype html><meta charset='utf-8'>",
        f"<title>{html.escape(title)}</title>",
        "<style>body{font-family:sans-serif;margin:24px;background:#f4f4f4}"
        "figure{display:inline-block;margin:8px;vertical-align:top;background:#fff;"
        "padding:8px;border:1px solid #ccc}img{width:420px;display:block}"
        "figcaption{max-width:420px;font-size:14px;margin-top:6px}</style>",
        f"<h1>{html.escape(title)}</h1>",
    ]
    for heading, shots in sections:
        parts.append(f"<h2>{html.escape(heading)}</h2>")
        for file, caption in shots:
            parts.append(
                f"<figure><a href='{file}'><img src='{file}' loading='lazy'></a>"
                f"<figcaption>{html.escape(caption)}</figcaption></figure>"
            )
    (out / "index.html").write_text("\n".join(parts), encoding="utf-8")


def snapshot(args, content: Path) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from kiosk.qt.app import Kiosk, QmlMessages, load_fonts, prepare_environment

    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    config = load_config(content)
    prepare_environment(config, offscreen=True)
    messages = QmlMessages()
    messages.install()
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    load_fonts()
    size = args.size or (1280, 800)
    events = EventLog(args.event_log)
    languages = (
        [args.lang] if args.lang else [c for c in config.languages if (content / c).is_dir()]
    )
    sections = []
    for lang in languages:
        # A kiosk per language, started in it, as a clinic would with --lang.
        kiosk = Kiosk(
            content,
            events=events,
            size=size,
            language=lang,
            text_scale=args.text_scale,
            high_contrast=args.high_contrast,
            watch_content=False,
            reduced_motion=True,  # no page turn caught half-way in a picture
            speech_engine="mock",  # show the read-aloud button as a kiosk with a voice does
        )
        if lang not in kiosk.backend.catalog.languages:
            kiosk.close()
            print(f"no language {lang!r} in {content}", file=sys.stderr)
            return 2
        kiosk.window.show()
        # The engine loads on its own thread: wait, so the read-aloud button shows.
        process_events_until(lambda reader=kiosk.reader: bool(reader.property("languages")), 10)
        shooter = Shooter(kiosk, out, f"{lang}-")
        snapshot_language(kiosk, shooter, lang)
        sections.append((lang, shooter.shots))
        kiosk.close()
    mode = f"{size[0]}x{size[1]}, text {int((args.text_scale or 1) * 100)}%" + (
        ", high contrast" if args.high_contrast else ""
    )
    write_index(out, sections, f"Kiosk snapshot - {mode}")
    count = sum(len(s) for _, s in sections)
    settle(app)
    if messages.messages:
        print(f"{len(messages.messages)} QML warning(s):", file=sys.stderr)
        for message in messages.messages[:20]:
            print("  " + message, file=sys.stderr)
        return 1
    print(f"wrote {count} screenshots and {out / 'index.html'}")
    return 0
