#!/usr/bin/env bash
# CI: the test suite under AddressSanitizer (with LeakSanitizer) and ThreadSanitizer, each in a
# build directory of its own (.build-asan, .build-tsan) so the ordinary build stays as it is.
#   bash scripts/sanitize.sh [address|thread]...     (default: both)
#
# AddressSanitizer runs every test but CalibrationTests (the presets' calibration) and
# ShippedScenarioTests (the shipped scenarios end to end, 300,000 agents each), FacebookEvidenceTests
# (a real page's import, fit and back-test), ReachSpreadTests (thousands of replicates for a
# distribution) and the studies over parameter sets (RobustCompareTests, SensitivityPipelineTests,
# SensitivityIndicesTests: many small runs of the same engine): the same engine code as the smaller
# tests, at a cost that would take CI past its 40 minutes under ASan; `make test` runs them.
# ThreadSanitizer runs the suites that simulate on several threads in this process (Simulation's
# workers, compare, sweep, boosts, progress) — the whole suite would take over 10 minutes on two
# cores; the command-line tests' child processes are covered by AddressSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
export LSAN_OPTIONS="suppressions=$PWD/scripts/lsan.supp:print_suppressions=0"
export TSAN_OPTIONS="halt_on_error=1"
kinds=("$@"); [ ${#kinds[@]} -gt 0 ] || kinds=(address thread)
for kind in "${kinds[@]}"; do
  case "$kind" in
    address) dir=.build-asan
             filter=(--skip "CalibrationTests|ShippedScenarioTests|FacebookEvidenceTests|ReachSpreadTests|RobustCompareTests|SensitivityPipelineTests|SensitivityIndicesTests") ;;
    thread) dir=.build-tsan
            filter=(--filter "ReproducibilityTests|SweepPipelineTests|CompareAndReportTests|PaidBoostTests|ProgressReporterTests|AnalyticalTests") ;;
    *) echo "error: unknown sanitizer '$kind' (address or thread)" >&2; exit 64 ;;
  esac
  start=$SECONDS
  log=$(mktemp)
  swift build --build-tests --sanitize="$kind" --scratch-path "$dir" >"$log" 2>&1 \
    || { tail -40 "$log" >&2; echo "error: the $kind-sanitizer build failed" >&2; exit 1; }
  rm -f "$log"
  built=$SECONDS
  swift test --skip-build --disable-xctest --sanitize="$kind" --scratch-path "$dir" "${filter[@]}" 2>&1 \
    | grep -Ev "^(◇|↳|✔ Test [^r])" | tail -40
  status=${PIPESTATUS[0]}
  echo "sanitize $kind: build $((built - start)) s, tests $((SECONDS - built)) s"
  [ "$status" -eq 0 ] || { echo "error: tests failed under the $kind sanitizer" >&2; exit 1; }
done
