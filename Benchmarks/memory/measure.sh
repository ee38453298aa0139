#!/usr/bin/env bash
# The "estimate vs measured" table of docs/performance.md (section Memory): for each row, the
# estimate `reachsim run` prints when it refuses a run (--max-memory 1) and the peak RSS of the
# real run (`/usr/bin/time -v`, "Maximum resident set size"), printed as the doc's Markdown table.
#
#   bash Benchmarks/memory/measure.sh          # every row (10-25 minutes on 2 cores, mostly the release row)
#   bash Benchmarks/memory/measure.sh 1 5      # rows 1 and 5 only (numbered from 1, as listed below)
#
# Builds the debug binary (and the release one when a release row is asked for) first. Rows run
# one after the other: at most one heavy process at a time. Peak RSS does not depend on the
# machine's load, only on what the program allocates and touches.
set -euo pipefail
cd "$(dirname "$0")/../.."

# label | build | threads | scenario | extra arguments
ROWS=(
  '`museum-baseline.yaml`, 20 replicates|debug|2|scenarios/museum-baseline.yaml|--replicates 20'
  '`museum-baseline.yaml`, 1,000 replicates (release)|release|2|scenarios/museum-baseline.yaml|--replicates 1000'
  '`central-vs-departments.yaml` (4 Instagram accounts, Facebook), 20 replicates|debug|2|scenarios/central-vs-departments.yaml|--replicates 20'
  '`real-twitter-graph.yaml`, 20 replicates|debug|2|scenarios/real-twitter-graph.yaml|--replicates 20'
  '`every-preset.yaml`, 4 replicates|debug|2|scenarios/every-preset.yaml|--replicates 4'
  '3 million agents, 2 platforms without graphs, 1 thread|debug|1|Benchmarks/memory/no-graphs-3m.yaml|'
  'the same, 2 threads|debug|2|Benchmarks/memory/no-graphs-3m.yaml|'
  '3 million agents, Facebook `chung_lu` mean degree 20, Instagram'"'"'s preset graph|debug|2|Benchmarks/memory/chung-lu-3m.yaml|'
  'the same with Facebook `preferential_attachment`, 10 edges per node|debug|2|Benchmarks/memory/preferential-3m.yaml|'
  'the same with Facebook `none`|debug|2|Benchmarks/memory/facebook-none-3m.yaml|'
)

selected=("$@")
if [ ${#selected[@]} -eq 0 ]; then selected=($(seq 1 ${#ROWS[@]})); fi

need_release=0
for i in "${selected[@]}"; do
  [ "$(cut -d'|' -f2 <<<"${ROWS[$((i - 1))]}")" = release ] && need_release=1
done
swift build --product reachsim >&2
[ $need_release = 1 ] && swift build -c release --product reachsim >&2

# Bytes as MemoryLimit.format writes them: "126 MiB", "32.3 MiB", "1.02 GiB".
format() {
  awk -v b="$1" 'BEGIN {
    split("bytes KiB MiB GiB TiB", u, " "); i = 1
    while (b >= 1024 && i < 5) { b /= 1024; i++ }
    s = sprintf(b >= 100 ? "%.0f" : (b >= 10 ? "%.1f" : "%.2f"), b)
    if (s ~ /\./) { sub(/0+$/, "", s); sub(/\.$/, "", s) }
    print s " " u[i] }'
}
# "126 MiB" → bytes.
bytes() {
  awk -v v="$1" -v unit="$2" 'BEGIN {
    p["bytes"] = 0; p["KiB"] = 1; p["MiB"] = 2; p["GiB"] = 3; p["TiB"] = 4
    printf "%.0f", v * 1024 ^ p[unit] }'
}

echo '| run | estimate | measured | estimate / measured |'
echo '|---|---:|---:|---:|'
for i in "${selected[@]}"; do
  IFS='|' read -r label build threads scenario extra <<<"${ROWS[$((i - 1))]}"
  bin=.build/$build/reachsim
  out=$(mktemp -d)
  # The estimate, from the refusal: "the run needs about 126 MiB (world ...".
  set +e
  refusal=$($bin run "$scenario" $extra --threads "$threads" --max-memory 1 --out "$out/refused" 2>&1 >/dev/null)
  status=$?
  set -e
  if [ $status -ne 65 ]; then echo "row $i: expected exit 65 from --max-memory 1, got $status: $refusal" >&2; exit 1; fi
  read -r value unit < <(sed -n 's/.*the run needs about \([0-9.]*\) \([A-Za-z]*\) (.*/\1 \2/p' <<<"$refusal")
  estimate=$(bytes "$value" "$unit")
  # The peak RSS of the run (kilobytes).
  /usr/bin/time -v $bin run "$scenario" $extra --threads "$threads" --quiet --out "$out/run" 2>"$out/time" >/dev/null \
    || { cat "$out/time" >&2; exit 1; }
  peak=$(( $(sed -n 's/.*Maximum resident set size (kbytes): //p' "$out/time") * 1024 ))
  ratio=$(awk -v e="$estimate" -v m="$peak" 'BEGIN { printf "%.2f", e / m }')
  echo "| $label | $(format "$estimate") | $(format "$peak") | $ratio |"
  echo "row $i: $(sed -n 's/.*the run needs about \(.*\) of memory.*/\1/p' <<<"$refusal"); peak $peak bytes" >&2
  rm -rf "$out"
done
