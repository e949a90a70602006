#!/usr/bin/env bash
# README command 1: install reportqa into .venv (first run or after pyproject.toml changed),
# build the index from corpus/ if there is none, and start the chat app on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/venv.sh
ensure_venv ""

if [ ! -f "${REPORTQA_INDEX_DIR:-index}/CURRENT" ]; then
  echo "No index yet: building it from ${REPORTQA_CORPUS_DIR:-corpus}/ ..."
  .venv/bin/reportqa ingest
fi
echo "Starting the chat app on http://${HOST:-127.0.0.1}:${PORT:-8501}"
exec .venv/bin/streamlit run app/streamlit_app.py \
  --server.address "${HOST:-127.0.0.1}" --server.port "${PORT:-8501}" --server.headless true
