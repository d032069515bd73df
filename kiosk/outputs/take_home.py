""" "Take this with you": the public address of what the kiosk shows, and its QR code.

The address is the clinic's site_url joined with the exported site's path for the same
item, page and language (kiosk.outputs.paths), so a phone opens the very page the patient
was reading. The QR code is made here, on the kiosk; nothing is sent anywhere.
"""

from __future__ import annotations

import functools

from kiosk.outputs import paths


def take_home_url(site_url: str, screen: str, lang: str, item: str, page: int) -> str:
    """The page's public address, or "" where there is none (no site_url, other screens)."""
    if not site_url.strip() or not item:
        return ""
    if screen == "explainer":
        return paths.public_url(site_url.strip(), paths.explainer_path(lang, item, page))
    if screen == "answer":
        return paths.public_url(site_url.strip(), paths.question_path(lang, item))
    return ""


@functools.lru_cache(maxsize=64)
def qr_data_uri(url: str) -> str:
    """The QR code of `url` as a PNG data URL (black on white, with the quiet zone that
    phone cameras need). Error correction M survives a smudged screen."""
    import segno

    return segno.make(url, error="m", micro=False).png_data_uri(scale=8, border=4)
