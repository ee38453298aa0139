#!/usr/bin/env python3
"""Print scenarios/large-institution.yaml at PERCENT % of its size: the audience and every
account's followers multiplied by PERCENT/100, one replicate. With --scale K each agent stands
for K people (audience.scale): the same people and followers, a K times smaller audience.size.
Used for the scaling curve and the scale-factor comparison in docs/performance.md and for the
census in this folder."""
import argparse
import pathlib
import re

parser = argparse.ArgumentParser(description=__doc__)
parser.add_argument("percent", type=float, help="size in percent of the Louvre-size scenario")
parser.add_argument("--scale", type=int, default=1, help="people per agent (audience.scale)")
parser.add_argument("--replicates", type=int, default=1)
args = parser.parse_args()

root = pathlib.Path(__file__).resolve().parents[2]
text = (root / "scenarios" / "large-institution.yaml").read_text()
factor = args.percent / 100
text = text.replace("$schema=../docs/", f"$schema={root}/docs/")
# audience.size counts agents: people × factor / scale.
text = re.sub(r"size: (\d+)", lambda m: f"size: {round(int(m.group(1)) * factor / args.scale)}", text)
text = re.sub(r"followers: (\d+)", lambda m: f"followers: {round(int(m.group(1)) * factor)}", text)
text = re.sub(r"scale: 1\n", f"scale: {args.scale}\n", text, count=1)
text = re.sub(r"replicates: \d+", f"replicates: {args.replicates}", text, count=1)
print(text, end="")
