"""Offline patient education kiosk."""

from pathlib import Path

__version__ = "0.1.0"

_PACKAGE = Path(__file__).resolve().parent


def assets_dir() -> Path:
    """The assets/ folder (fonts, icons): kiosk/assets/ once installed from a wheel (pyproject.toml
    maps the top-level assets/ there), else the checkout's top-level assets/ (a checkout or
    an editable install)."""
    installed = _PACKAGE / "assets"
    return installed if installed.is_dir() else _PACKAGE.parent / "assets"
