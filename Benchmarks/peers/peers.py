"""Independent cascades in ReachSim and in two peers, on one Barabási-Albert graph.

Generates the graph with networkx (n nodes, m edges per new node, every link in both
directions), writes it as `source,target` CSV, runs the same cascade (one source: the node of
highest out-degree; each edge tried once with probability p) in ndlib, cynetdiff and
`reachsim cascade`, and prints cascades per second, mean cascade size with its standard error,
and ReachSim's speed as a multiple of each peer's. The means must agree within sampling error:
this is also a check of correctness against independent implementations.
"""
import argparse
import json
import math
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


def run_cynetdiff(graph, source, p, runs):
    from cynetdiff.utils import networkx_to_ic_model

    model, mapping = networkx_to_ic_model(graph, activation_prob=p, rng=1)
    model.set_seeds([mapping[source]])
    sizes = []
    start = time.perf_counter()
    for _ in range(runs):
        model.reset_model()
        model.advance_until_completion()
        sizes.append(model.get_num_activated_nodes())
    return sizes, time.perf_counter() - start


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
        start = time.perf_counter()
        while True:
            it = model.iteration(node_status=False)
            if it["status_delta"][1] == 0 and it["iteration"] > 0:
                break
        elapsed += time.perf_counter() - start
        # Infected (1) and Removed (2) nodes have been activated.
        sizes.append(sum(1 for s in model.status.values() if s != 0))
    return sizes, elapsed


def run_reachsim(binary, edges, source, p, runs):
    out = subprocess.run(
        [binary, "cascade", "--graph", str(edges), "--p", str(p), "--runs", str(runs), "--source", str(source), "--json"],
        check=True, capture_output=True, text=True).stdout
    r = json.loads(out)
    return r["mean_size"], r["sd_size"] / math.sqrt(r["runs"]), r["runs_per_second"], r["edge_visits_per_second"]


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--reachsim", required=True, help="path to the reachsim binary (release build)")
    ap.add_argument("--nodes", type=int, default=100_000)
    ap.add_argument("--m", type=int, default=10)
    ap.add_argument("--p", type=float, nargs="+", default=[0.01, 0.05])
    ap.add_argument("--runs", type=int, default=2000, help="cascades for ReachSim and cynetdiff")
    ap.add_argument("--ndlib-runs", type=int, default=3, help="ndlib is slow")
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

    rows = []
    for p in args.p:
        mean_r, se_r, rate_r, visits_r = run_reachsim(args.reachsim, edges, source, p, args.runs)
        sizes_c, secs_c = run_cynetdiff(graph, source, p, args.runs)
        sizes_n, secs_n = run_ndlib(graph, source, p, args.ndlib_runs)
        for name, sizes, secs in [("cynetdiff", sizes_c, secs_c), ("ndlib", sizes_n, secs_n)]:
            mean, se = summary(sizes)
            rate = len(sizes) / secs
            z = (mean - mean_r) / math.sqrt(se ** 2 + se_r ** 2) if se + se_r > 0 else 0.0
            rows.append((p, name, rate, mean, se, rate_r / rate, z))
        rows.append((p, "reachsim", rate_r, mean_r, se_r, 1.0, 0.0))
    print(f"{'p':>5} {'tool':<10} {'cascades/s':>12} {'mean size':>11} {'s.e.':>8} {'reachsim ×':>11} {'z vs reachsim':>14}")
    for p, name, rate, mean, se, ratio, z in rows:
        print(f"{p:>5} {name:<10} {rate:>12.1f} {mean:>11.2f} {se:>8.2f} {ratio:>11.1f} {z:>14.2f}")
    bad = [r for r in rows if abs(r[6]) > 4]
    if bad:
        print("error: mean cascade sizes disagree by more than 4 standard errors", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
