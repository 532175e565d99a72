#!/usr/bin/env bash
# Runs the whole test suite: installs what the tests need (Debian's chromium, chromium-driver and CJK
# fonts, the Python packages, the npm topology and axe-core), then pytest on SQLite and PostgreSQL
# and in headless Chromium. Extra arguments go to pytest (e.g. ./test.sh tests/indicators -x).
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/debian-packages.sh chromium:chromium chromedriver:chromium-driver \
  /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc:fonts-noto-cjk
bash scripts/setup.sh requirements-dev.txt
exec .venv/bin/python -m pytest "$@"
