#!/usr/bin/env python3
"""Compare runs of one scenario at different audience scales (weekly.csv of each): per replicate
a few yearly figures, then their mean and standard deviation with standard errors, and the
difference of each run from the first in standard errors.

    compare_scales.py scale1/weekly.csv scale10/weekly.csv scale100/weekly.csv
"""
import collections
import csv
import math
import sys

YOUNG = {"paris-young", "france-young", "world-young"}  # the 18-24 segments of the scenario


def figures(path):
    """Per replicate: name -> value."""
    out = collections.defaultdict(lambda: collections.defaultdict(float))
    for row in csv.DictReader(open(path)):
        r, week, platform, segment = int(row["replicate"]), int(row["week"]), row["platform"], row["segment"]
        f = out[r]
        if week == 52 and segment == "all" and platform in ("all", "instagram", "x", "youtube"):
            f[f"people reached in the year, {platform}"] = float(row["reach_cumulative"])
        if week == 52 and platform == "all" and segment in YOUNG:
            f["people aged 18-24 reached in the year"] += float(row["reach_cumulative"])
        if week == 52 and platform == "all" and segment == "all":
            f["followers at week 52"] = float(row["followers"])
        if platform == "all" and segment == "all":
            f["likes in the year"] += float(row["likes"])
            f["share impressions in the year"] += float(row["impressions_shares"])
    return out


def moments(values):
    n = len(values)
    mean = sum(values) / n
    sd = math.sqrt(sum((v - mean) ** 2 for v in values) / (n - 1))
    return n, mean, sd


def z(difference, se1, se2):
    """The difference in standard errors ("exact" when both runs have no spread)."""
    se = math.hypot(se1, se2)
    if se == 0:
        return "0 (no spread)" if difference == 0 else "no spread"
    return f"{difference / se:+.1f}"


runs = [(path, figures(path)) for path in sys.argv[1:]]
names = list(next(iter(runs[0][1].values())).keys())
print("| figure | run | replicates | mean | s.e. | sd | s.e. | mean vs first (s.e.) | sd vs first (s.e.) |")
print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
for name in names:
    first = None
    for path, data in runs:
        n, mean, sd = moments([data[r][name] for r in sorted(data)])
        se_mean, se_sd = sd / math.sqrt(n), sd / math.sqrt(2 * (n - 1))
        if first is None:
            first = (mean, se_mean, sd, se_sd)
            dm = dsd = ""
        else:
            dm, dsd = z(mean - first[0], se_mean, first[1]), z(sd - first[2], se_sd, first[3])
        print(f"| {name} | {path} | {n} | {mean:,.0f} | {se_mean:,.0f} | {sd:,.0f} | {se_sd:,.0f} | {dm} | {dsd} |")
