#!/usr/bin/env bash
# Runs the shipped scenarios (50 replicates, their own seeds) into out/, exports the notebooks in
# notebooks-export/ from them with `reachsim export notebook`, then executes each one in place with
# Jupyter (scripts/notebook-venv.sh: nbconvert in .venv-notebooks, which it creates), so that the
# committed notebooks show their tables and charts (inline PNG) on a forge without running anything.
# scripts/strip-notebook.py then drops the volatile metadata (execution timings, Python version).
# The code and markdown cells are deterministic: the same model writes the same notebooks. The
# outputs may differ a little with the pandas and matplotlib versions, which is why
# scripts/check-report-and-notebooks.sh compares notebooks with their outputs stripped.
#
#   bash scripts/export-notebooks.sh               # export and execute: what is committed
#   bash scripts/export-notebooks.sh --no-execute  # export only (the check's fresh export)
set -euo pipefail
cd "$(dirname "$0")/.."
execute=1
case "${1:-}" in
  "") ;;
  --no-execute) execute=0 ;;
  *) echo "usage: $0 [--no-execute]" >&2; exit 2 ;;
esac
swift build -c release --product reachsim >/dev/null
BIN="$(swift build -c release --show-bin-path)/reachsim"
"$BIN" run scenarios/museum-baseline.yaml --replicates 50 --out out/museum-baseline --quiet
"$BIN" run scenarios/real-twitter-graph.yaml --replicates 50 --out out/real-twitter-graph --quiet
"$BIN" compare scenarios/museum-baseline.yaml scenarios/museum-evening-posts.yaml --replicates 50 \
  --out out/museum-evening-comparison --quiet
notebooks=(museum-baseline real-twitter-graph museum-evening-comparison)
for d in "${notebooks[@]}"; do
  "$BIN" export notebook "out/$d" -o "notebooks-export/$d.ipynb" >/dev/null
done
[ "$execute" = 1 ] || exit 0

. scripts/notebook-venv.sh
notebook_venv
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
for d in "${notebooks[@]}"; do
  execute_notebook "notebooks-export/$d.ipynb" "$log" --inplace
  python3 scripts/strip-notebook.py clean "notebooks-export/$d.ipynb"
  kib=$(( $(wc -c <"notebooks-export/$d.ipynb") / 1024 ))
  echo "notebooks-export/$d.ipynb: exported and executed ($kib KiB)"
  [ "$kib" -le 1024 ] || echo "warning: notebooks-export/$d.ipynb is over 1 MiB; lower figure.dpi in scripts/notebook-venv.sh" >&2
done
