#!/usr/bin/env bash
# Builds the fuzz targets with libFuzzer and AddressSanitizer and runs each for SECONDS (default
# 600) on its corpus. New interesting inputs are added to corpus/ (or, with FUZZ_NEW_INPUTS=DIR, to
# DIR/TARGET, leaving the committed corpus as it is: CI does so); a crash, timeout or out-of-memory
# leaves its input in artifacts/ and fails the script (fix the bug, then copy the input to
# Tests/ReachSimTests/Fixtures/fuzz-regressions/TARGET/, where FuzzCorpusTests replays it).
#   bash Fuzz/run.sh [SECONDS] [TARGET...]     TARGET: FuzzScenario, FuzzEdgeList, FuzzImport
# SECONDS is per target: the whole run takes about SECONDS × targets, plus the build.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-600}"; shift || true
targets=("$@"); [ ${#targets[@]} -gt 0 ] || targets=(FuzzScenario FuzzEdgeList FuzzImport)
flags=(-Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library)
log=$(mktemp)
swift build "${flags[@]}" >"$log" 2>&1 || { tail -40 "$log" >&2; echo "error: the fuzz build failed" >&2; exit 1; }
rm -f "$log"
bin="$(swift build "${flags[@]}" --show-bin-path)"
mkdir -p artifacts
passed=0
for t in "${targets[@]}"; do
  case "$t" in
    FuzzScenario) corpus=corpus/scenario; max=8192 ;;
    FuzzEdgeList) corpus=corpus/edgelist; max=4096 ;;
    FuzzImport) corpus=corpus/import; max=8192 ;;
    *) echo "error: unknown target $t" >&2; exit 64 ;;
  esac
  dirs=("$corpus")
  if [ -n "${FUZZ_NEW_INPUTS:-}" ]; then mkdir -p "$FUZZ_NEW_INPUTS/$t"; dirs=("$FUZZ_NEW_INPUTS/$t" "$corpus"); fi
  echo "== $t for $seconds s"
  "$bin/$t" "${dirs[@]}" -max_total_time="$seconds" -max_len="$max" -timeout=10 -rss_limit_mb=4096 \
    -artifact_prefix=artifacts/ -print_final_stats=1 2>&1 | grep -E "^(stat::number_of_executed_units|stat::peak_rss|Done|==[0-9]+==ERROR|SUMMARY|artifact)" || true
  if ls artifacts/crash-* artifacts/timeout-* artifacts/oom-* >/dev/null 2>&1; then
    echo "error: $t found failing inputs: $(ls artifacts/crash-* artifacts/timeout-* artifacts/oom-* 2>/dev/null | tr '\n' ' ')" >&2
    exit 1
  fi
  passed=$((passed + 1))
done
echo "fuzz: $passed passed, 0 failed"
