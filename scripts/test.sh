#!/usr/bin/env bash
# Set up (first time) and run the whole test suite: lint, format check, qmllint, tests.
# Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
.venv/bin/ruff check kiosk tests bench
.venv/bin/ruff format --check kiosk tests bench
scripts/qmllint.sh
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest "$@"
