"""`kiosk snapshot`: every screen, explainer page and answer rendered offscreen to PNG,
with an index.html contact sheet for clinicians to review without a kiosk: one row per
screen or item, the languages side by side, and kiosk check's problems next to the screen
they concern. `--only ID,...` pictures just those items (or screens)."""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path

from PySide6.QtCore import QObject

from kiosk.content.config import load_config
from kiosk.content.model import Catalog
from kiosk.options import SnapshotOptions
from kiosk.qt.items import find_item
from kiosk.qt.speech import Reader
from kiosk.qt.waiting import process_events_until
from kiosk.stats.events import EventLog

# Screens that are not an item of the content, by the name --only takes.
SCREENS = (
    "attract",
    "home",
    "display",
    "questions",
    "search",
    "help",
    "still-there",
    "pin-pad",
    "maintenance",
)


class PictureReader(Reader):
    """Read aloud for pictures: Qt's silent engine, which has a few English voices and makes
    no sound, used for every language, so each picture shows the read-aloud button as a
    kiosk with a voice does. Nothing is read while the pictures are taken."""

    def __init__(self, _engine: str = "", **kwargs):
        super().__init__("mock", **kwargs)

    def voice_for(self, language: str):
        return super().voice_for(language) or super().voice_for("en")


def settle(app, rounds: int = 6) -> None:
    """Let bindings, layouts and image loads finish before a picture is taken."""
    for _ in range(rounds):
        app.processEvents()


class Shooter:
    def __init__(self, kiosk, out: Path, prefix: str, only: frozenset[str] | None = None):
        self.kiosk = kiosk
        self.out = out
        self.prefix = prefix
        self.only = only
        self.shots: list[tuple[str, str]] = []
        self.rows: dict[str, str] = {}  # file -> row of the contact sheet ("explainer:x:p1")

    def wanted(self, *names: str) -> bool:
        return self.only is None or any(name in self.only for name in names)

    def shot(self, name: str, caption: str, *, scroll: str = "", row: str = "") -> None:
        """One picture; with `scroll`, also the end of that scrolling item if it is longer
        than the screen, so a reviewer sees every word."""
        self.rows[f"{self.prefix}{name}.png"] = row or f"screen:{name}"
        self._grab(name, caption)
        flickable = find_item(self.kiosk.window, scroll) if scroll else None
        if flickable is None:
            return
        end = (
            flickable.property("originY")
            + flickable.property("contentHeight")
            + flickable.property("bottomMargin")
            - flickable.height()
        )
        if end > 1:
            flickable.setProperty("contentY", end)
            self.rows[f"{self.prefix}{name}-end.png"] = row or f"screen:{name}"
            self._grab(f"{name}-end", f"{caption} (scrolled to the end)")
            flickable.setProperty("contentY", 0)

    def _grab(self, name: str, caption: str) -> None:
        from PySide6.QtGui import QGuiApplication

        settle(QGuiApplication.instance())
        file = f"{self.prefix}{name}.png"
        self.kiosk.window.grabWindow().save(str(self.out / file))
        self.shots.append((file, caption))


def snapshot_language(kiosk, shooter: Shooter, lang: str) -> None:
    """Walk every screen of a kiosk that starts in `lang` (only the wanted ones)."""
    backend = kiosk.backend
    window = kiosk.window
    wanted = shooter.wanted
    if wanted("attract"):
        shooter.shot("attract", "Attract screen")
    backend.navigation.start()
    if wanted("home"):
        shooter.shot("home", "Home", scroll="homeScreen")
    if wanted("display"):
        window.setProperty("displayOpen", True)
        shooter.shot("display", "Text size and display options")
        window.setProperty("displayOpen", False)
    language = backend.lang
    for explainer in language.explainer_list():
        if not wanted(explainer.id):
            continue
        backend.navigation.openExplainer(explainer.id)
        for number in range(len(explainer.pages)):
            backend.navigation.setPage(number)
            shooter.shot(
                f"explainer-{explainer.id}-p{number + 1}",
                f"{explainer.title}, page {number + 1} of {len(explainer.pages)}",
                scroll=f"page_{number}",
                row=f"explainer:{explainer.id}:{number + 1}",
            )
    explainers = [e for e in language.explainer_list() if wanted(e.id)]
    if backend.navigation.takeHomeUrl == "" and explainers:
        backend.navigation.openExplainer(explainers[0].id)  # the QR code needs a page to point at
    if explainers and backend.navigation.takeHomeUrl:
        backend.navigation.setPage(0)
        shoot_take_home(kiosk, shooter, "takeHomeButton_p0", f"explainer-{explainers[0].id}")
    backend.navigation.goHome()
    if wanted("questions"):
        backend.navigation.openTopic("")
        shooter.shot("questions", "Question browser, all topics")
    for topic in language.topic_list():
        if wanted(topic.id):
            backend.navigation.openTopic(topic.id)
            shooter.shot(f"topic-{topic.id}", f"Topic: {topic.title}", row=f"topic:{topic.id}")
    if wanted("search"):
        search = find_item(window, "searchInput")
        if search is not None:
            search.forceActiveFocus()  # brings up the on-screen keyboard, as a tap would
        example = {"es": "adiccion", "en": "addictive"}.get(lang, "ketamine")
        backend.search.setText(example)
        shooter.shot("search", f"Search as you type: {example}")
        backend.search.setText("zzqxv")
        shooter.shot("search-empty", "Search with no result", row="screen:search")
        backend.search.setText("")
    for topic in language.topic_list():
        for question in topic.questions:
            if not wanted(question.id, topic.id):
                continue
            backend.navigation.openQuestion(question.id)
            shooter.shot(
                f"answer-{question.id}",
                f"{topic.title}: {question.title}",
                scroll="answerScreen",
                row=f"question:{question.id}",
            )
    questions = [q for t in language.topic_list() for q in t.questions if wanted(q.id, t.id)]
    if questions:
        backend.navigation.openQuestion(questions[0].id)
        if backend.navigation.takeHomeUrl:
            shoot_take_home(kiosk, shooter, "takeHomeButton", f"answer-{questions[0].id}")
    if wanted("help"):
        backend.navigation.openHelp()
        shooter.shot("help", "Help", scroll="helpScreen")
    if wanted("still-there"):
        backend.session.set_state("warning", 27)
        shooter.shot("still-there", "Still there? warning")
        backend.session.set_state("active", 0)
    maintenance = kiosk.maintenance
    if wanted("pin-pad"):
        maintenance.openPinPad()
        shooter.shot("pin-pad", "Staff PIN pad (five quick taps in the staff corner)")
    if wanted("maintenance"):
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
    shooter.shot(
        f"{name}-qr",
        f"Take this with you: {kiosk.backend.navigation.takeHomeUrl}",
        row=f"screen:take-home-{name.partition('-')[0]}",
    )
    close = find_item(kiosk.window, "takeHomeClose")
    if close is not None:
        QMetaObject.invokeMethod(close, "clicked")


def _has_voices(reader: QObject) -> bool:
    """The read-aloud engine has loaded (on its own thread) and knows its languages."""
    return bool(reader.property("languages"))


def snapshot(options: SnapshotOptions) -> int:
    """`kiosk snapshot`: builds a kiosk per language from `options`, pictures every screen."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from kiosk.check.diagnosis import diagnose
    from kiosk.content import load_catalog
    from kiosk.outputs.contact_sheet import write_contact_sheet
    from kiosk.qt.app import Kiosk, QmlMessages, load_fonts, prepare_environment

    content, out, display = options.content, options.out, options.display
    out.mkdir(parents=True, exist_ok=True)
    config = load_config(content)
    checked = load_catalog(content)
    only = _only(options.only, checked)
    if isinstance(only, int):
        return only
    prepare_environment(config, offscreen=True)
    messages = QmlMessages()
    messages.install()
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    load_fonts()
    size = display.size or (1280, 800)
    events = EventLog(options.event_log)
    languages = (
        [display.language]
        if display.language
        else [c for c in config.languages if (content / c).is_dir()]
    )
    sections = []
    for lang in languages:
        # A kiosk per language, started in it, as a clinic would with --lang.
        kiosk = Kiosk(
            content,
            events=events,
            size=size,
            language=lang,
            text_scale=display.text_scale,
            high_contrast=display.high_contrast,
            watch_content=False,
            reduced_motion=True,  # no page turn caught half-way in a picture
            reader_type=PictureReader,  # the read-aloud button, as with a voice
        )
        if lang not in kiosk.backend.catalog.languages:
            kiosk.close()
            print(f"no language {lang!r} in {content}", file=sys.stderr)
            return 2
        kiosk.window.show()
        # The engine loads on its own thread: wait, so the read-aloud button shows.
        process_events_until(functools.partial(_has_voices, kiosk.reader), 10)
        shooter = Shooter(kiosk, out, f"{lang}-", only)
        snapshot_language(kiosk, shooter, lang)
        sections.append((lang, shooter.shots, shooter.rows))
        kiosk.close()
    mode = f"{size[0]}x{size[1]}, text {int((display.text_scale or 1) * 100)}%" + (
        ", high contrast" if display.high_contrast else ""
    )
    roots = diagnose(checked.problems, checked.dropped, checked.config.default_language)
    write_contact_sheet(out, sections, checked, roots, f"Kiosk snapshot - {mode}")
    count = sum(len(shots) for _, shots, _ in sections)
    settle(app)
    if messages.messages:
        print(f"{len(messages.messages)} QML warning(s):", file=sys.stderr)
        for message in messages.messages[:20]:
            print("  " + message, file=sys.stderr)
        return 1
    print(f"wrote {count} screenshots and {out / 'index.html'}")
    return 0


def _only(asked: frozenset[str] | None, catalog: Catalog) -> frozenset[str] | None | int:
    """The ids --only asks for (None: everything), or exit code 2 for an unknown one."""
    if asked is None:
        return None
    from kiosk.check.suggest import closest

    known = set(SCREENS)
    for language in catalog.languages.values():
        known |= set(language.explainers) | set(language.topics) | set(language.questions)
    unknown = sorted(asked - known)
    for item in unknown:
        near = closest(item, known)
        hint = f" (did you mean {near!r}?)" if near else ""
        print(f"--only: no explainer, topic, question or screen {item!r}{hint}", file=sys.stderr)
    return 2 if unknown else asked
