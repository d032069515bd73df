"""`kiosk stats --html`: one self-contained page a clinic manager reads, in English or Spanish.

No network, no JavaScript, no fonts or pictures to fetch: the charts are inline SVG drawn
here. A charting library (pygal, matplotlib) was weighed and left out: every chart here is a
bar chart, pygal's output links its tooltips script from the web unless told not to and cuts
long titles, matplotlib is tens of megabytes for a kiosk; about a hundred lines of SVG do it
and keep titles whole, numbers on the bars, and the page readable when printed.

Items are shown by their title in the manager's language (from the content catalog), falling
back to another language's title, then to the id.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable, Sequence

from kiosk.stats.usage import Report, format_duration

LANGUAGES = ("en", "es")

STRINGS = {
    "en": {
        "title": "Kiosk usage",
        "all_time": "All recorded use",
        "since": "Since {date}",
        "sources": "From {count} kiosk statistics file(s): {names}",
        "made": "Made {when}. Counts only: nothing a patient typed is ever recorded.",
        "sessions": "Sessions",
        "median": "Typical session (median)",
        "searches": "Searches",
        "no_result": "Searches with no result",
        "help_opens": "Help screen opened",
        "per_day": "Sessions per day",
        "per_hour": "Sessions by hour of the day",
        "explainers": "What was read: guides",
        "questions": "Questions opened",
        "search_outcome": "Searches: found something or not",
        "found": "Found something",
        "not_found": "No result",
        "languages": "Languages",
        "reasons": "How sessions ended",
        "none": "Nothing recorded yet.",
        "views": "{n} views",
        "chart_of": "Bar chart: {what}",
        "reason_idle": "Left alone (timed out)",
        "reason_start-over": "Start over tapped",
        "reason_content-update": "New content applied",
        "reason_maintenance": "Staff maintenance",
        "reason_shutdown": "Kiosk switched off",
        "reason_unfinished": "Not ended (power cut or crash)",
        "lang_en": "English",
        "lang_es": "Spanish",
        "days": "Mon Tue Wed Thu Fri Sat Sun",
        "months": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec",
        "no_result_hint": "Many searches with no result can mean patients look for answers the content does not have yet.",
        "range": "{first} to {last}",
        "top_shown": "The {n} most opened of {total}.",
    },
    "es": {
        "title": "Uso del quiosco",
        "all_time": "Todo el uso registrado",
        "since": "Desde el {date}",
        "sources": "De {count} archivo(s) de estadísticas de quioscos: {names}",
        "made": "Hecho el {when}. Solo cuentas: nunca se guarda nada de lo que escribe un paciente.",
        "sessions": "Sesiones",
        "median": "Sesión típica (mediana)",
        "searches": "Búsquedas",
        "no_result": "Búsquedas sin resultado",
        "help_opens": "Pantalla de ayuda abierta",
        "per_day": "Sesiones por día",
        "per_hour": "Sesiones por hora del día",
        "explainers": "Lo que se leyó: guías",
        "questions": "Preguntas abiertas",
        "search_outcome": "Búsquedas: con o sin resultado",
        "found": "Con resultado",
        "not_found": "Sin resultado",
        "languages": "Idiomas",
        "reasons": "Cómo terminaron las sesiones",
        "none": "Todavía no hay nada registrado.",
        "views": "{n} vistas",
        "chart_of": "Gráfico de barras: {what}",
        "reason_idle": "Sin uso (se acabó el tiempo)",
        "reason_start-over": "Tocaron «Empezar de nuevo»",
        "reason_content-update": "Se aplicó contenido nuevo",
        "reason_maintenance": "Mantenimiento del personal",
        "reason_shutdown": "Se apagó el quiosco",
        "reason_unfinished": "Sin terminar (corte de luz o fallo)",
        "lang_en": "Inglés",
        "lang_es": "Español",
        "days": "lun mar mié jue vie sáb dom",
        "months": "ene feb mar abr may jun jul ago sep oct nov dic",
        "no_result_hint": "Muchas búsquedas sin resultado pueden indicar que los pacientes buscan respuestas que el contenido aún no tiene.",
        "range": "Del {first} al {last}",
        "top_shown": "Las {n} más abiertas de {total}.",
    },
}

ACCENT = "#1D5F8A"
MUTED = "#4A5560"
GRID = "#D5D9DE"
WIDTH = 760
MAX_ROWS = 15
MAX_LABEL = 90


def _t(lang: str, key: str, **values: object) -> str:
    text = STRINGS[lang][key]
    return text.format(**values) if values else text


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _nice_top(value: int) -> int:
    """The top of an axis with four round steps: 4 (1, 2, 3, 4), 8, 20, 40, 80, 200..."""
    tick = 1
    while tick * 4 < value:
        tick = _next_nice(tick)
    return tick * 4


def _next_nice(tick: int) -> int:
    digits = len(str(tick)) - 1
    lead = tick // 10**digits
    return {1: 2, 2: 5, 5: 10}[lead] * 10**digits


def column_chart(rows: Sequence[tuple[str, int]], what: str, lang: str, *, every: int = 1) -> str:
    """Vertical bars with the value above each (days, hours). `every`: label every Nth."""
    if not rows or not any(n for _, n in rows):
        return f'<p class="none">{_e(_t(lang, "none"))}</p>'
    height, left, bottom, top_pad = 230, 40, 34, 18
    plot_w, plot_h = WIDTH - left - 10, height - bottom - top_pad
    top = _nice_top(max(n for _, n in rows))
    slot = plot_w / len(rows)
    bar = max(2.0, slot * 0.7)
    parts = [_svg_open(WIDTH, height, _t(lang, "chart_of", what=what))]
    for i in range(5):
        value = top * i / 4
        y = top_pad + plot_h - plot_h * i / 4
        parts.append(
            f'<line x1="{left}" x2="{WIDTH - 10}" y1="{y:.1f}" y2="{y:.1f}" stroke="{GRID}"/>'
        )
        label = f"{value:.0f}" if value == int(value) else f"{value:.1f}"
        parts.append(
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" class="axis">{label}</text>'
        )
    for i, (label, n) in enumerate(rows):
        x = left + slot * i + (slot - bar) / 2
        h = plot_h * n / top
        y = top_pad + plot_h - h
        parts.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" fill="{ACCENT}">'
            f"<title>{_e(label)}: {n}</title></rect>"
        )
        if n and slot >= 18:
            parts.append(
                f'<text x="{x + bar / 2:.1f}" y="{y - 4:.1f}" text-anchor="middle" '
                f'class="value">{n}</text>'
            )
        if i % every == 0:
            parts.append(
                f'<text x="{x + bar / 2:.1f}" y="{height - bottom + 18}" text-anchor="middle" '
                f'class="axis">{_e(label)}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)


def bar_list(rows: Sequence[tuple[str, int]], what: str, lang: str) -> str:
    """Horizontal bars, each under its whole label (long titles are not cut to fit)."""
    rows = [(label, n) for label, n in rows if n]
    total = len(rows)
    rows = rows[:MAX_ROWS]
    if not rows:
        return f'<p class="none">{_e(_t(lang, "none"))}</p>'
    note = ""
    if total > len(rows):
        note = f'<p class="hint">{_e(_t(lang, "top_shown", n=len(rows), total=total))}</p>'
    row_h, value_w = 46, 60
    height = row_h * len(rows) + 6
    most = max(n for _, n in rows)
    parts = [_svg_open(WIDTH, height, _t(lang, "chart_of", what=what))]
    for i, (label, n) in enumerate(rows):
        y = i * row_h
        text = label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1] + "…"
        w = max(3.0, (WIDTH - value_w) * n / most)
        parts.append(f'<text x="0" y="{y + 17}" class="label">{_e(text)}</text>')
        parts.append(
            f'<rect x="0" y="{y + 24}" width="{w:.1f}" height="16" rx="3" fill="{ACCENT}">'
            f"<title>{_e(label)}: {n}</title></rect>"
        )
        parts.append(f'<text x="{w + 8:.1f}" y="{y + 37}" class="value">{n}</text>')
    parts.append("</svg>")
    return "".join(parts) + note


def _svg_open(width: int, height: int, label: str) -> str:
    return (
        f'<svg role="img" aria-label="{_e(label)}" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}">'
    )


def _day_label(day: dt.date, lang: str) -> str:
    days, months = _t(lang, "days").split(), _t(lang, "months").split()
    return f"{days[day.weekday()]} {day.day} {months[day.month - 1]}"


def _every_day(per_day: Iterable[tuple[dt.date, int]]) -> list[tuple[dt.date, int]]:
    """Days with no session are shown as empty days, not left out."""
    counts = dict(per_day)
    if not counts:
        return []
    first, last = min(counts), max(counts)
    return [
        (first + dt.timedelta(days=i), counts.get(first + dt.timedelta(days=i), 0))
        for i in range((last - first).days + 1)
    ]


class Titles:
    """Content ids to titles, in the manager's language first."""

    def __init__(self, catalog, lang: str) -> None:
        self.explainers: dict[str, str] = {}
        self.questions: dict[str, str] = {}
        languages = dict(getattr(catalog, "languages", {}) or {})
        order = [lang] + [code for code in languages if code != lang]
        for code in reversed(order):  # the preferred language last, so it wins
            language = languages.get(code)
            if language is None:
                continue
            self.explainers.update({k: e.title for k, e in language.explainers.items()})
            self.questions.update({k: q.title for k, q in language.questions.items()})

    def explainer(self, item: str) -> str:
        return self.explainers.get(item, item)

    def question(self, item: str) -> str:
        return self.questions.get(item, item)


def _language_name(code: str, lang: str) -> str:
    key = f"lang_{code}"
    return _t(lang, key) if key in STRINGS[lang] else code


def _reason(reason: str, lang: str) -> str:
    key = f"reason_{reason}"
    return _t(lang, key) if key in STRINGS[lang] else reason


def render(
    report: Report,
    *,
    lang: str = "en",
    catalog=None,
    sources: Sequence[str] = (),
    now: dt.datetime | None = None,
) -> str:
    """The whole page as text."""
    if lang not in STRINGS:
        lang = "en"
    titles = Titles(catalog, lang)
    now = now or dt.datetime.now()
    scope = (
        _t(lang, "since", date=_day_label(report.since, lang) + f" {report.since.year}")
        if report.since
        else _t(lang, "all_time")
    )
    if report.sessions_per_day:
        first, last = report.sessions_per_day[0][0], report.sessions_per_day[-1][0]
        scope += ". " + _t(
            lang,
            "range",
            first=f"{_day_label(first, lang)} {first.year}",
            last=f"{_day_label(last, lang)} {last.year}",
        )
    hours = dict(report.sessions_per_hour)
    per_hour = [(str(h), hours.get(h, 0)) for h in range(24)]
    days = [(_day_label(d, lang), n) for d, n in _every_day(report.sessions_per_day)]
    figures = [
        ("sessions", report.sessions),
        ("median", format_duration(report.median_session_s)),
        ("searches", report.searches),
        ("no_result", report.no_result_searches),
        ("help_opens", report.help_opens),
    ]
    sections = [
        ("per_day", column_chart(days, _t(lang, "per_day"), lang, every=max(1, len(days) // 14))),
        ("per_hour", column_chart(per_hour, _t(lang, "per_hour"), lang, every=2)),
        (
            "explainers",
            bar_list(
                [(titles.explainer(k), n) for k, n in report.top_explainers],
                _t(lang, "explainers"),
                lang,
            ),
        ),
        (
            "questions",
            bar_list(
                [(titles.question(k), n) for k, n in report.top_questions],
                _t(lang, "questions"),
                lang,
            ),
        ),
        (
            "search_outcome",
            bar_list(
                [
                    (_t(lang, "found"), report.searches - report.no_result_searches),
                    (_t(lang, "not_found"), report.no_result_searches),
                ],
                _t(lang, "search_outcome"),
                lang,
            )
            + f'<p class="hint">{_e(_t(lang, "no_result_hint"))}</p>',
        ),
        (
            "languages",
            bar_list(
                [(_language_name(k, lang), n) for k, n in report.languages],
                _t(lang, "languages"),
                lang,
            ),
        ),
        (
            "reasons",
            bar_list(
                [(_reason(k, lang), n) for k, n in report.reset_reasons],
                _t(lang, "reasons"),
                lang,
            ),
        ),
    ]
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(_t(lang, 'title'))}</title>",
        f"<style>{CSS}</style></head><body><main>",
        f"<h1>{_e(_t(lang, 'title'))}</h1>",
        f'<p class="scope">{_e(scope)}</p>',
    ]
    if sources:
        names = ", ".join(sources)
        out.append(
            f'<p class="scope">{_e(_t(lang, "sources", count=len(sources), names=names))}</p>'
        )
    out.append('<dl class="figures">')
    for key, value in figures:
        out.append(f"<div><dt>{_e(_t(lang, key))}</dt><dd>{_e(value)}</dd></div>")
    out.append("</dl>")
    for key, body in sections:
        out.append(
            f'<section><h2>{_e(_t(lang, key))}</h2><div class="chart">{body}</div></section>'
        )
    out.append(f'<p class="made">{_e(_t(lang, "made", when=now.strftime("%Y-%m-%d %H:%M")))}</p>')
    out.append("</main></body></html>")
    return "\n".join(out) + "\n"


CSS = f"""
body {{ margin: 0; background: #F6F4EF; color: #1F2933;
  font: 16px/1.45 "Atkinson Hyperlegible", "DejaVu Sans", Arial, sans-serif; }}
main {{ max-width: 820px; margin: 0 auto; padding: 24px 20px 40px; }}
h1 {{ font-size: 30px; margin: 0 0 4px; }}
h2 {{ font-size: 20px; margin: 0 0 12px; }}
.scope, .made, .hint, .none {{ color: {MUTED}; margin: 2px 0; }}
.made {{ margin-top: 28px; font-size: 14px; }}
.figures {{ display: flex; flex-wrap: wrap; gap: 12px; margin: 20px 0; padding: 0; }}
.figures div {{ background: #fff; border: 1px solid {GRID}; border-radius: 8px;
  padding: 10px 16px; min-width: 120px; }}
dt {{ color: {MUTED}; font-size: 14px; }}
dd {{ margin: 0; font-size: 26px; font-weight: bold; }}
section {{ background: #fff; border: 1px solid {GRID}; border-radius: 8px;
  padding: 16px 18px; margin: 0 0 16px; break-inside: avoid; }}
.chart svg {{ max-width: 100%; height: auto; display: block; }}
svg text {{ font-family: inherit; fill: #1F2933; }}
svg .axis {{ font-size: 12px; fill: {MUTED}; }}
svg .value {{ font-size: 13px; font-weight: bold; }}
svg .label {{ font-size: 15px; }}
@media print {{ body {{ background: #fff; }} section, .figures div {{ border-color: #999; }} }}
"""
