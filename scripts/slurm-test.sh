#!/usr/bin/env bash
# CI test of `reachsim slurm` on a real Slurm: a single-node cluster (Debian's slurm-wlm and munge)
# with its configuration, state and munge socket in a temporary directory. It submits a 4-shard
# sweep as a job array with a dependent merge, waits for the merged files, and compares them byte
# for byte with the same sweep run locally; the manifests may differ only in wall_time_seconds.
# Prints both wall times. Stops the daemons it started, by their PIDs, whatever happens.
#
# Needs root (to install packages and run slurmd). Settings (environment):
#   REACHSIM    the reachsim executable (default: the debug build, built if missing)
#   SCENARIO    scenario file to sweep (default: a small scenario written here)
#   SET         the --set of the sweep (default: platforms.facebook.boost.budget_per_week=0:30:10)
#   REPLICATES  replicates per variant (default 6)
#   SHARDS      number of shards (default 4)
#   KEEP=1      keep the temporary directory (logs, outputs) for inspection
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

shards=${SHARDS:-4}
replicates=${REPLICATES:-6}
set_value=${SET:-platforms.facebook.boost.budget_per_week=0:30:10}

if [ -z "${REACHSIM:-}" ]; then
  REACHSIM="$(swift build --show-bin-path)/reachsim"
  [ -x "$REACHSIM" ] || swift build --product reachsim
fi
# The absolute, resolved path: the jobs run it, and it is recorded in both manifests.
REACHSIM=$(readlink -f "$REACHSIM")

need=()
for tool in slurmctld slurmd sbatch squeue sinfo; do command -v "$tool" >/dev/null 2>&1 || need=(slurm-wlm); done
command -v munged >/dev/null 2>&1 || need+=(munge)
if [ ${#need[@]} -gt 0 ]; then
  . scripts/apt-install.sh
  apt_install "${need[@]}"
fi

tmp=$(mktemp -d /tmp/reachsim-slurm.XXXXXX)
chmod 755 "$tmp"  # every directory on the way to the munge socket must be world-executable
pids=()
since() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }'; }  # seconds since $1
cleanup() {
  local status=$?
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  if [ $status -ne 0 ]; then
    echo "slurm-test: FAILED; daemon and job logs:" >&2
    tail -n 30 "$tmp"/log/*.log "$tmp"/work/out/slurm/*.log >&2 2>/dev/null || true
  fi
  if [ "${KEEP:-0}" = 1 ]; then echo "slurm-test: kept $tmp"; else rm -rf "$tmp"; fi
  exit $status
}
trap cleanup EXIT

# munge: the key in a 700 directory, the socket in a 755 one.
mkdir -p "$tmp/munge-key" "$tmp/munge" "$tmp/log" "$tmp/state" "$tmp/spool" "$tmp/work"
chmod 700 "$tmp/munge-key"
chmod 755 "$tmp/munge"
dd if=/dev/urandom of="$tmp/munge-key/munge.key" bs=1024 count=1 status=none
chmod 400 "$tmp/munge-key/munge.key"
socket="$tmp/munge/munge.socket"
munged --force --key-file="$tmp/munge-key/munge.key" --socket="$socket" --pid-file="$tmp/munge/munged.pid" \
  --log-file="$tmp/log/munged.log" --seed-file="$tmp/munge-key/munged.seed"

wait_for_file() {  # PATH SECONDS
  for _ in $(seq $(($2 * 10))); do [ -s "$1" ] && return 0; sleep 0.1; done
  echo "slurm-test: $1 did not appear within $2 s" >&2
  return 1
}
wait_for_file "$tmp/munge/munged.pid" 10
pids+=("$(cat "$tmp/munge/munged.pid")")

node=$(hostname -s 2>/dev/null || hostname)
port=$((20000 + RANDOM % 20000))
export SLURM_CONF="$tmp/slurm.conf"
cat > "$SLURM_CONF" <<EOF
ClusterName=reachsimci
SlurmctldHost=$node(127.0.0.1)
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$socket
CredType=cred/munge
StateSaveLocation=$tmp/state
SlurmdSpoolDir=$tmp/spool
SlurmctldPidFile=$tmp/slurmctld.pid
SlurmdPidFile=$tmp/slurmd.pid
SlurmctldLogFile=$tmp/log/slurmctld.log
SlurmdLogFile=$tmp/log/slurmd.log
# No cgroups, no accounting daemon: what a container allows.
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
SwitchType=switch/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
# Start array tasks at once rather than after the default batch delay.
SchedulerParameters=batch_sched_delay=0
MaxArraySize=100001
ReturnToService=2
NodeName=$node NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=ci Nodes=$node Default=YES MaxTime=INFINITE State=UP
EOF

started=$(date +%s.%N)
slurmctld -c -f "$SLURM_CONF"  # -c: clear any previous state
wait_for_file "$tmp/slurmctld.pid" 20
pids+=("$(cat "$tmp/slurmctld.pid")")
slurmd -f "$SLURM_CONF" -N "$node"
wait_for_file "$tmp/slurmd.pid" 20
pids+=("$(cat "$tmp/slurmd.pid")")
for _ in $(seq 300); do
  [ "$(sinfo -h -o %t 2>/dev/null)" = idle ] && break
  sleep 0.1
done
[ "$(sinfo -h -o %t)" = idle ] || { echo "slurm-test: the node is not idle: $(sinfo -h -o '%t %E')" >&2; exit 1; }
echo "slurm-test: single-node Slurm $(sinfo -V | cut -d' ' -f2) up in $(since "$started") s"

cd "$tmp/work"
if [ -n "${SCENARIO:-}" ]; then
  cp "$repo/$SCENARIO" sweep.yaml 2>/dev/null || cp "$SCENARIO" sweep.yaml
else
  cat > sweep.yaml <<'EOF'
name: slurm-test
horizon_weeks: 8
replicates: 6
seed: 7
team: {hours_per_week: 8}
audience:
  size: 8000
  segments:
    - {name: young, age: 18-24, share: 0.4}
    - {name: older, age: 55+, locality: national, share: 0.6, affinity: 1.3}
platforms:
  facebook:
    followers: 1500
    graph: {generator: chung_lu, mean_degree: 8}
    plan: {posts_per_week: {image: 3}}
    boost: {budget_per_week: 0, cpm: 10}
  instagram:
    followers: 900
    graph: {generator: chung_lu, mean_degree: 8}
    plan: {posts_per_week: {image: 2, short_video: 1}}
EOF
fi
sweep=(sweep sweep.yaml --set "$set_value" --replicates "$replicates" --threads 1)

# The same sweep on this machine, one thread, as the shards run: the reference bytes.
t0=$(date +%s.%N)
"$REACHSIM" "${sweep[@]}" --out out >/dev/null
local_seconds=$(since "$t0")
mv out local

"$REACHSIM" slurm sweep.yaml --shards "$shards" --set "$set_value" --replicates "$replicates" --threads 1 \
  --out out --executable "$REACHSIM"
t0=$(date +%s.%N)
bash out/slurm/submit.sh
for _ in $(seq 6000); do  # 10 minutes at most
  [ -s out/manifest.json ] && break
  if [ -z "$(squeue -h 2>/dev/null)" ] && [ ! -s out/manifest.json ]; then
    sleep 1
    [ -s out/manifest.json ] || { echo "slurm-test: the jobs ended without a merged result" >&2; exit 1; }
  fi
  sleep 0.1
done
[ -s out/manifest.json ] || { echo "slurm-test: no merged result after 10 minutes" >&2; squeue >&2; exit 1; }
slurm_seconds=$(since "$t0")

for f in sweep.csv saturation.csv; do
  cmp local/$f out/$f || { echo "slurm-test: $f differs from the local run" >&2; exit 1; }
done
if ! diff <(grep -v '"wall_time_seconds"' local/manifest.json) <(grep -v '"wall_time_seconds"' out/manifest.json); then
  echo "slurm-test: the manifests differ in more than wall_time_seconds" >&2
  exit 1
fi
variants=$(($(wc -l < local/sweep.csv) > 0 ? $(cut -d, -f2 local/sweep.csv | sort -u | wc -l) - 1 : 0))
printf 'slurm-test: %d variants x %d replicates: local sweep %.1f s; %d shards on single-node Slurm (submit to merged) %.1f s\n' \
  "$variants" "$replicates" "$local_seconds" "$shards" "$slurm_seconds"
# Each shard's own wall time (its manifest): the rest of the elapsed time is queueing and the merge.
shard_times=$(grep -h '"wall_time_seconds"' out/shards/*/manifest.json | tr -dc '0-9.\n' | sort -n | tr '\n' ' ')
echo "slurm-test: the shards' own wall times: $shard_times(s); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "slurm-test: merged sweep.csv, saturation.csv identical to the local run; manifests differ only in wall_time_seconds"
