"""The exported site's URL scheme, shared by `kiosk export-site` and the kiosk's QR codes.

Every page is a folder with an index.html, so its address has no file name on a web server:

    /                                   language choice
    /{lang}/                            topic index
    /{lang}/explainers/{id}/            an explainer's first page
    /{lang}/explainers/{id}/{n}/        its page n (n >= 2)
    /{lang}/topics/{id}/                a question topic with its questions listed
    /{lang}/questions/{id}/             one question and its answer
    /assets/...                         style sheet, fonts, pictures

The QR code on the kiosk is site_url joined with one of these paths, so they must not change.
"""

from __future__ import annotations


def explainer_path(lang: str, explainer_id: str, page: int = 0) -> str:
    """Path of an explainer page; `page` counts from 0 as the kiosk does."""
    base = f"{lang}/explainers/{explainer_id}/"
    return base if page <= 0 else f"{base}{page + 1}/"


def question_path(lang: str, question_id: str) -> str:
    return f"{lang}/questions/{question_id}/"


def topic_path(lang: str, topic_id: str) -> str:
    return f"{lang}/topics/{topic_id}/"


def index_path(lang: str) -> str:
    return f"{lang}/"


def public_url(site_url: str, path: str) -> str:
    """The address a phone opens: the clinic's site_url with one path of the scheme above."""
    return site_url.rstrip("/") + "/" + path.lstrip("/")


def relative(from_path: str, to_path: str) -> str:
    """A link from one page folder to another that also works from file:// (ends in
    index.html, since a file:// browser does not look for it in a folder)."""
    prefix = "../" * from_path.count("/")
    if not to_path or to_path.endswith("/"):
        return prefix + to_path + "index.html"
    return prefix + to_path
