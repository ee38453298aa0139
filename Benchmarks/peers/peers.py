"""Independent cascades in ReachSim and in two peers, on one Barabási-Albert graph.

Generates the graph with networkx (n nodes, m edges per new node, every link in both
directions), writes it as `source,target` CSV, runs the same cascade (one source: the node of
highest out-degree; each edge tried once with probability p) in ndlib, cynetdiff and
`reachsim cascade`, and prints cascades per second, mean cascade size with its standard error,
and ReachSim's speed as a multiple of each peer's. The means must agree within sampling error:
this is also a check of correctness against independent implementations.

Timing is CPU time of the process doing the cascades (graph loading and model set-up left out),
so that another process holding the core does not count against whoever ran at that moment; the
machine's shared caches still do, so ReachSim and cynetdiff are run alternately for a few rounds
and each keeps its best round. Every measurement lasts at least --seconds of CPU.
"""
import argparse
import json
import math
import os
import subprocess
import sys
import time
from pathlib import Path

import networkx as nx


def summary(sizes):
    n = len(sizes)
    mean = sum(sizes) / n
    sd = math.sqrt(sum((s - mean) ** 2 for s in sizes) / (n - 1)) if n > 1 else 0.0
    return mean, sd / math.sqrt(n)


def pooled(parts):
    """Mean and standard error of several batches given as (mean, sd, n)."""
    n = sum(k for _, _, k in parts)
    mean = sum(m * k for m, _, k in parts) / n
    ss = sum((k - 1) * sd ** 2 + k * (m - mean) ** 2 for m, sd, k in parts)
    return mean, math.sqrt(ss / (n - 1) / n) if n > 1 else 0.0


def run_cynetdiff(graph, source, p, runs, seconds, seed):
    from cynetdiff.utils import networkx_to_ic_model

    model, mapping = networkx_to_ic_model(graph, activation_prob=p, rng=seed)
    model.set_seeds([mapping[source]])
    sizes = []
    start = time.process_time()
    while len(sizes) < runs or time.process_time() - start < seconds:
        for _ in range(100):
            model.reset_model()
            model.advance_until_completion()
            sizes.append(model.get_num_activated_nodes())
    return sizes, time.process_time() - start


def run_ndlib(graph, source, p, runs):
    import ndlib.models.ModelConfig as mc
    import ndlib.models.epidemics as ep

    sizes = []
    elapsed = 0.0
    for k in range(runs):
        model = ep.IndependentCascadesModel(graph, seed=k + 1)
        config = mc.Configuration()
        config.add_model_initial_configuration("Infected", [source])
        for e in graph.edges():
            config.add_edge_configuration("threshold", e, p)
        model.set_initial_status(config)
        start = time.process_time()
        while True:
            it = model.iteration(node_status=False)
            if it["status_delta"][1] == 0 and it["iteration"] > 0:
                break
        elapsed += time.process_time() - start
        # Infected (1) and Removed (2) nodes have been activated.
        sizes.append(sum(1 for s in model.status.values() if s != 0))
    return sizes, elapsed


def run_reachsim(binary, edges, source, p, runs, seconds, seed):
    """Runs `reachsim cascade`, again with more runs if the first call was shorter than `seconds`."""
    def call(n):
        out = subprocess.run(
            [binary, "cascade", "--graph", str(edges), "--p", str(p), "--runs", str(n), "--source", str(source),
             "--seed", str(seed), "--json"],
            check=True, capture_output=True, text=True).stdout
        return json.loads(out)
    r = call(runs)
    if r["cpu_seconds"] < seconds:
        r = call(max(runs, int(runs * 1.2 * seconds / r["cpu_seconds"])))
    return r


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--reachsim", required=True, help="path to the reachsim binary (release build)")
    ap.add_argument("--nodes", type=int, default=100_000)
    ap.add_argument("--m", type=int, default=10)
    ap.add_argument("--p", type=float, nargs="+", default=[0.01, 0.05])
    ap.add_argument("--runs", type=int, default=1000, help="fewest cascades per measurement (ReachSim, cynetdiff)")
    ap.add_argument("--seconds", type=float, default=2.0, help="least CPU seconds per measurement")
    ap.add_argument("--rounds", type=int, default=3, help="alternate ReachSim and cynetdiff this many times")
    ap.add_argument("--ndlib-runs", type=int, default=3, help="ndlib is slow (0 leaves it out)")
    ap.add_argument("--workdir", default="peers-work")
    args = ap.parse_args()

    work = Path(args.workdir)
    work.mkdir(exist_ok=True)
    undirected = nx.barabasi_albert_graph(args.nodes, args.m, seed=1)
    graph = undirected.to_directed()
    edges = work / f"ba-{args.nodes}-{args.m}.csv"
    with edges.open("w") as f:
        f.write("source,target\n")
        for u, v in graph.edges():
            f.write(f"{u},{v}\n")
    source = max(graph.nodes, key=graph.out_degree)
    print(f"Barabási-Albert graph: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} directed edges, "
          f"source {source} (out-degree {graph.out_degree(source)})")

    print(f"load average before: {os.getloadavg()[0]:.2f}")
    rows = []
    for p in args.p:
        best_r = best_c = 0.0
        parts_r, parts_c = [], []
        for k in range(args.rounds):
            r = run_reachsim(args.reachsim, edges, source, p, args.runs, args.seconds, seed=k + 1)
            parts_r.append((r["mean_size"], r["sd_size"], r["runs"]))
            best_r = max(best_r, r["runs"] / r["cpu_seconds"])
            sizes_c, secs_c = run_cynetdiff(graph, source, p, args.runs, args.seconds, seed=k + 1)
            mean, se = summary(sizes_c)
            parts_c.append((mean, se * math.sqrt(len(sizes_c)), len(sizes_c)))
            best_c = max(best_c, len(sizes_c) / secs_c)
            print(f"  p = {p}, round {k + 1}: reachsim {r['runs'] / r['cpu_seconds']:.1f}/s, "
                  f"cynetdiff {len(sizes_c) / secs_c:.1f}/s", flush=True)
        mean_r, se_r = pooled(parts_r)
        measured = [("cynetdiff", *pooled(parts_c), best_c)]
        if args.ndlib_runs > 0:
            sizes_n, secs_n = run_ndlib(graph, source, p, args.ndlib_runs)
            measured.append(("ndlib", *summary(sizes_n), len(sizes_n) / secs_n))
        for name, mean, se, rate in measured:
            z = (mean - mean_r) / math.sqrt(se ** 2 + se_r ** 2) if se + se_r > 0 else 0.0
            rows.append((p, name, rate, mean, se, best_r / rate, z))
        rows.append((p, "reachsim", best_r, mean_r, se_r, 1.0, 0.0))
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    print()
    print("| p | tool | cascades/s | mean size | s.e. | reachsim × | z vs reachsim |")
    print("|---:|---|---:|---:|---:|---:|---:|")
    for p, name, rate, mean, se, ratio, z in rows:
        print(f"| {p} | {name} | {rate:,.1f} | {mean:,.2f} | {se:.2f} | {ratio:,.1f} | {z:.2f} |")
    bad = [r for r in rows if abs(r[6]) > 4]
    if bad:
        print("error: mean cascade sizes disagree by more than 4 standard errors", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
