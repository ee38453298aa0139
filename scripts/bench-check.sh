#!/usr/bin/env bash
# CI: runs the small benchmark suites (cascade kernel, graph generation, the baseline museum's
# engine) and compares each benchmark's p90 with Benchmarks/Thresholds/. Fails on a regression:
# more allocations (deterministic), or more than 2.5x the thread CPU time or 5x the wall time
# (tolerances in Benchmarks/Benchmarks/BenchmarkSupport/). Passes on an improvement, with a note
# to record it. The whole-run and large-scenario suites are left to people (see Benchmarks/README.md).
set -euo pipefail
cd "$(dirname "$0")/../Benchmarks"

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
swift package benchmark thresholds check \
  --target CascadeBenchmarks --target GraphBenchmarks --target EngineBenchmarks --no-progress 2>&1 \
  | tee "$log" || status=$?
[ "$status" -eq 0 ] && exit 0

# Through `swift package`, a regression and an improvement both exit 1: the log tells them apart.
if grep -q benchmarkThresholdImprovement "$log" && ! grep -q benchmarkThresholdRegression "$log"; then
  echo "note: better than Benchmarks/Thresholds/; once confirmed, record it with 'make bench-thresholds' and commit"
  exit 0
fi
if grep -q benchmarkThresholdRegression "$log"; then
  echo "error: benchmark regression against Benchmarks/Thresholds/ (tables above)" >&2
else
  echo "error: the benchmarks did not run (see above)" >&2
fi
exit 1
