#!/usr/bin/env bash
# README command 2: install the project with its test tools, then run the linter and every test.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/venv.sh
ensure_venv dev

# The browser test drives Debian's Chromium (never a downloaded browser).
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && apt-get install -y -qq chromium >/dev/null
  else
    echo "chromium is missing: sudo apt-get install chromium" >&2
  fi
fi

.venv/bin/ruff check .
.venv/bin/python -m pytest "$@"
