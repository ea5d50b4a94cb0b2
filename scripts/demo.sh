#!/usr/bin/env bash
# Set everything up and run the main job: the demo workbook scored, every document, form and
# the calendar written to ./demo (or the folder given as the first argument).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/partnerkeuze demo "${1:-demo}"
