"""The wheel carries what the kiosk needs at run time (the top-level assets/ fonts, the QML,
the message catalogs, the init templates), and a kiosk installed from it finds its fonts
without the checkout."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import REPO

import kiosk

FONTS = sorted(p.name for p in (REPO / "assets" / "fonts").iterdir())


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(REPO)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (built,) = out.glob("*.whl")
    return built


def test_the_checkout_finds_the_top_level_assets():
    assert kiosk.assets_dir() == REPO / "assets"
    assert {"AtkinsonHyperlegible-Regular.ttf", "OFL.txt"} <= set(FONTS)
    assert not (REPO / "kiosk" / "assets").exists()  # one copy, at the top


def test_the_wheel_holds_the_fonts_and_every_package(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {f"kiosk/assets/fonts/{name}" for name in FONTS} <= names
    assert "kiosk/qml/Kiosk/Main.qml" in names
    assert "kiosk/qml/Kiosk/qmldir" in names
    assert "kiosk/locale/es/LC_MESSAGES/kiosk.mo" in names
    assert "kiosk/templates/content/kiosk.toml" in names
    assert "kiosk/outputs/site_search.js" in names
    # pyproject.toml names every package: a new one left off the list would be missing.
    packages = {
        init.parent.relative_to(REPO).as_posix() for init in (REPO / "kiosk").rglob("__init__.py")
    }
    assert {f"{package}/__init__.py" for package in packages} <= names


def test_a_kiosk_installed_from_the_wheel_finds_its_fonts(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "-q"]
        + ["--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    probe = (
        "import json, kiosk\n"
        "from PySide6.QtGui import QGuiApplication\n"
        "from kiosk.outputs import site\n"
        "from kiosk.qt import app\n"
        "gui = QGuiApplication([])\n"
        "print(json.dumps({'package': kiosk.__file__, 'assets': str(kiosk.assets_dir()),\n"
        "    'qt_fonts': str(app.FONTS_DIR), 'site_fonts': str(site.FONTS_DIR),\n"
        "    'families': app.load_fonts()}))\n"
    )
    # Run from an empty folder with only the installed copy on the path before the
    # environment's packages (PySide6...), so the checkout cannot be what is found.
    env = {**os.environ, "PYTHONPATH": str(target), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout.strip().splitlines()[-1])
    installed = target / "kiosk"
    assert Path(found["package"]).parent == installed
    assert Path(found["assets"]) == installed / "assets"
    assert Path(found["qt_fonts"]) == Path(found["site_fonts"]) == installed / "assets" / "fonts"
    assert "Atkinson Hyperlegible" in found["families"]
