#!/usr/bin/env bash
# Extracts every user-visible string of dashboard/ (calls of t() and lazy(), see babel.cfg) into
# dashboard/translations/messages.pot and merges it into each catalogue
# dashboard/translations/<lang>/LC_MESSAGES/messages.po (zh is created when missing; add a language
# with `scripts/update_translations.sh fr`). New and changed strings arrive untranslated (no fuzzy
# guesses; strings no longer in the code are dropped): translate them, then
# `.venv/bin/python -m pytest tests/dashboard/test_i18n.py` checks the catalogues.
# No compiled .mo file: dashboard/i18n.py reads the .po files directly.
set -euo pipefail
cd "$(dirname "$0")/.."

PYBABEL=${PYBABEL:-.venv/bin/pybabel}
DIR=dashboard/translations
POT=$DIR/messages.pot
mkdir -p "$DIR"

"$PYBABEL" -q extract -F babel.cfg -k t -k lazy -c TRANSLATORS: --add-location=file --sort-output \
  --project="SDG programme results" --copyright-holder="the SDG programme M&E dashboard contributors" \
  --ignore-dirs=".* _* node_modules instance artifacts tests data assets benchmarks" \
  -o "$POT" . 2>&1 | grep -v "^extracting messages from" || true

langs=("$@")
if [ ${#langs[@]} -eq 0 ]; then
  langs=(zh)
  for po in "$DIR"/*/LC_MESSAGES/messages.po; do
    [ -e "$po" ] && langs+=("$(basename "$(dirname "$(dirname "$po")")")")
  done
fi
for lang in $(printf '%s\n' "${langs[@]}" | sort -u); do
  po="$DIR/$lang/LC_MESSAGES/messages.po"
  if [ -e "$po" ]; then
    "$PYBABEL" -q update -i "$POT" -d "$DIR" -l "$lang" --ignore-obsolete --no-fuzzy-matching --width=100
  else
    "$PYBABEL" -q init -i "$POT" -d "$DIR" -l "$lang" --width=100
  fi
  echo "==> $po: $(.venv/bin/python - "$po" <<'PY'
import sys
from babel.messages.pofile import read_po
with open(sys.argv[1], "rb") as handle:
    catalog = read_po(handle)
messages = [m for m in catalog if m.id]
missing = [m for m in messages if not m.string or m.fuzzy]
print(f"{len(messages)} messages, {len(missing)} to translate")
PY
)"
done
