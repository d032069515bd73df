"""The QR code's address and the checker's word on site_url (no Qt)."""

from __future__ import annotations

import base64
import shutil
import subprocess
from pathlib import Path

import pytest

from kiosk.content import load_catalog
from kiosk.outputs.take_home import qr_data_uri, take_home_url
from tests.conftest import BUNDLED


def with_site_url(tmp_path: Path, site_url: str) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(BUNDLED, folder)
    config = folder / "kiosk.toml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("[clinic]\n", f'[clinic]\nsite_url = "{site_url}"\n', 1))
    return folder


def test_addresses_follow_the_export_scheme():
    site = "https://clinic.example/learn/"
    assert take_home_url(site, "explainer", "es", "getting-help", 0) == (
        "https://clinic.example/learn/es/explainers/getting-help/"
    )
    assert take_home_url(site, "explainer", "en", "getting-help", 2) == (
        "https://clinic.example/learn/en/explainers/getting-help/3/"
    )
    assert take_home_url(site, "answer", "en", "struggling-now", 0) == (
        "https://clinic.example/learn/en/questions/struggling-now/"
    )
    assert take_home_url("", "answer", "en", "struggling-now", 0) == ""
    assert take_home_url(site, "home", "en", "", 0) == ""


@pytest.mark.skipif(shutil.which("zbarimg") is None, reason="zbarimg is not installed")
def test_qr_code_decodes_to_the_address(tmp_path: Path):
    url = "https://clinic.example/learn/es/questions/qué-es/"
    uri = qr_data_uri(url)
    assert uri.startswith("data:image/png;base64,")
    png = tmp_path / "code.png"
    png.write_bytes(base64.b64decode(uri.split(",", 1)[1]))
    out = subprocess.run(["zbarimg", "--quiet", "--raw", str(png)], capture_output=True)
    assert out.stdout.decode("utf-8").strip() == url


@pytest.mark.parametrize(
    ("site_url", "warned"),
    [("http://clinic.example/learn", True), ("https://clinic.example/learn", False), ("", False)],
)
def test_check_warns_when_site_url_is_not_https(tmp_path: Path, site_url: str, warned: bool):
    folder = with_site_url(tmp_path, site_url) if site_url else BUNDLED
    codes = [p.code for p in load_catalog(folder).problems]
    assert ("site-url-not-https" in codes) is warned
    assert "config-unknown-key" not in codes
