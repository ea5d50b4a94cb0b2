#!/usr/bin/env bash
# Set up Partnerkeuze on a fresh Debian machine with Python 3.11:
# system packages (LibreOffice and poppler for the tests), a virtual environment in .venv,
# and the Python dependencies. Safe to run again; it only installs what is missing.
#   bash scripts/setup.sh          runtime + test dependencies, LibreOffice included
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi

need_apt=()
python3 -c "import ensurepip, venv" 2>/dev/null || need_apt+=(python3-venv)
command -v soffice >/dev/null 2>&1 || need_apt+=(libreoffice-calc libreoffice-writer)
/usr/bin/python3 -c "import uno" 2>/dev/null || need_apt+=(python3-uno)
command -v pdftotext >/dev/null 2>&1 || need_apt+=(poppler-utils)
fc-list 2>/dev/null | grep -qi dejavu || need_apt+=(fonts-dejavu-core)
# Carlito has Calibri's metrics: page breaks in LibreOffice's PDFs match Word's (tests check them)
fc-list 2>/dev/null | grep -qi carlito || need_apt+=(fonts-crosextra-carlito)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "== Systeempakketten installeren: ${need_apt[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
  echo "== Virtuele omgeving .venv maken"
  python3 -m venv .venv
fi
echo "== Python-pakketten installeren"
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -r requirements.txt -r requirements-dev.txt
.venv/bin/python -m pip install -q --no-deps -e . >/dev/null
echo "== Klaar: $(.venv/bin/partnerkeuze --version)"
