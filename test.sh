#!/usr/bin/env bash
# Runs the whole test suite: installs what the tests need (Python packages, Debian's chromium,
# chromium-driver and CJK fonts, the npm topology), then pytest on SQLite and PostgreSQL and in
# headless Chromium. Extra arguments go to pytest (e.g. ./test.sh tests/indicators -x).
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/setup.sh requirements-dev.txt

missing=""
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
command -v chromedriver >/dev/null 2>&1 || missing="$missing chromium-driver"
[ -e /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ] || missing="$missing fonts-noto-cjk"
if [ -n "$missing" ]; then
  echo "==> installing Debian packages:$missing"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing fonts-liberation >/dev/null
fi

exec .venv/bin/python -m pytest "$@"
