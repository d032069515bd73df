#!/usr/bin/env bash
# Set up (first time) and run the whole test suite: lint, format check, qmllint, types,
# tests.
# Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
.venv/bin/ruff check kiosk tests bench
.venv/bin/ruff format --check kiosk tests bench
scripts/qmllint.sh
.venv/bin/mypy kiosk
export QT_QPA_PLATFORM=offscreen
# Two worker processes (each its own Qt application); a file's tests stay on one worker, so
# a module's fixture (one real kiosk process, one search index) starts once.
# KIOSK_TEST_WORKERS=0 runs everything in this process.
exec .venv/bin/python -m pytest -n "${KIOSK_TEST_WORKERS:-2}" --dist loadfile "$@"
