#!/usr/bin/env bash
# CI check of what people look at: runs the shipped scenarios, renders their HTML reports in a real
# headless browser (Chromium from Debian's packages) and fails on a console message or a missing
# chart, keeps desktop (1400 px) and phone-width (390 px) screenshots in ci-artifacts/, checks that
# notebooks-export/ is up to date, and executes every notebook with Jupyter (nbconvert, from PyPI,
# in the virtual environment .venv-notebooks that scripts/notebook-venv.sh creates).
#
# The notebooks are committed executed (scripts/export-notebooks.sh exports and executes them), so
# their tables and charts show on a forge. They are up to date when a fresh export (without
# outputs) is the same as the committed notebooks once outputs, execution counts and volatile
# metadata are stripped on both sides (scripts/strip-notebook.py compare): any change to a code or
# markdown cell fails the check, outputs that differ with the pandas or matplotlib version do not.
# notebooks-export/ is left as it was found; the stripped diffs are kept in ci-artifacts/notebooks/.
set -euo pipefail
cd "$(dirname "$0")/.."

ART=ci-artifacts
rm -rf "$ART" && mkdir -p "$ART/notebooks/committed"

# --- Notebooks up to date -------------------------------------------------------------------
cp notebooks-export/*.ipynb "$ART/notebooks/committed/"
trap 'cp "$ART"/notebooks/committed/*.ipynb notebooks-export/' EXIT   # put back what was there
bash scripts/export-notebooks.sh --no-execute   # runs the scenarios into out/, re-exports notebooks-export/
BIN="$(swift build -c release --show-bin-path)/reachsim"
stale=()
for nb in notebooks-export/*.ipynb; do
  b=$(basename "$nb")
  if [ ! -f "$ART/notebooks/committed/$b" ]; then
    echo "(not committed)" >"$ART/notebooks/$b.stale.diff"; stale+=("$nb")
  elif ! python3 scripts/strip-notebook.py compare "$ART/notebooks/committed/$b" "$nb" >"$ART/notebooks/$b.stale.diff"; then
    stale+=("$nb")
  else
    rm -f "$ART/notebooks/$b.stale.diff"
  fi
done
cp "$ART"/notebooks/committed/*.ipynb notebooks-export/ && trap - EXIT
if [ ${#stale[@]} -gt 0 ]; then
  for nb in "${stale[@]}"; do
    echo "error: $nb is stale: its code or markdown differs from what 'reachsim export notebook' writes today" >&2
    head -40 "$ART/notebooks/$(basename "$nb").stale.diff" >&2
  done
  echo "fix: run 'bash scripts/export-notebooks.sh' (or 'make notebooks') and commit notebooks-export/" >&2
  exit 1
fi
echo "notebooks-export/: up to date (compared with outputs stripped)"

# --- HTML reports in Chromium ---------------------------------------------------------------
. scripts/apt-install.sh
command -v chromium >/dev/null 2>&1 || apt_install chromium
# A fitted back-test of rOpenSci's real X exports (../shared/data), for the back-test's report.
views=(museum-baseline real-twitter-graph museum-evening-comparison)
if [ -d ../shared/data/x-analytics-ropensci ]; then
  "$BIN" import ../shared/data/x-analytics-ropensci --out out/ropensci >/dev/null 2>&1
  "$BIN" backtest scenarios/ropensci-x.yaml --history out/ropensci --train-until 2018-12-31 --fit --replicates 20 \
    --out out/ropensci-backtest-fit >/dev/null 2>&1
  views+=(ropensci-backtest-fit)
fi
for d in "${views[@]}"; do
  "$BIN" report "out/$d" -o "$ART/$d.html" >/dev/null
  url="file://$PWD/$ART/$d.html"
  chromium --headless --no-sandbox --disable-gpu --enable-logging=stderr --v=0 --dump-dom "$url" \
    >"$ART/$d.dom.html" 2>"$ART/$d.browser.log"
  if grep -q 'CONSOLE' "$ART/$d.browser.log"; then
    echo "error: the browser console reported messages for $d:" >&2
    grep 'CONSOLE' "$ART/$d.browser.log" >&2
    exit 1
  fi
  charts=$(grep -o '<svg' "$ART/$d.dom.html" | wc -l)
  want=6; [ "$d" = ropensci-backtest-fit ] && want=5   # one chart per metric: impressions, likes, shares, comments, followers
  if [ "$charts" -lt "$want" ]; then
    echo "error: the $d report rendered $charts charts (expected at least $want)" >&2
    exit 1
  fi
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1400,1800 \
    --screenshot="$ART/$d.png" "$url" >/dev/null 2>&1
  [ -s "$ART/$d.png" ] || { echo "error: no screenshot of the $d report" >&2; exit 1; }
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=390,2400 \
    --screenshot="$ART/$d.phone.png" "$url" >/dev/null 2>&1
  [ -s "$ART/$d.phone.png" ] || { echo "error: no phone-width screenshot of the $d report" >&2; exit 1; }
  echo "report $d: $charts charts, no console message, screenshots $ART/$d.png and $ART/$d.phone.png"
done
# The comparison's French brief, read back from the browser's DOM: French headings and numbers
# grouped with a narrow no-break space (the text itself is checked by ReportBriefTests).
fr=museum-evening-comparison.fr
"$BIN" report out/museum-evening-comparison --lang fr -o "$ART/$fr.html" >/dev/null
url="file://$PWD/$ART/$fr.html"
chromium --headless --no-sandbox --disable-gpu --enable-logging=stderr --v=0 --dump-dom "$url" >"$ART/$fr.dom.html" 2>"$ART/$fr.browser.log"
if grep -q 'CONSOLE' "$ART/$fr.browser.log"; then echo "error: the browser console reported messages for $fr" >&2; exit 1; fi
for want in 'Synthèse' 'La réponse' 'En chiffres' 'personnes touchées dans l'"'"'année'; do
  grep -q "$want" "$ART/$fr.dom.html" || { echo "error: the French brief lacks '$want'" >&2; exit 1; }
done
python3 -c 'import re, sys; sys.exit(not re.search("\\d\u202f\\d{3}", open(sys.argv[1], encoding="utf-8").read()))' "$ART/$fr.dom.html" || { echo "error: the French brief has no number grouped as 146 441" >&2; exit 1; }
for size in 1400,1800 390,2400; do
  shot="$ART/$fr.$([ $size = 390,2400 ] && echo phone. || true)png"
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=$size --screenshot="$shot" "$url" >/dev/null 2>&1
  [ -s "$shot" ] || { echo "error: no screenshot $shot" >&2; exit 1; }
done
echo "report $fr: French brief read back, screenshots $ART/$fr.png and $ART/$fr.phone.png"
views+=("$fr")

# --- Notebooks execute ---------------------------------------------------------------------
. scripts/notebook-venv.sh
notebook_venv
for nb in notebooks-export/*.ipynb; do
  execute_notebook "$nb" "$ART/notebooks/$(basename "$nb").log" --output-dir "$ART/notebooks"
  echo "notebook $nb: executed without error"
done
echo "views: $(( ${#views[@]} + $(ls notebooks-export/*.ipynb | wc -l) )) passed, 0 failed"
