#!/usr/bin/env bash
# Runs the dashboard on http://127.0.0.1:${PORT:-8050} with the embedded SQLite database
# (instance/indicators.db, created and filled from data/ on the first run).
set -euo pipefail
cd "$(dirname "$0")"
# The Chinese web-font subset is cut from Debian's Noto CJK; without it pages use the reader's fonts.
bash scripts/debian-packages.sh /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc:fonts-noto-cjk \
  || echo "==> fonts-noto-cjk not installed: Chinese text uses the reader's own fonts"
bash scripts/setup.sh requirements.txt
.venv/bin/python -m indicators init-db
exec .venv/bin/python app.py
