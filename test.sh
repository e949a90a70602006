#!/usr/bin/env bash
# README command 2: install the project with its test tools, then run the linter and every test.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/venv.sh
ensure_venv dev

# The browser test drives Debian's Chromium (never a downloaded browser); its screenshot needs a
# Chinese font, or every character renders as a box.
if ! command -v chromium >/dev/null 2>&1 || ! fc-list :lang=zh | grep -q .; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
  else
    echo "chromium or a Chinese font is missing: sudo apt-get install chromium fonts-noto-cjk" >&2
  fi
fi

.venv/bin/ruff check .
# every lane: the quick one (plain `pytest`), the slow one (real models, servers, load) and the browser
.venv/bin/python -m pytest -m "" "$@"
