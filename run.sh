#!/usr/bin/env bash
# Runs the dashboard on http://127.0.0.1:${PORT:-8050} with the embedded SQLite database
# (instance/indicators.db, created and filled from data/ on the first run).
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/setup.sh requirements.txt
.venv/bin/python -m indicators init-db
exec .venv/bin/python app.py
