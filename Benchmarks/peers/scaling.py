"""How `reachsim cascade` scales with the graph: Barabási-Albert graphs of growing size.

For each n, writes a Barabási-Albert graph (m links per newcomer, every link in both directions;
networkx's algorithm, in plain Python so that a million nodes fit in memory), runs the cascade
from the node of highest out-degree at each p, and prints per graph and p: mean cascade size,
cascades and edge visits per CPU second, and the command's peak resident memory (graph import
included). The memory per edge is the slope between the two largest graphs.

    python3 Benchmarks/peers/scaling.py --reachsim "$(swift build -c release --show-bin-path)/reachsim"
"""
import argparse
import json
import os
import random
import subprocess
from pathlib import Path


def write_ba(path, n, m, seed):
    """networkx.barabasi_albert_graph's growth (star of m + 1 nodes, then m distinct targets
    drawn from the repeated-nodes list), written as `source,target` in both directions."""
    rng = random.Random(seed)
    repeated = []
    with path.open("w") as f:
        f.write("source,target\n")
        for v in range(1, m + 1):
            f.write(f"0,{v}\n{v},0\n")
            repeated += [0, v]
        for source in range(m + 1, n):
            chosen = set()
            while len(chosen) < m:
                chosen.add(repeated[rng.randrange(len(repeated))])
            f.write("".join(f"{source},{t}\n{t},{source}\n" for t in chosen))
            repeated.extend(chosen)
            repeated.extend([source] * m)


def run(binary, edges, p, runs, seconds):
    """One `reachsim cascade --json` call, again with more runs if it lasted under `seconds` of
    CPU; returns its report and its peak resident memory in bytes."""
    def call(k):
        proc = subprocess.Popen([binary, "cascade", "--graph", str(edges), "--p", str(p), "--runs", str(k), "--json"],
                                stdout=subprocess.PIPE, text=True)
        out = proc.stdout.read()
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            raise SystemExit(f"reachsim cascade failed on {edges}")
        return json.loads(out), usage.ru_maxrss * 1024
    report, rss = call(runs)
    if report["cpu_seconds"] < seconds:
        report, rss = call(max(runs, int(runs * 1.2 * seconds / report["cpu_seconds"])))
    return report, rss


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reachsim", required=True, help="path to the reachsim binary (release build)")
    ap.add_argument("--nodes", type=int, nargs="+", default=[10_000, 30_000, 100_000, 300_000, 1_000_000])
    ap.add_argument("--m", type=int, default=10)
    ap.add_argument("--p", type=float, nargs="+", default=[0.01, 0.05])
    ap.add_argument("--runs", type=int, default=20, help="fewest cascades per measurement")
    ap.add_argument("--seconds", type=float, default=2.0, help="least CPU seconds per measurement")
    ap.add_argument("--workdir", default=str(Path(__file__).parent / ".work"))
    args = ap.parse_args()

    work = Path(args.workdir)
    work.mkdir(exist_ok=True)
    print(f"load average before: {os.getloadavg()[0]:.2f}")
    print("| nodes | directed edges | p | mean size | cascades/s | edge visits/s | ns per edge visit | peak memory (MB) |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    memory = []
    for n in args.nodes:
        edges = work / f"ba-plain-{n}-{args.m}.csv"
        write_ba(edges, n, args.m, seed=1)
        peak = 0
        for p in args.p:
            r, rss = run(args.reachsim, edges, p, args.runs, args.seconds)
            peak = max(peak, rss)
            visits = r["edge_visits_per_second"] * r["seconds"] / r["cpu_seconds"]
            print(f"| {n:,} | {r['edges']:,} | {p} | {r['mean_size']:,.1f} | {r['runs_per_cpu_second']:,.1f} | "
                  f"{visits:.3g} | {1e9 / visits:.2f} | {rss / 1e6:,.0f} |", flush=True)
        memory.append((r["nodes"], r["edges"], peak))
        edges.unlink()
    if len(memory) >= 2:
        (n1, e1, m1), (n2, e2, m2) = memory[-2], memory[-1]
        print(f"peak memory between the two largest graphs: {(m2 - m1) / (e2 - e1):.1f} bytes per directed edge "
              f"(nodes and edges grow together here: {(n2 - n1)} nodes, {(e2 - e1)} edges)")
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
