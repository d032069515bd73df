#!/usr/bin/env bash
# Set up (first time) and start the kiosk on the bundled content.
# Extra arguments go to `kiosk run`, e.g. scripts/start.sh --windowed --size 1280x800
# On a machine with no display (no $DISPLAY or $WAYLAND_DISPLAY) it starts a virtual
# X screen with Xvfb, so the kiosk runs and can be inspected with screenshots.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  echo "start: no display found, running on a virtual screen (Xvfb, 1280x800)"
  exec xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/kiosk run --content content "$@"
fi
exec .venv/bin/kiosk run --content content "$@"
