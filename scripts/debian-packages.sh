#!/usr/bin/env bash
# Installs the Debian packages named as arguments when their file is missing: "file:package" pairs.
# Root uses apt-get directly, others sudo. Used by ./test.sh (required) and ./run.sh (optional font).
set -euo pipefail
missing=""
for pair in "$@"; do
  file=${pair%%:*}; package=${pair#*:}
  if [ "${file:0:1}" = "/" ]; then [ -e "$file" ] || missing="$missing $package"
  else command -v "$file" >/dev/null 2>&1 || missing="$missing $package"; fi
done
[ -z "$missing" ] && exit 0
echo "==> installing Debian packages:$missing"
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing fonts-liberation >/dev/null
