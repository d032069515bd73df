#!/usr/bin/env bash
# Idempotent set-up on Debian (root or sudo): the system libraries Qt's platform plugins,
# the virtual keyboard and text-to-speech need, a virtualenv in .venv, and the package.
# Usage: scripts/setup.sh [--test]   (--test also installs the test tools)
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  libpulse0                      # Qt Virtual Keyboard and Text to Speech plugins link it
  libxcb-icccm4 libxcb-keysyms1  # Qt's X11 (xcb) platform plugin
  libxcb-cursor0 libxkbcommon-x11-0 libxcb-image0 libxcb-render-util0 libxcb-shape0
  libxcb-randr0 libxcb-xkb1 libegl1 libgl1 libfontconfig1 libdbus-1-3
  xvfb xauth xdotool             # a virtual screen for machines without a display
  git rsync                      # content rollout scripts (deploy/) and their tests
  speech-dispatcher espeak-ng speech-dispatcher-espeak-ng  # read aloud (the last is
                                 # speech-dispatcher's espeak-ng module: without it, no voice)
  poppler-utils zbar-tools       # tests read handout PDFs back and decode the QR code
  chromium                       # tests open the exported site and run axe-core in it
  cage xwayland                  # the boot compositor (tests/test_boot.py runs the unit's
                                 # command under it; Debian 12's cage needs xwayland)
)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "setup: installing Debian packages: ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv"
  "$PYTHON" -m venv .venv
fi

extras=""
if [ "${1:-}" = "--test" ]; then extras="[test]"; fi
# Reinstall only when the dependency list changed.
stamp=".venv/.kiosk-installed$extras"
want="$(sha256sum pyproject.toml | cut -c1-16)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "setup: installing Python packages"
  .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
  # The distribution was called "kiosk" before (taken on PyPI): drop that install first.
  .venv/bin/python -m pip uninstall -q -y --disable-pip-version-check kiosk 2>/dev/null || true
  .venv/bin/python -m pip install -q --disable-pip-version-check -e ".$extras"
  echo "$want" > "$stamp"
fi
