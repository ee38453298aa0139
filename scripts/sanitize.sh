#!/usr/bin/env bash
# CI: the test suite under AddressSanitizer (with LeakSanitizer) and ThreadSanitizer, each in a
# build directory of its own (.build-asan, .build-tsan) so the ordinary build stays as it is.
#   bash scripts/sanitize.sh [address|thread]...     (default: both)
#
# AddressSanitizer runs the whole suite on an optimised build (`-c release -enable-testing`): the
# instrumentation is the same, and the suite takes about a minute instead of over ten in a debug
# build (measured side by side: release build 471 s + tests 60 s, debug build 150 s + a subset of
# the tests 780 s). ThreadSanitizer runs, on a debug build, the suites that simulate on several
# threads in this process (Simulation's workers, compare, sweep, progress, both engines) and the two boost tests
# that run on two threads (the other boost tests are single-threaded statistics: 181 s of the 200
# under TSan); the command-line tests' child processes are covered by AddressSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
export LSAN_OPTIONS="suppressions=$PWD/scripts/lsan.supp:print_suppressions=0"
export TSAN_OPTIONS="halt_on_error=1"
kinds=("$@"); [ ${#kinds[@]} -gt 0 ] || kinds=(address thread)
for kind in "${kinds[@]}"; do
  case "$kind" in
    address) dir=.build-asan
             mode=(-c release -Xswiftc -enable-testing)
             filter=() ;;
    thread) dir=.build-tsan
            mode=()
            filter=(--filter "ReproducibilityTests|SweepPipelineTests|CompareAndReportTests|ProgressReporterTests|AnalyticalTests|PaidBoostTests/(aBoostRaisedByTheTimeline|zeroBudgetIsByteIdentical)|EngineChoiceTests/threadsDoNotChangeTheBytes") ;;
    *) echo "error: unknown sanitizer '$kind' (address or thread)" >&2; exit 64 ;;
  esac
  start=$SECONDS
  log=$(mktemp)
  swift build "${mode[@]}" --build-tests --sanitize="$kind" --scratch-path "$dir" >"$log" 2>&1 \
    || { tail -40 "$log" >&2; echo "error: the $kind-sanitizer build failed" >&2; exit 1; }
  rm -f "$log"
  built=$SECONDS
  out=$(mktemp)
  status=0
  swift test "${mode[@]}" --skip-build --disable-xctest --sanitize="$kind" --scratch-path "$dir" "${filter[@]}" >"$out" 2>&1 \
    || status=$?
  # The failures first (a tail alone can hide them behind the suites' lines), then the end.
  grep -E "✘|ERROR: (Address|Thread|Leak)Sanitizer|WARNING: ThreadSanitizer|SUMMARY:" "$out" | head -60 || true
  grep -Ev "^(◇|↳|✔ Test [^r])" "$out" | tail -40 || true
  rm -f "$out"
  echo "sanitize $kind: build $((built - start)) s, tests $((SECONDS - built)) s"
  [ "$status" -eq 0 ] || { echo "error: tests failed under the $kind sanitizer" >&2; exit 1; }
done
