#!/usr/bin/env bash
# Builds the fuzz targets with libFuzzer and AddressSanitizer and runs each for SECONDS (default
# 600) on its corpus. New interesting inputs are added to corpus/; a crash leaves crash-* files in
# artifacts/ (copy them to Tests/ReachSimTests/Fixtures/fuzz-regressions/ once fixed).
#   bash Fuzz/run.sh [SECONDS] [TARGET...]     TARGET: FuzzScenario, FuzzEdgeList
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-600}"; shift || true
targets=("$@"); [ ${#targets[@]} -gt 0 ] || targets=(FuzzScenario FuzzEdgeList)
swift build -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library >/dev/null
bin="$(swift build -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library --show-bin-path)"
mkdir -p artifacts
for t in "${targets[@]}"; do
  case "$t" in
    FuzzScenario) corpus=corpus/scenario; max=8192 ;;
    FuzzEdgeList) corpus=corpus/edgelist; max=4096 ;;
    *) echo "error: unknown target $t" >&2; exit 64 ;;
  esac
  mkdir -p "$corpus"
  echo "== $t for $seconds s"
  "$bin/$t" "$corpus" -max_total_time="$seconds" -max_len="$max" -timeout=10 -rss_limit_mb=4096 \
    -artifact_prefix=artifacts/ -print_final_stats=1 2>&1 | grep -E "^(stat::|Done|==[0-9]+==ERROR|SUMMARY|artifact)" || true
  if ls artifacts/crash-* artifacts/timeout-* artifacts/oom-* >/dev/null 2>&1; then
    echo "error: $t found failing inputs in Fuzz/artifacts/" >&2
    exit 1
  fi
done
