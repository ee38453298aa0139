#!/usr/bin/env bash
# CI check of what people look at: runs the shipped scenarios, renders their HTML reports in a real
# headless browser (Chromium from Debian's packages) and fails on a console message or a missing
# chart, keeps screenshots in ci-artifacts/, checks that notebooks-export/ is what
# `reachsim export notebook` writes today, and executes every notebook with Jupyter (nbconvert,
# from PyPI, in a virtual environment this script creates).
set -euo pipefail
cd "$(dirname "$0")/.."

ART=ci-artifacts
rm -rf "$ART" && mkdir -p "$ART/notebooks"

bash scripts/export-notebooks.sh   # runs the scenarios into out/ and rewrites notebooks-export/
BIN="$(swift build -c release --show-bin-path)/reachsim"
if ! git diff --quiet -- notebooks-export; then
  echo "error: notebooks-export/ is stale; run 'bash scripts/export-notebooks.sh' and commit the result" >&2
  git diff --stat -- notebooks-export >&2
  exit 1
fi

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
  echo "report $d: $charts charts, no console message, screenshot $ART/$d.png"
done

# --- Notebooks ----------------------------------------------------------------------------
VENV=.venv-notebooks
if [ ! -x "$VENV/bin/jupyter" ]; then
  python3 -m venv "$VENV" 2>/dev/null || { rm -rf "$VENV"; apt_install python3-venv; python3 -m venv "$VENV"; }
  "$VENV/bin/pip" install -q --disable-pip-version-check nbconvert nbclient ipykernel pandas matplotlib
fi
for nb in notebooks-export/*.ipynb; do
  "$VENV/bin/jupyter" nbconvert --to notebook --execute "$nb" --output-dir "$ART/notebooks" >/dev/null 2>"$ART/notebooks/$(basename "$nb").log" \
    || { echo "error: $nb failed to execute:" >&2; tail -20 "$ART/notebooks/$(basename "$nb").log" >&2; exit 1; }
  echo "notebook $nb: executed without error"
done
echo "views: $(( ${#views[@]} + $(ls notebooks-export/*.ipynb | wc -l) )) passed, 0 failed"
