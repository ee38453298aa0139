#!/usr/bin/env bash
# The grouped engine against the exact one (README.md in this folder): runs both engines on every
# shipped scenario and on the large institution at 1 % and 10 %, and README's comparisons with both,
# then writes results/table.md, table.csv, effects.csv, timing.md and timing.csv (validate.py).
#
#   bash Benchmarks/engines/run.sh                 # everything, 40 replicates (about 7 minutes on 2 cores)
#   bash Benchmarks/engines/run.sh --quick         # museum-baseline, large-1pct and the evening comparison
#   bash Benchmarks/engines/run.sh --quick --check # CI: exit 1 when a mean or effect is off by > max(1 %, 5 SE)
#
# Options (or the environment variables in brackets):
#   -r, --replicates R   replicates per run (REPLICATES, default 40)
#   --quick              the fast subset: runs museum-baseline, large-1pct; comparison evening
#   --only A,B,...       only these runs and comparisons, by name (as in the table: museum-baseline,
#                        questions/museum-today, large-10pct, evening, x-decisions, ...); globs work
#   --no-runs, --no-effects   leave out the runs, or README's comparisons
#   --full-large         also scenarios/large-institution.yaml at full size (about 40 minutes and 4.7 GiB
#                        per engine at 40 replicates; left out by default)
#   --halves             self-test of the statistics: one run of 2R replicates of the first engine per
#                        scenario, its replicates 1..R against R+1..2R (one world: the check's real
#                        false-alarm rate); README's comparisons still run as set by --engines and --seeds
#   --engines "A B"      the reference's and the candidate's --engine (ENGINES, default "exact grouped")
#   --seeds "S1 S2"      --seed of each side (SEEDS; default none: the scenario's own seed for both,
#                        so both engines share the world, which is drawn from the seed)
#   --engine-flag auto|1|0   pass --engine (ENGINE_FLAG; auto: when `reachsim run --help` has it;
#                        0 never: both sides run the CLI's default engine, for testing the harness)
#   --threads T          (THREADS, default 2)
#   --scratch DIR        run outputs (SCRATCH, default .build/engines-scratch: not in git); wiped
#                        at the start unless --reuse
#   --results DIR        where the tables go (RESULTS, default Benchmarks/engines/results)
#   --reuse              keep finished runs of the same replicates in SCRATCH (to resume a full run)
#   --check              exit 1 when a mean or README effect is off by more than max(1 %, 5 SE), or a run
#                        failed
#   --check-se K         K SE instead of 5 for --check (3 is the goal itself: README.md)
#   --bin PATH           the reachsim binary (REACHSIM, default .build/release/reachsim; built when missing)
#   --build              `swift build -c release --product reachsim` first even when the binary exists
#
# Testing the harness before --engine exists (README.md, "What the checks can and cannot tell"):
#   ENGINES="exact exact" SEEDS="1 2" bash Benchmarks/engines/run.sh --quick -r 20 --results /tmp/engines-seeds
#   ENGINES="exact exact" bash Benchmarks/engines/run.sh --quick --halves -r 20 --results /tmp/engines-halves
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

REPLICATES=${REPLICATES:-40}
ENGINES=${ENGINES:-"exact grouped"}
SEEDS=${SEEDS:-}
ENGINE_FLAG=${ENGINE_FLAG:-auto}
THREADS=${THREADS:-2}
SCRATCH=${SCRATCH:-$root/.build/engines-scratch}
RESULTS=${RESULTS:-$here/results}
REACHSIM=${REACHSIM:-$root/.build/release/reachsim}
quick=0 only="" do_runs=1 do_effects=1 full_large=0 halves=0 reuse=0 build=0 check=()

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit "${1:-0}"; }
while [ $# -gt 0 ]; do
  case "$1" in
    -r|--replicates) REPLICATES=$2; shift ;;
    --quick) quick=1 ;;
    --only) only=$2; shift ;;
    --no-runs) do_runs=0 ;;
    --no-effects) do_effects=0 ;;
    --full-large) full_large=1 ;;
    --halves) halves=1 ;;
    --engines) ENGINES=$2; shift ;;
    --seeds) SEEDS=$2; shift ;;
    --engine-flag) ENGINE_FLAG=$2; shift ;;
    --threads) THREADS=$2; shift ;;
    --scratch) SCRATCH=$2; shift ;;
    --results) RESULTS=$2; shift ;;
    --reuse) reuse=1 ;;
    --check) check+=(--check) ;;
    --check-se) check+=(--check-se "$2"); shift ;;
    --bin) REACHSIM=$2; shift ;;
    --build) build=1 ;;
    -h|--help) usage ;;
    *) echo "run.sh: unknown option $1" >&2; usage 64 >&2 ;;
  esac
  shift
done
read -r -a engines <<<"$ENGINES"
read -r -a seeds <<<"$SEEDS"
[ ${#engines[@]} -eq 2 ] || { echo "run.sh: --engines needs two names, got '$ENGINES'" >&2; exit 64; }
[ ${#seeds[@]} -eq 0 ] || [ ${#seeds[@]} -eq 2 ] || { echo "run.sh: --seeds needs two seeds, got '$SEEDS'" >&2; exit 64; }
if [ $quick = 1 ] && [ -z "$only" ]; then only="museum-baseline,large-1pct,evening"; fi

if [ ! -x "$REACHSIM" ] || [ $build = 1 ]; then
  echo "building the release CLI (about 5 minutes from scratch)..." >&2
  swift build -c release --product reachsim >&2
fi

if [ "$ENGINE_FLAG" = auto ]; then
  if "$REACHSIM" run --help 2>&1 | grep -q -- '--engine'; then ENGINE_FLAG=1; else ENGINE_FLAG=0; fi
  if [ $ENGINE_FLAG = 0 ] && [ "${engines[0]}" != "${engines[1]}" ]; then
    echo "run.sh: $REACHSIM has no --engine yet; to test the harness, compare the exact engine with itself:" >&2
    echo "  ENGINES=\"exact exact\" SEEDS=\"1 2\" bash $0 --quick -r 20" >&2
    exit 64
  fi
fi
if [ ${#seeds[@]} -eq 2 ] && [ "${seeds[0]}" != "${seeds[1]}" ]; then
  echo "note: different seeds draw different worlds (audience, followers, graphs); per-segment means then differ" >&2
  echo "      by more than the replicates' SE allows (README.md, \"Seeds\"): use the same seed to judge an engine" >&2
fi
if [ $ENGINE_FLAG = 0 ]; then
  echo "note: --engine is not passed (ENGINE_FLAG=0): both sides run the CLI's default engine" >&2
fi
if [ $halves = 0 ] && [ "${engines[0]}" = "${engines[1]}" ] && { [ ${#seeds[@]} -eq 0 ] || [ "${seeds[0]}" = "${seeds[1]}" ]; }; then
  echo "note: the same engine and seed on both sides give identical runs; use --seeds \"S1 S2\" for a self-test" >&2
fi

# selected NAME: whether --only lets NAME through
selected() {
  [ -z "$only" ] && return 0
  local pattern
  IFS=',' read -r -a patterns <<<"$only"
  for pattern in "${patterns[@]}"; do
    # shellcheck disable=SC2053
    [[ $1 == $pattern ]] && return 0
  done
  return 1
}

if [ $reuse = 0 ]; then rm -rf "$SCRATCH"; fi
mkdir -p "$SCRATCH/runs" "$SCRATCH/compare" "$SCRATCH/scenarios"
[ -f "$SCRATCH/timing.tsv" ] || printf 'kind\tname\tside\tengine\tseed\treplicates\tseconds\tkib\tstatus\n' >"$SCRATCH/timing.tsv"
: >"$SCRATCH/selection.txt"

# side KIND NAME SIDE(a|b) SUBCOMMAND FILE...: one engine's run into SCRATCH/KIND/NAME/SIDE, timed.
side() {
  local kind=$1 name=$2 side=$3 sub=$4; shift 4
  local i=0; [ "$side" = b ] && i=1
  local engine=${engines[$i]} seed=${seeds[$i]:-} dir="$SCRATCH/$kind/$name/$side" replicates=$REPLICATES
  [ "$side" = full ] && replicates=$((2 * REPLICATES))
  local args=(--replicates "$replicates" --threads "$THREADS" --out "$dir")
  [ -n "$seed" ] && args+=(--seed "$seed")
  [ "$ENGINE_FLAG" = 1 ] && args+=(--engine "$engine")
  if [ $reuse = 1 ] && [ -f "$dir/manifest.json" ] \
     && grep -q "\"replicates\" : $replicates," "$dir/manifest.json"; then
    echo "  $kind $name $side ($engine): kept from an earlier run" >&2
    return 0
  fi
  rm -rf "$dir"
  mkdir -p "$(dirname "$dir")"
  local status=0
  /usr/bin/time -f "%e %M" -o "$dir.time" "$REACHSIM" "$sub" "$@" "${args[@]}" >"$dir.log" 2>&1 || status=$?
  local seconds kib
  read -r seconds kib < <(tail -1 "$dir.time")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$kind" "$name" "$side" "$engine" "${seed:-scenario}" \
    "$replicates" "$seconds" "$kib" "$([ $status = 0 ] && echo ok || echo "exit $status")" >>"$SCRATCH/timing.tsv"
  echo "  $kind $name $side ($engine${seed:+, seed $seed}): ${seconds} s, $((kib / 1024)) MiB$([ $status = 0 ] || echo ", FAILED (exit $status): $dir.log")" >&2
}

if [ $do_runs = 1 ]; then
  files=()
  for f in scenarios/*.yaml scenarios/questions/*.yaml; do
    [ "$f" = scenarios/large-institution.yaml ] && [ $full_large = 0 ] && continue
    files+=("$f")
  done
  for p in 1 10; do
    python3 Benchmarks/census/scaled.py $p >"$SCRATCH/scenarios/large-${p}pct.yaml"
    files+=("$SCRATCH/scenarios/large-${p}pct.yaml")
  done
  for f in "${files[@]}"; do
    name=$(basename "$f" .yaml)
    [[ $f == scenarios/questions/* ]] && name="questions/$name"
    selected "$name" || continue
    dir=${name//\//__}
    echo "runs/$dir" >>"$SCRATCH/selection.txt"
    echo "$name:" >&2
    if [ $halves = 1 ]; then
      side runs "$dir" full run "$f"
      [ -f "$SCRATCH/runs/$dir/full/manifest.json" ] && python3 "$here/validate.py" --split \
        "$SCRATCH/runs/$dir/full" "$SCRATCH/runs/$dir/a" "$SCRATCH/runs/$dir/b"
    else
      side runs "$dir" a run "$f"
      side runs "$dir" b run "$f"
    fi
  done
fi

if [ $do_effects = 1 ]; then
  while read -r name base alternatives; do
    selected "$name" || continue
    echo "compare/$name" >>"$SCRATCH/selection.txt"
    echo "comparison $name:" >&2
    # shellcheck disable=SC2086
    side compare "$name" a compare "$base" $alternatives
    # shellcheck disable=SC2086
    side compare "$name" b compare "$base" $alternatives
  done < <(python3 "$here/validate.py" --readme README.md)
fi

python3 "$here/validate.py" --table "$SCRATCH" --results "$RESULTS" "${check[@]}"
