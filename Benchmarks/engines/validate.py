#!/usr/bin/env python3
"""The grouped engine against the exact one: per platform × segment, the means and 5-95 % spreads
of the year's figures of two `reachsim run` directories, and the effects of two `reachsim compare`
directories (README.md's comparisons). Standard library only.

  validate.py EXACT GROUPED [--csv FILE] [--check]   two runs (weekly.csv) or two compares (verdict.csv)
  validate.py --halves RUN [--csv FILE] [--check]     replicates 1..R/2 of a run against the rest (same world)
  validate.py --table SCRATCH --results DIR [--check] everything run.sh wrote: table.md, table.csv,
                                                       effects.csv, timing.md, timing.csv
  validate.py --readme [README.md]                    README's comparisons, one a line: NAME BASE ALT...

Goals (the issue's): a mean passes when |grouped − exact| ≤ max(1 % of |exact|, 3 SE), SE =
sqrt(se_exact² + se_grouped²) from the replicates' spread; a spread (p95 − p5 of the replicates)
passes when grouped/exact is within 10 % (n/a below 20 replicates or when exact's is 0); a README
effect passes when the grouped engine's mean difference lies inside the exact engine's 90 %
interval of it. The table also gives what sampling error alone allows for spreads and effects,
so that a miss can be told from noise. Exit status 0; with --check, 1 when a mean or a README effect
is off by more than max(1 %, 5 SE) (--check-se K; 3 is the goal itself, which identical engines
miss in most quick runs: README.md) or an output is missing.
"""
import argparse
import csv
import json
import math
import random
import re
import sys
import zlib
from pathlib import Path

Z90 = 1.6448536269514722          # the 90 % interval's half-width in standard errors
MEAN_REL, MEAN_SE = 0.01, 3.0       # a mean's goal: max(1 % of |exact|, 3 SE)
SPREAD_REL = 0.10                   # a spread's goal: ratio within 10 %
MIN_SPREAD_REPLICATES = 20          # fewer: spreads are not checked
BOOTSTRAP = 200                     # resamples for the spread ratio's standard error
CHECK_SE = 5.0                      # --check fails beyond max(1 %, CHECK_SE SE) (--check-se): see README

# metric: what it is, per replicate
METRICS = {
    "reach_year": "people reached since week 1, last week (reach_cumulative)",
    "reach_week": "people reached in a week, mean over weeks (reach)",
    "followers_end": "followers at the end, per account (followers, last week)",
    "followers_unique_end": "followers at the end, people once each (followers_unique, last week)",
    "likes": "likes over the horizon",
    "shares": "shares over the horizon",
    "spend": "euros over the horizon (segment all)",
}
# verdict.csv rows the README prints for each alternative (measure, segment), and the main ones.
QUOTED = {("reach_year", "all"), ("reach_year", "catchment"), ("reach_year", "outside"),
          ("reach_year", "under_25"), ("reach_week", "all"), ("reach_per_post", "all"),
          ("followers_end", "all"), ("posts_dropped", "all"), ("hours", "all"), ("spend", "all")}
MAIN = {("reach_year", "all"), ("reach_year", "catchment")}


# ---------------------------------------------------------------- statistics

def mean_sd(xs):
    n = len(xs)
    m = sum(xs) / n
    sd = math.sqrt(sum((x - m) ** 2 for x in xs) / (n - 1)) if n > 1 else 0.0
    return m, sd


def quantile(sorted_xs, p):
    """GSL's gsl_stats_quantile_from_sorted_data (as summary.csv): linear between order statistics."""
    pos = (len(sorted_xs) - 1) * p
    lo = math.floor(pos)
    hi = min(lo + 1, len(sorted_xs) - 1)
    return sorted_xs[lo] + (pos - lo) * (sorted_xs[hi] - sorted_xs[lo])


def spread(xs):
    s = sorted(xs)
    return quantile(s, 0.05), quantile(s, 0.95)


def log_spread_se(xs, rng):
    """Bootstrap standard error of log(p95 − p5); None when too many resamples have no spread."""
    n = len(xs)
    logs = []
    for _ in range(BOOTSTRAP):
        lo, hi = spread([xs[rng.randrange(n)] for _ in range(n)])
        if hi > lo:
            logs.append(math.log(hi - lo))
    if len(logs) < BOOTSTRAP // 2:
        return None
    return mean_sd(logs)[1]


# ---------------------------------------------------------------- runs (weekly.csv)

def number(cell):
    return float(cell) if cell != "" else None


def read_run(directory, replicates=None):
    """{(platform, segment, metric): {replicate: value}} from DIR/weekly.csv, in the file's order of
    platforms and segments; `replicates` keeps only those replicate numbers."""
    acc = {}      # (replicate, platform, segment) -> state
    last_week = 0
    with open(Path(directory) / "weekly.csv", newline="") as f:
        for row in csv.DictReader(f):
            rep = int(row["replicate"])
            if replicates is not None and rep not in replicates:
                continue
            week = int(row["week"])
            last_week = max(last_week, week)
            key = (rep, row["platform"], row["segment"])
            s = acc.get(key)
            if s is None:
                s = acc[key] = {"week": 0, "weeks": 0, "reach": 0.0, "likes": 0.0, "shares": 0.0, "spend": 0.0}
            s["weeks"] += 1
            for name in ("reach", "likes", "shares", "spend"):
                v = number(row[name])
                s[name] = None if v is None or s[name] is None else s[name] + v
            if week >= s["week"]:
                s["week"] = week
                s["reach_year"] = number(row["reach_cumulative"])
                s["followers_end"] = number(row["followers"])
                s["followers_unique_end"] = number(row["followers_unique"])
    values = {}
    for (rep, platform, segment), s in acc.items():
        per = {
            "reach_year": s["reach_year"],
            "reach_week": s["reach"] / s["weeks"] if s["reach"] is not None else None,
            "followers_end": s["followers_end"],
            "followers_unique_end": s["followers_unique_end"],
            "likes": s["likes"],
            "shares": s["shares"],
            "spend": s["spend"] if segment == "all" else None,
        }
        for metric in METRICS:
            if per[metric] is not None:
                values.setdefault((platform, segment, metric), {})[rep] = per[metric]
    return values, last_week   # in the file's order of platforms and segments, then METRICS


def compare_values(scenario, exact, grouped):
    """One row per platform × segment × metric (rows whose values are all 0 on both sides left out)."""
    rows = []
    for key in list(exact) + [k for k in grouped if k not in exact]:
        platform, segment, metric = key
        a = list(exact.get(key, {}).values())
        b = list(grouped.get(key, {}).values())
        row = {"scenario": scenario, "platform": platform, "segment": segment, "metric": metric,
               "n_exact": len(a), "n_grouped": len(b)}
        rows.append(row)
        if not a or not b:
            row.update(mean_ok=False, check_ok=False, note="missing in " + ("exact" if not a else "grouped"),
                       score=math.inf, spread_check="n/a")
            continue
        if all(x == 0 for x in a) and all(x == 0 for x in b):
            rows.pop()
            continue
        ma, sa = mean_sd(a)
        mb, sb = mean_sd(b)
        se = math.sqrt(sa ** 2 / len(a) + sb ** 2 / len(b))
        diff = mb - ma
        allowed = max(MEAN_REL * abs(ma), MEAN_SE * se)
        ok = abs(diff) <= allowed if allowed > 0 else abs(diff) <= 1e-9 * max(1.0, abs(ma))
        check_ok = abs(diff) <= max(MEAN_REL * abs(ma), CHECK_SE * se, 1e-9 * max(1.0, abs(ma)))
        a05, a95 = spread(a)
        b05, b95 = spread(b)
        row.update(exact_mean=ma, grouped_mean=mb, diff=diff,
                   rel_diff=diff / abs(ma) if ma != 0 else None,
                   se_diff=se, z=diff / se if se > 0 else None, allowed=allowed, mean_ok=ok, check_ok=check_ok,
                   score=abs(diff) / allowed if allowed > 0 else (0.0 if ok else math.inf),
                   exact_p05=a05, exact_p95=a95, grouped_p05=b05, grouped_p95=b95,
                   exact_spread=a95 - a05, grouped_spread=b95 - b05, note="")
        n = min(len(a), len(b))
        if a95 - a05 <= 0:
            row.update(spread_ratio=None, spread_check="n/a: no spread in exact")
        else:
            ratio = (b95 - b05) / (a95 - a05)
            row["spread_ratio"] = ratio
            if n < MIN_SPREAD_REPLICATES:
                row["spread_check"] = f"n/a: {n} replicates < {MIN_SPREAD_REPLICATES}"
            elif abs(ratio - 1) <= SPREAD_REL:
                row["spread_check"] = "ok"
            else:
                # What sampling alone allows: 3 SE of the ratio (bootstrap of each side's log spread).
                rng = random.Random(zlib.crc32(repr(key).encode()))
                la, lb = log_spread_se(a, rng), log_spread_se(b, rng)
                if ratio > 0 and la is not None and lb is not None:
                    se_log = math.sqrt(la ** 2 + lb ** 2)
                    row["spread_ratio_se"] = ratio * se_log
                    row["spread_check"] = "noise" if abs(math.log(ratio)) <= MEAN_SE * se_log else "miss"
                else:
                    row["spread_check"] = "miss"
    return rows


def sort_worst(rows):
    return sorted(rows, key=lambda r: (r["mean_ok"], -r["score"]))


def summarise(rows):
    means = [r for r in rows if "mean_ok" in r]
    spreads = [r for r in rows if not r.get("spread_check", "n/a").startswith("n/a")]
    return {
        "means": len(means), "means_ok": sum(r["mean_ok"] for r in means),
        "spreads": len(spreads), "spreads_ok": sum(r["spread_check"] == "ok" for r in spreads),
        "spreads_noise": sum(r["spread_check"] == "noise" for r in spreads),
        "spreads_na": len(rows) - len(spreads),
        "worst": max((r["score"] for r in means), default=0.0),
        "check_fail": sum(not r["check_ok"] for r in means),
        "spread_median": median([r["spread_ratio"] for r in rows if r.get("spread_ratio") is not None]),
    }


def median(xs):
    return quantile(sorted(xs), 0.5) if xs else None


def summary_line(s, n):
    text = f"{s['means_ok']} of {s['means']} means within goal; spreads {s['spreads_ok']} of {s['spreads']} within 10 %"
    if s["spreads_noise"]:
        text += f" ({s['spreads_noise']} more outside 10 % but within 3 SE of it at {n} replicates)"
    if s["spreads"] == 0 and n < MIN_SPREAD_REPLICATES:
        text += f" (not checked: {n} replicates < {MIN_SPREAD_REPLICATES})"
    return text


# ---------------------------------------------------------------- effects (verdict.csv)

def read_verdict(directory):
    out = {}
    with open(Path(directory) / "verdict.csv", newline="") as f:
        for row in csv.DictReader(f):
            if row.get("diff_ci90_low", "") == "" or row.get("diff_ci90_high", "") == "" or row["diff_mean"] == "":
                continue
            out[(row["scenario"], row["measure"], row["segment"])] = row
    return out


def compare_effects(comparison, exact_dir, grouped_dir):
    exact, grouped = read_verdict(exact_dir), read_verdict(grouped_dir)
    rows = []
    for key, e in exact.items():
        alternative, measure, segment = key
        row = {"comparison": comparison, "alternative": alternative, "measure": measure, "segment": segment,
               "quoted": (measure, segment) in QUOTED, "main": (measure, segment) in MAIN}
        rows.append(row)
        g = grouped.get(key)
        if g is None:
            row.update(inside=False, effect_ok=False, check_ok=False, note="missing in grouped")
            continue
        d, lo, hi = float(e["diff_mean"]), float(e["diff_ci90_low"]), float(e["diff_ci90_high"])
        gd, glo, ghi = float(g["diff_mean"]), float(g["diff_ci90_low"]), float(g["diff_ci90_high"])
        if d == lo == hi == gd == glo == ghi == 0:     # no effect in either engine (spend, posts dropped)
            rows.pop()
            continue
        eps = 1e-9 * max(1.0, abs(d))
        se = math.sqrt(((hi - lo) / (2 * Z90)) ** 2 + ((ghi - glo) / (2 * Z90)) ** 2)
        allowed = max(MEAN_REL * abs(d), MEAN_SE * se)
        row.update(exact_effect=d, exact_ci90_low=lo, exact_ci90_high=hi, grouped_effect=gd,
                   grouped_ci90_low=glo, grouped_ci90_high=ghi,
                   inside=lo - eps <= gd <= hi + eps, se_diff=se,
                   z=(gd - d) / se if se > 0 else None,
                   effect_ok=abs(gd - d) <= allowed if allowed > 0 else abs(gd - d) <= eps,
                   check_ok=abs(gd - d) <= max(MEAN_REL * abs(d), CHECK_SE * se, eps), note="")
    for key in grouped:
        if key not in exact:
            rows.append({"comparison": comparison, "alternative": key[0], "measure": key[1], "segment": key[2],
                         "quoted": key[1:] in QUOTED, "main": key[1:] in MAIN,
                         "inside": False, "effect_ok": False, "check_ok": False, "note": "missing in exact"})
    return rows


# ---------------------------------------------------------------- formatting

def fmt(x, digits=None):
    if x is None or x == "":
        return ""
    if isinstance(x, bool):
        return "yes" if x else "no"
    if isinstance(x, int):
        return f"{x:,}"
    if digits is not None:
        return f"{x:,.{digits}f}"
    a = abs(x)
    return f"{x:,.0f}" if a >= 100 else f"{x:,.1f}" if a >= 10 else f"{x:,.2f}"


def pct(x):
    return "" if x is None else f"{100 * x:+.2f} %"


def rng_text(lo, hi):
    return "" if lo is None else f"{fmt(lo)}-{fmt(hi)}"


MEAN_HEADER = ("| scenario | platform | segment | metric | exact mean | grouped mean | Δ | Δ/SE | allowed | mean "
               "| exact 5-95 % | grouped 5-95 % | spread ratio | spread |\n"
               "|---|---|---|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---|")


def mean_line(r):
    if "exact_mean" not in r:
        return f"| {r['scenario']} | {r['platform']} | {r['segment']} | {r['metric']} | | | | | | {r['note']} | | | | |"
    return (f"| {r['scenario']} | {r['platform']} | {r['segment']} | {r['metric']} | {fmt(r['exact_mean'])} "
            f"| {fmt(r['grouped_mean'])} | {pct(r['rel_diff']) or fmt(r['diff'])} | {fmt(r['z'], 1)} "
            f"| {fmt(r['allowed'])} | {'ok' if r['mean_ok'] else '**miss**'} "
            f"| {rng_text(r['exact_p05'], r['exact_p95'])} | {rng_text(r['grouped_p05'], r['grouped_p95'])} "
            f"| {fmt(r.get('spread_ratio'), 2)} | {r['spread_check']} |")


EFFECT_HEADER = ("| comparison | alternative | measure | segment | exact effect (90 % CI) | grouped effect | inside CI "
                 "| Δ/SE | within 3 SE |\n|---|---|---|---|---:|---:|---|---:|---|")


def effect_line(r):
    name = f"**{r['measure']}**" if r["main"] else r["measure"]
    if "exact_effect" not in r:
        return f"| {r['comparison']} | {r['alternative']} | {name} | {r['segment']} | | | **miss** ({r['note']}) | | |"
    return (f"| {r['comparison']} | {r['alternative']} | {name} | {r['segment']} "
            f"| {fmt(r['exact_effect'])} ({fmt(r['exact_ci90_low'])} to {fmt(r['exact_ci90_high'])}) "
            f"| {fmt(r['grouped_effect'])} | {'yes' if r['inside'] else '**no**'} | {fmt(r['z'], 1)} "
            f"| {'yes' if r['effect_ok'] else '**no**'} |")


MEAN_COLUMNS = ["scenario", "platform", "segment", "metric", "n_exact", "n_grouped", "exact_mean", "grouped_mean",
                "diff", "rel_diff", "se_diff", "z", "allowed", "mean_ok", "check_ok", "exact_p05", "exact_p95", "grouped_p05",
                "grouped_p95", "exact_spread", "grouped_spread", "spread_ratio", "spread_ratio_se", "spread_check",
                "note"]
EFFECT_COLUMNS = ["comparison", "alternative", "measure", "segment", "quoted", "main", "exact_effect",
                  "exact_ci90_low", "exact_ci90_high", "grouped_effect", "grouped_ci90_low", "grouped_ci90_high",
                  "inside", "se_diff", "z", "effect_ok", "check_ok", "note"]


def write_csv(path, columns, rows):
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(columns)
        for r in rows:
            cells = []
            for c in columns:
                v = r.get(c)
                cells.append("" if v is None else str(v).lower() if isinstance(v, bool)
                             else f"{v:.10g}" if isinstance(v, float) else v)
            w.writerow(cells)


# ---------------------------------------------------------------- describing a directory

def manifest(directory):
    try:
        return json.loads((Path(directory) / "manifest.json").read_text())
    except (OSError, ValueError):
        return {}


def describe(directory):
    m = manifest(directory)
    command = m.get("command", "")
    if isinstance(command, list):
        command = " ".join(command)
    engine = re.search(r"--engine[ =](\S+)", command)
    text = f"{engine.group(1) if engine else 'no --engine'}, seed {m.get('seed', '?')}"
    if "split" in m:
        text += ", " + re.sub(r" of .*", " of one run", m["split"])
    return text


def replicates_of(values):
    return max((len(v) for v in values.values()), default=0)


# ---------------------------------------------------------------- README's comparisons

def readme_comparisons(readme):
    """(name, [base, alt...]) for every `reachsim compare` the README shows with shipped scenarios
    (the --out folder's name), and the pair of its opening brief; --uncertainty ones are left out
    (their plain comparison is the same pair)."""
    text = Path(readme).read_text()
    out, seen = [], set()
    m = re.search(r"The brief of `(scenarios/[^`]+\.yaml)` against `([^`]+\.yaml)`", text)
    if m:
        base = m.group(1)
        alt = m.group(2) if "/" in m.group(2) else str(Path(base).parent / m.group(2))
        out.append(("questions-" + Path(alt).stem.removeprefix("museum-"), [base, alt]))
    for cmd in re.findall(r"^\$ (reachsim compare (?:[^\n]*\\\n)*[^\n]*)", text, flags=re.M):
        cmd = cmd.replace("\\\n", " ")
        files = re.findall(r"(scenarios/\S+\.yaml)", cmd)
        if len(files) < 2:
            continue
        if "--uncertainty" in cmd:
            print(f"README: left out (--uncertainty; its plain comparison is run anyway): {cmd}", file=sys.stderr)
            continue
        if tuple(files) in seen:
            continue
        seen.add(tuple(files))
        o = re.search(r"--out\s+(\S+)", cmd)
        out.append((Path(o.group(1)).name if o else Path(files[1]).stem, files))
    return out


# ---------------------------------------------------------------- modes

def one_pair(args):
    a, b = Path(args.paths[0]), Path(args.paths[1])
    if (a / "verdict.csv").exists():
        rows = compare_effects(args.name or a.parent.name, a, b)
        judged = [r for r in rows if r["quoted"]]
        print(f"{args.name or a.parent.name}: exact = {describe(a)}; grouped = {describe(b)}")
        print(f"{sum(r['inside'] for r in judged)} of {len(judged)} README effects inside the exact 90 % CI; "
              f"{sum(r['effect_ok'] for r in judged)} within max(1 %, 3 SE)\n")
        print(EFFECT_HEADER)
        for r in judged:
            print(effect_line(r))
        if args.csv:
            write_csv(args.csv, EFFECT_COLUMNS, rows)
        return 1 if args.check and not all(r["check_ok"] for r in judged) else 0
    exact, weeks = read_run(a)
    grouped, _ = read_run(b)
    name = args.name or manifest(a).get("scenario", a.name)
    print(f"{name}: exact = {describe(a)}, {replicates_of(exact)} replicates; "
          f"grouped = {describe(b)}, {replicates_of(grouped)} replicates; {weeks} weeks")
    return report_rows(args, compare_values(name, exact, grouped), min(replicates_of(exact), replicates_of(grouped)))


def split(args):
    """--split RUN A B: RUN's replicates 1..R/2 into A, the next R/2 into B (weekly.csv and a
    manifest.json saying so), for run.sh --halves."""
    source, a, b = (Path(p) for p in args.paths)
    m = manifest(source)
    half = int(m["replicates"]) // 2
    for directory, first in ((a, 1), (b, half + 1)):
        directory.mkdir(parents=True, exist_ok=True)
        keep = set(range(first, first + half))
        with open(source / "weekly.csv", newline="") as f, open(directory / "weekly.csv", "w", newline="") as out:
            reader = csv.reader(f)
            w = csv.writer(out, lineterminator="\n")
            header = next(reader)
            w.writerow(header)
            column = header.index("replicate")
            for row in reader:
                if int(row[column]) in keep:
                    w.writerow(row)
        (directory / "manifest.json").write_text(json.dumps(
            dict(m, replicates=half, split=f"replicates {first}-{first + half - 1} of {source}"), indent=2))
    return 0


def halves(args):
    directory = Path(args.paths[0])
    m = manifest(directory)
    n = int(m.get("replicates", 0)) or replicates_of(read_run(directory)[0])
    half = n // 2
    a, _ = read_run(directory, set(range(1, half + 1)))
    b, _ = read_run(directory, set(range(half + 1, 2 * half + 1)))
    name = args.name or m.get("scenario", directory.name)
    print(f"{name}: replicates 1-{half} against {half + 1}-{2 * half} of one run (seed {m.get('seed', '?')})")
    return report_rows(args, compare_values(name, a, b), half)


def report_rows(args, rows, n):
    s = summarise(rows)
    print(summary_line(s, n) + "\n")
    shown = [r for r in sort_worst(rows) if not r["mean_ok"] or r.get("spread_check") == "miss"]
    worst = [r for r in sort_worst(rows) if r not in shown][:args.top]
    print(MEAN_HEADER)
    for r in shown + worst:
        print(mean_line(r))
    print(f"\n({len(shown)} rows miss a goal; then the {len(worst)} closest to it. Every row: --csv.)")
    if args.csv:
        write_csv(args.csv, MEAN_COLUMNS, rows)
    if args.check:
        print(f"--check: {s['check_fail']} means off by more than max(1 %, {CHECK_SE:g} SE)")
    return 1 if args.check and s["check_fail"] else 0


def table(args):
    scratch, results = Path(args.table), Path(args.results)
    results.mkdir(parents=True, exist_ok=True)
    timing = read_timing(scratch / "timing.tsv")
    all_rows, summaries, effect_rows, problems = [], [], [], []
    sides = None
    selection = scratch / "selection.txt"     # run.sh's choice; else every directory there
    chosen = set(selection.read_text().split()) if selection.exists() else None

    def dirs(kind):
        found = sorted((scratch / kind).iterdir()) if (scratch / kind).exists() else []
        return [d for d in found if d.is_dir() and (chosen is None or f"{kind}/{d.name}" in chosen)]

    for d in dirs("runs"):
        name = d.name.replace("__", "/")
        if not ((d / "a" / "manifest.json").exists() and (d / "b" / "manifest.json").exists()):
            problems.append(f"{name}: a run did not complete (see {d})")
            continue
        exact, _ = read_run(d / "a")
        grouped, _ = read_run(d / "b")
        sides = sides or (describe(d / "a"), describe(d / "b"))
        rows = compare_values(name, exact, grouped)
        n = min(replicates_of(exact), replicates_of(grouped))
        all_rows += rows
        summaries.append((name, n, summarise(rows), timing.get(("runs", d.name, "a"), timing.get(("runs", d.name, "full"))), timing.get(("runs", d.name, "b"))))
    for d in dirs("compare"):
        if not ((d / "a" / "manifest.json").exists() and (d / "b" / "manifest.json").exists()):
            problems.append(f"comparison {d.name}: a compare did not complete (see {d})")
            continue
        effect_rows += compare_effects(d.name, d / "a", d / "b")
        sides = sides or (describe(d / "a"), describe(d / "b"))

    if sides:   # one description per side; a seed that differs between scenarios is each scenario's own
        described = [(describe(d / "a"), describe(d / "b")) for kind in ("runs", "compare") for d in dirs(kind)
                     if (d / "a" / "manifest.json").exists() and (d / "b" / "manifest.json").exists()]
        sides = tuple(values.pop() if len(values := {x[i] for x in described}) == 1
                      else re.sub(r", seed \d+", ", each scenario's seed", sorted(values)[0]) for i in (0, 1))
    write_csv(results / "table.csv", MEAN_COLUMNS, all_rows)
    write_csv(results / "effects.csv", EFFECT_COLUMNS, effect_rows)
    judged = [r for r in effect_rows if r["quoted"]]
    md = ["# Grouped engine against the exact one", ""]
    if sides:
        md += [f"exact: {sides[0]}; grouped: {sides[1]}. Written by `Benchmarks/engines/run.sh` "
               f"(`validate.py`); every row in `table.csv` and `effects.csv`.", ""]
    md += ["Goals: a mean within max(1 % of the exact mean, 3 SE of the difference); a spread (p95 − p5 of the "
           "replicates) within 10 %; a README effect inside the exact engine's 90 % interval.", ""]
    md += ["| scenario | replicates | means within goal | worst Δ / allowed | spreads within 10 % "
           "| outside 10 %, within noise | median spread ratio | exact s | grouped s | exact / grouped time "
           "| grouped |",
           "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for name, n, s, ta, tb in summaries:
        verdict = "within goals" if s["means_ok"] == s["means"] else f"**misses {s['means'] - s['means_ok']} means**"
        spreads = (f"{s['spreads_ok']} of {s['spreads']}" if s["spreads"] else f"n/a ({n} < {MIN_SPREAD_REPLICATES})")
        sa, sb = (ta or {}).get("seconds"), (tb or {}).get("seconds")
        md.append(f"| {name} | {n} | {s['means_ok']} of {s['means']} | {s['worst']:.2f} | {spreads} "
                  f"| {s['spreads_noise']} | {fmt(s['spread_median'], 2)} | {fmt(sa, 1)} | {fmt(sb, 1)} "
                  f"| {fmt(sa / sb, 2) if sa and sb else ''} | {verdict} |")
    total = summarise(all_rows)
    md += ["", f"All scenarios: {summary_line(total, min((n for _, n, *_ in summaries), default=0))}.", ""]
    misses = [r for r in sort_worst(all_rows) if not r["mean_ok"]]
    md += [f"## Means outside the goal ({len(misses)})", ""]
    md += [MEAN_HEADER] + [mean_line(r) for r in misses] if misses else ["None."]
    spread_misses = [r for r in all_rows if r.get("spread_check") == "miss"]
    md += ["", f"## Spreads outside 10 % beyond sampling noise ({len(spread_misses)})", ""]
    md += [MEAN_HEADER] + [mean_line(r) for r in spread_misses] if spread_misses else ["None."]
    md += ["", "## README comparisons", ""]
    if judged:
        md += [f"{sum(r['inside'] for r in judged)} of {len(judged)} effects inside the exact engine's 90 % interval "
               f"(main ones, in bold: {sum(r['inside'] for r in judged if r['main'])} of "
               f"{sum(r['main'] for r in judged)}); {sum(r['effect_ok'] for r in judged)} within max(1 %, 3 SE) "
               "of the exact effect.", "", EFFECT_HEADER] + [effect_line(r) for r in judged]
    else:
        md += ["Not run."]
    if problems:
        md += ["", "## Missing", ""] + [f"- {p}" for p in problems]
    timing_rows = [dict(v, kind=k[0], name=k[1].replace("__", "/"), side=k[2]) for k, v in timing.items()
                   if chosen is None or f"{k[0]}/{k[1]}" in chosen]
    md += ["", "## Time and memory", "", timing_markdown(timing_rows)]
    (results / "table.md").write_text("\n".join(md) + "\n")
    write_csv(results / "timing.csv", ["kind", "name", "side", "engine", "seed", "replicates", "seconds", "mib",
                                       "status"], timing_rows)
    (results / "timing.md").write_text(timing_markdown(timing_rows) + "\n")
    print("\n".join(md))
    effects_off = sum(not r["check_ok"] for r in judged)
    if args.check:
        print(f"\n--check: {total['check_fail']} means and {effects_off} README effects off by more than "
              f"max(1 %, {CHECK_SE:g} SE); {len(problems)} runs missing")
    return 1 if args.check and (total["check_fail"] or effects_off or problems) else 0


def read_timing(path):
    out = {}
    if not path.exists():
        return out
    with open(path, newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            row["seconds"] = float(row["seconds"]) if row["seconds"] else None
            row["mib"] = round(float(row["kib"]) / 1024, 1) if row["kib"] else None
            out[(row["kind"], row["name"], row["side"])] = row   # the last line of a (re)run wins
    return out


def timing_markdown(rows):
    lines = ["| run | scenario | side | engine | replicates | seconds | MiB | s per replicate | status |",
             "|---|---|---|---|---:|---:|---:|---:|---|"]
    for r in rows:
        per = r["seconds"] / int(r["replicates"]) if r["seconds"] and r["replicates"] else None
        lines.append(f"| {r['kind']} | {r['name']} | {r['side']} | {r['engine']} | {r['replicates']} "
                     f"| {fmt(r['seconds'], 1)} | {fmt(r['mib'], 0)} | {fmt(per, 2)} | {r['status']} |")
    return "\n".join(lines)


def main():
    global CHECK_SE
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", help="EXACT GROUPED (run or compare directories)")
    parser.add_argument("--halves", action="store_true", help="one run: its first half of replicates against the second")
    parser.add_argument("--split", action="store_true", help="RUN A B: write RUN's halves of replicates into A and B")
    parser.add_argument("--table", metavar="SCRATCH", help="run.sh's scratch directory: write the whole table")
    parser.add_argument("--results", default=str(Path(__file__).parent / "results"), help="where --table writes")
    parser.add_argument("--readme", nargs="?", const=str(Path(__file__).resolve().parents[2] / "README.md"),
                        help="print README's comparisons (NAME BASE ALT...)")
    parser.add_argument("--csv", help="write every row to this CSV file")
    parser.add_argument("--name", help="the scenario's or comparison's name in the table")
    parser.add_argument("--top", type=int, default=5, help="rows within goal shown after the misses (default 5)")
    parser.add_argument("--check", action="store_true",
                        help="exit 1 when a mean or README effect is off by more than max(1 %%, K SE), K = --check-se")
    parser.add_argument("--check-se", type=float, default=CHECK_SE, metavar="K", help="default 5 (3: the goal itself)")
    args = parser.parse_args()
    CHECK_SE = args.check_se
    if args.readme:
        for name, files in readme_comparisons(args.readme):
            print(name, *files)
        return 0
    if args.table:
        return table(args)
    if args.split and len(args.paths) == 3:
        return split(args)
    if args.halves and len(args.paths) == 1:
        return halves(args)
    if len(args.paths) != 2:
        parser.error("give EXACT and GROUPED directories, --halves RUN, --table SCRATCH or --readme")
    return one_pair(args)


if __name__ == "__main__":
    sys.exit(main())
