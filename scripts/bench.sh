#!/usr/bin/env bash
# The benchmark (bench/): start-up, memory, idle, latency, search, content load, reset,
# under Xvfb (xcb) and offscreen. Writes bench/results/*.json and prints budget vs measured.
# Usage: scripts/bench.sh [--quick] [--peer] [--platforms xcb,offscreen] [--out FILE] ...
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec .venv/bin/python -m bench "$@"
