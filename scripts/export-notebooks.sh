#!/usr/bin/env bash
# Runs the shipped scenarios (50 replicates, their own seeds) into out/ and exports the notebooks
# in notebooks-export/ from them. Deterministic: the same code writes the same notebooks.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product reachsim >/dev/null
BIN="$(swift build -c release --show-bin-path)/reachsim"
"$BIN" run scenarios/museum-baseline.yaml --replicates 50 --out out/museum-baseline --quiet
"$BIN" run scenarios/real-twitter-graph.yaml --replicates 50 --out out/real-twitter-graph --quiet
"$BIN" compare scenarios/museum-baseline.yaml scenarios/museum-evening-posts.yaml --replicates 50 \
  --out out/museum-evening-comparison --quiet
for d in museum-baseline real-twitter-graph museum-evening-comparison; do
  "$BIN" export notebook "out/$d" -o "notebooks-export/$d.ipynb" >/dev/null
done
