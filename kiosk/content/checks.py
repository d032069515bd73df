"""Checks across files: links, topics, translations, UI strings, featured items, logo."""

from __future__ import annotations

from kiosk.check.problems import error, warning
from kiosk.check.suggest import closest
from kiosk.content.load_state import LoadState
from kiosk.content.model import Catalog, Language
from kiosk.content.ui_strings import required_keys


def resolves(language: Language, kind: str, item_id: str) -> bool:
    if kind == "explainer":
        return item_id in language.explainers
    if kind == "question":
        return item_id in language.questions
    if kind == "topic":
        return item_id in language.topics
    return False


def run_all(loader: LoadState, catalog: Catalog) -> None:
    problems = catalog.problems
    for lang, link, file, line in loader.link_sites:
        language = catalog.languages.get(lang)
        if language and not resolves(language, link.kind, link.id):
            problems.append(
                error(
                    "broken-link",
                    file,
                    line,
                    f"link to {link.target} goes nowhere",
                    f"No {link.kind} with id '{link.id}' in {lang}/. Check the spelling of the id.",
                    suggestion=closest(link.id, _known(loader, language, link.kind)),
                    subject=f"{lang}:{link.kind}:{link.id}",
                )
            )
    for language in catalog.languages.values():
        for explainer in language.explainers.values():
            if explainer.topic not in language.topics:
                problems.append(
                    warning(
                        "unknown-topic",
                        explainer.path,
                        1,
                        f"topic '{explainer.topic}' has no questions file",
                        f"Create {language.code}/questions/{explainer.topic}.md or use an existing "
                        "topic id.",
                        suggestion=closest(explainer.topic, language.topics),
                        subject=f"{language.code}:topic:{explainer.topic}",
                    )
                )
        _check_strings(catalog, language)
        _check_featured(catalog, language)
    _check_parity(catalog)
    logo = catalog.config.clinic.get("logo")
    if logo:
        loader.check_picture("kiosk.toml", None, logo, "logo")
    _check_site_url(catalog)
    from kiosk.content import lint  # the editor's common slips, checked on the raw text

    lint.run(loader, catalog)


def _check_site_url(catalog: Catalog) -> None:
    """The QR codes' address: a phone should open it over https, and it must be a web one."""
    site_url = catalog.config.clinic.get("site_url", "").strip()
    if site_url and not site_url.lower().startswith("https://"):
        catalog.problems.append(
            warning(
                "site-url-not-https",
                "kiosk.toml",
                None,
                f"clinic.site_url {site_url!r} does not start with https://",
                "Publish the kiosk export-site folder on an https address and put that "
                "address in site_url: phones warn about, or refuse, plain http pages.",
            )
        )


def _check_strings(catalog: Catalog, language: Language) -> None:
    rel = f"{language.code}/strings.toml"
    if not (catalog.root / rel).exists():
        return  # reported as file-missing already
    missing = sorted(required_keys() - set(language.strings))
    for key in missing:
        catalog.problems.append(
            error(
                "string-missing",
                rel,
                None,
                f"UI string '{key}' is missing",
                f'Add {key} = "..." (see the same key in the other language).',
                subject=f"string:{key}",
            )
        )
    if not language.help_lines:
        catalog.problems.append(
            warning(
                "help-lines-missing",
                rel,
                None,
                "no [[help_line]] entries for the Help screen",
                "Add crisis lines (988, the SAMHSA helpline, 911) as [[help_line]] tables.",
            )
        )


def _check_featured(catalog: Catalog, language: Language) -> None:
    for target in catalog.config.kiosk.get("featured", []):
        kind, _, item_id = str(target).partition(":")
        if not resolves(language, kind, item_id):
            catalog.problems.append(
                error(
                    "broken-link",
                    "kiosk.toml",
                    None,
                    f"featured item {target} does not exist in {language.code}/",
                    "Use question:ID or explainer:ID of an existing item.",
                    suggestion=closest(item_id, _ids(language).get(kind, ())),
                    subject=f"{language.code}:{kind}:{item_id}",
                )
            )


def _known(loader: LoadState, language: Language, kind: str) -> set[str]:
    """Ids of `kind` in a language, with those of files left out for an error: a link
    misspelled next to a broken file still gets its "did you mean"."""
    known = set(_ids(language).get(kind, ()))
    for rel, defined in loader.dropped.items():
        if rel.startswith(f"{language.code}/"):
            known |= {d.partition(":")[2] for d in defined if d.startswith(f"{kind}:")}
    return known


def _ids(language: Language) -> dict[str, set[str]]:
    return {
        "explainer": set(language.explainers),
        "topic": set(language.topics),
        "question": set(language.questions),
    }


def _where(language: Language, kind: str, item_id: str) -> str:
    """The file (and line, for a question) that holds an item: what an editor opens."""
    if kind == "question":
        question = language.questions[item_id]
        return f"{question.path}:{question.line}"
    item = language.explainers[item_id] if kind == "explainer" else language.topics[item_id]
    return item.path


def _expected_file(code: str, kind: str, item_id: str, default: Language) -> str:
    if kind == "question":
        topic = default.questions[item_id].topic
        return f"{code}/questions/{topic}.md"
    return f"{code}/{'explainers' if kind == 'explainer' else 'questions'}/{item_id}.md"


def _check_parity(catalog: Catalog) -> None:
    """Items of the default language missing from another (or extra there), naming the file
    on each side; an id that differs by a little on one side is reported once, as a rename."""
    default = catalog.languages.get(catalog.config.default_language)
    if default is None:
        return
    base = _ids(default)
    for code, language in catalog.languages.items():
        if code == default.code:
            continue
        other = _ids(language)
        for kind in base:
            missing = sorted(base[kind] - other[kind])
            extra = sorted(other[kind] - base[kind])
            renamed: dict[str, str] = {}
            for item_id in extra:
                old = closest(item_id, [m for m in missing if m not in renamed.values()])
                if old:
                    renamed[item_id] = old
            for new, old in renamed.items():
                catalog.problems.append(
                    warning(
                        "translation-renamed",
                        _where(language, kind, new).split(":")[0],
                        language.questions[new].line if kind == "question" else None,
                        f"{kind} '{new}' in {_where(language, kind, new)} does not match "
                        f"'{old}' in {_where(default, kind, old)}",
                        f"Did you rename '{old}' to '{new}'? Use the same id in every language.",
                        suggestion=old,
                        subject=f"{code}:{kind}:{old}",
                    )
                )
            for item_id in missing:
                if item_id in renamed.values():
                    continue
                catalog.problems.append(
                    warning(
                        "translation-missing",
                        _expected_file(code, kind, item_id, default),
                        None,
                        f"{kind} '{item_id}' of {_where(default, kind, item_id)} has no "
                        f"translation in {code}/",
                        f"Translate it into {code}/ with the same id; until then it is not shown "
                        f"in {code}.",
                        subject=f"{code}:{kind}:{item_id}",
                    )
                )
            for item_id in extra:
                if item_id in renamed:
                    continue
                where = _where(language, kind, item_id)
                catalog.problems.append(
                    warning(
                        "translation-extra",
                        where.split(":")[0],
                        language.questions[item_id].line if kind == "question" else None,
                        f"{kind} '{item_id}' of {where} is not in {default.code}/",
                        f"Add it to {default.code}/ too, or check the id's spelling.",
                        subject=f"{default.code}:{kind}:{item_id}",
                    )
                )
        extra_strings = set(language.strings) - set(default.strings)
        for key in sorted(extra_strings):
            catalog.problems.append(
                warning(
                    "string-extra",
                    f"{code}/strings.toml",
                    None,
                    f"string '{key}' is not in {default.code}/strings.toml",
                    "Check the key's spelling.",
                    suggestion=closest(key, default.strings),
                    subject=f"string-extra:{key}",
                )
            )
