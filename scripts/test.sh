#!/usr/bin/env bash
# Set everything up and run the whole test suite (LibreOffice tests included, none skipped).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/python -m pytest -n 2 -q "$@"
