import Foundation

/// `reachsim export notebook DIR -o NOTEBOOK.ipynb`: a Jupyter notebook (nbformat 4) that loads a
/// run's (or a comparison's) CSV files with pandas and draws the report's charts with matplotlib,
/// so that an analyst can go on from there. The notebook refers to DIR by a path relative to the
/// notebook's own folder (Jupyter runs a notebook from its folder). A run's notebook ends with
/// the accounts of `accounts.csv`, when the run has one.
public enum NotebookExport {
    public static func render(directory: URL, notebookPath: URL) throws -> [UInt8] {
        let fm = FileManager.default
        if UncertaintyReport.isStudy(directory) {
            return try document(studyCells(directory, relative: relativePath(from: notebookPath.deletingLastPathComponent(), to: directory)))
        }
        let isComparison = fm.fileExists(atPath: directory.appendingPathComponent("comparison.csv").path)
        let summaryURL = directory.appendingPathComponent("summary.csv")
        guard isComparison || fm.fileExists(atPath: summaryURL.path) else {
            throw ReportError("\(directory.path) holds no summary.csv or comparison.csv: run `reachsim run` or `reachsim compare` first")
        }
        let relative = relativePath(from: notebookPath.deletingLastPathComponent(), to: directory)
        var cells: [[String: Any]] = []
        if isComparison {
            let rows = try CSVTable.rows(url: directory.appendingPathComponent("comparison.csv"), required: ComparePipeline.header)
            let base = rows.first?["base"] ?? "base"
            var alternatives: [String] = []
            for f in rows where !alternatives.contains(f["scenario"]) { alternatives.append(f["scenario"]) }
            cells.append(markdown("""
                # \(base) compared with \(alternatives.joined(separator: ", "))

                Exported by `reachsim export notebook` from `\(relative)`. `comparison.csv` holds, per week, platform,
                segment and metric, the base and alternative means, the mean paired difference with its 90% confidence
                interval, the 5-95% range of the paired differences and the share of replicates where the alternative is
                higher (common random numbers: the same people and random draws wherever the scenarios agree).
                """))
            cells.append(code(setup(relative)))
            cells.append(code("""
                comparison = pd.read_csv(RUN_DIR / "comparison.csv")
                last = comparison["week"].max()
                comparison[(comparison.week == last) & (comparison.platform == "all") & (comparison.segment == "all")
                           & comparison.metric.isin(["reach_cumulative", "followers"])]
                """))
            cells.append(code("""
                fig, axes = plt.subplots(1, 3, figsize=(15, 4))
                for ax, metric in zip(axes, ["reach_cumulative", "reach", "followers"]):
                    for alt, d in comparison[(comparison.platform == "all") & (comparison.segment == "all")
                                             & (comparison.metric == metric)].groupby("scenario"):
                        ax.fill_between(d.week, d.diff_p05, d.diff_p95, alpha=0.15)
                        ax.fill_between(d.week, d.diff_ci90_low, d.diff_ci90_high, alpha=0.35)
                        ax.plot(d.week, d.diff_mean, label=alt)
                    ax.axhline(0, color="black", linewidth=0.8)
                    ax.set_title(f"difference in {metric}, all platforms")
                    ax.set_xlabel("week")
                    ax.legend()
                fig.tight_layout()
                """))
            for name in [base] + alternatives where fm.fileExists(atPath: directory.appendingPathComponent("summary-\(name).csv").path) {
                cells.append(markdown("## \(name)"))
                cells.append(code("summary = pd.read_csv(RUN_DIR / \"summary-\(name).csv\")\nfan_charts(summary);"))
            }
        } else {
            let summary = try SummaryFile(url: summaryURL)
            let manifest = try? Manifest.decode([UInt8](Data(contentsOf: directory.appendingPathComponent("manifest.json"))))
            var text = "# \(summary.scenario): ReachSim results\n\n"
            if let m = manifest {
                text += "\(m.replicates) replicates × \(m.weeks) weeks, seed \(m.seed), ReachSim \(m.reachsimVersion). "
            }
            text += "Exported by `reachsim export notebook` from `\(relative)`.\n\n"
            text += "| platform | cumulative reach, week \(summary.weeks) (5-95%) | followers at end |\n|---|---:|---:|\n"
            let last = summary.weeks - 1
            for p in summary.platforms {
                if let c = summary.get(p, "all", .reachCumulative), let f = summary.get(p, "all", .followers) {
                    text += "| \(p) | \(ReachTable.grouped(c.mean[last])) (\(ReachTable.grouped(c.p05[last]))-\(ReachTable.grouped(c.p95[last]))) | \(ReachTable.grouped(f.mean[last])) |\n"
                }
            }
            if let yaml = try? String(contentsOf: directory.appendingPathComponent("scenario.yaml"), encoding: .utf8) {
                text += "\n<details><summary>Scenario file</summary>\n\n```yaml\n\(yaml)\n```\n</details>\n"
            }
            cells.append(markdown(text))
            cells.append(code(setup(relative)))
            cells.append(code("summary = pd.read_csv(RUN_DIR / \"summary.csv\")\nsummary.head()"))
            cells.append(code("fan_charts(summary);"))
            cells.append(code("""
                last = summary.week.max()
                seg = summary[(summary.week == last) & (summary.platform == "all") & (summary.segment != "all")
                              & (summary.metric == "reach_cumulative")]
                fig, ax = plt.subplots(figsize=(7, 0.5 + 0.4 * len(seg)))
                ax.barh(seg.segment, seg["mean"], xerr=[seg["mean"] - seg.p05, seg.p95 - seg["mean"]])
                ax.set_title(f"cumulative reach by segment, week {last}")
                fig.tight_layout()
                """))
            cells.append(code("""
                spend = summary[(summary.platform != "all") & (summary.segment == "all") & (summary.metric == "spend")]
                reach = summary[(summary.platform != "all") & (summary.segment == "all") & (summary.metric == "reach_cumulative")]
                totals = spend.groupby("platform")["mean"].sum().rename("spend_eur").to_frame()
                totals["reach_cumulative"] = reach[reach.week == reach.week.max()].set_index("platform")["mean"]
                totals["eur_per_1000_reached"] = 1000 * totals.spend_eur / totals.reach_cumulative
                totals
                """))
            if fm.fileExists(atPath: directory.appendingPathComponent("accounts.csv").path) {
                cells += accountCells()
            }
        }
        return try document(cells)
    }

    /// The notebook of `cells` (nbformat 4.5, sorted keys, a final newline).
    static func document(_ cells: [[String: Any]]) throws -> [UInt8] {
        let notebook: [String: Any] = [
            "nbformat": 4, "nbformat_minor": 5,
            "metadata": [
                "kernelspec": ["name": "python3", "display_name": "Python 3", "language": "python"],
                "language_info": ["name": "python"],
            ],
            "cells": cells.enumerated().map { k, cell in cell.merging(["id": "cell-\(k)"]) { a, _ in a } },
        ]
        let data = try JSONSerialization.data(withJSONObject: notebook, options: [.prettyPrinted, .sortedKeys])
        return [UInt8](data) + [10]
    }

    /// A study over parameter sets: a robust comparison (the summary, a tornado of the drivers'
    /// rank correlations, the effect against the strongest driver) or a sensitivity study (a
    /// tornado of μ* or of the total Sobol indices), as `UncertaintyReport` draws them.
    static func studyCells(_ directory: URL, relative: String) throws -> [[String: Any]] {
        var cells: [[String: Any]] = []
        if FileManager.default.fileExists(atPath: directory.appendingPathComponent("sensitivity.csv").path) {
            cells.append(markdown("""
                # Sensitivity study

                Exported by `reachsim export notebook` from `\(relative)`. `sensitivity.csv` holds one row per uncertain
                parameter, strongest first: Morris μ* (mean absolute change of the answer over the parameter's range), μ
                and σ, or Sobol first-order and total indices with 90% bootstrap intervals (docs/uncertainty.md).
                """))
            cells.append(code(setup(relative)))
            cells.append(code("""
                sens = pd.read_csv(RUN_DIR / "sensitivity.csv")
                morris = sens["method"].iloc[0] == "morris"
                top = sens.head(20).iloc[::-1]
                fig, ax = plt.subplots(figsize=(8, 0.5 + 0.35 * len(top)))
                if morris:
                    ax.barh(top.parameter, top.mu_star, xerr=top.sigma)
                    ax.set_xlabel("μ*: change of the answer over the parameter's range (± σ)")
                else:
                    ax.barh(top.parameter, top.total, xerr=[top.total - top.total_low, top.total_high - top.total])
                    ax.set_xlabel("total Sobol index (90% bootstrap interval)")
                ax.set_title("what the answer depends on")
                fig.tight_layout()
                sens
                """))
        } else {
            cells.append(markdown("""
                # Robust comparison over parameter sets

                Exported by `reachsim export notebook` from `\(relative)`. `robustness.csv` holds one row per parameter set
                and alternative, with every uncertain parameter's value and the set's mean effect and 90% interval of the
                mean; `robustness_summary.csv` the range across parameter sets, win and settled shares; `robustness_drivers.csv`
                the rank correlation of each parameter with the effect (docs/uncertainty.md).
                """))
            cells.append(code(setup(relative)))
            cells.append(code("""
                summary = pd.read_csv(RUN_DIR / "robustness_summary.csv")
                drivers = pd.read_csv(RUN_DIR / "robustness_drivers.csv")
                sets = pd.read_csv(RUN_DIR / "robustness.csv")
                summary
                """))
            cells.append(code("""
                for (scenario, effect), d in drivers.groupby(["scenario", "effect"], sort=False):
                    top = d.head(12).iloc[::-1]
                    fig, ax = plt.subplots(figsize=(8, 0.5 + 0.35 * len(top)))
                    ax.barh(top.parameter, top.spearman.abs(), color=["#e15759" if r < 0 else "#4e79a7" for r in top.spearman])
                    ax.axvline(2 / (len(sets.set.unique()) - 1) ** 0.5, color="grey", linestyle=":")
                    ax.set_title(f"what Δ {effect} of {scenario} depends on (|Spearman ρ|; red: falls as the parameter rises)")
                    fig.tight_layout()
                """))
            cells.append(code("""
                column = "catchment_effect" if sets.catchment_effect.notna().any() else "reach_effect"
                for (scenario, effect), d in drivers.groupby(["scenario", "effect"], sort=False):
                    if (effect == "catchment_reach") != (column == "catchment_effect"):
                        continue
                    key = d.parameter.iloc[0]
                    mine = sets[sets.scenario == scenario]
                    fig, ax = plt.subplots(figsize=(7, 4))
                    ax.scatter(mine[key], mine[column])
                    ax.axhline(0, color="black", linewidth=0.8)
                    ax.set_xlabel(key)
                    ax.set_ylabel(column)
                    ax.set_title(f"{scenario}: the effect in each parameter set")
                    fig.tight_layout()
                """))
        }
        return cells
    }

    /// Each account's run in one table (the report's Accounts section) and its reach as bars.
    /// Exported whenever the run has `accounts.csv`, even with one account per platform: the
    /// posts, hours and engagements per account appear nowhere else in the notebook, and the
    /// analyst may go on from the per-replicate table.
    static func accountCells() -> [[String: Any]] {
        [
            markdown("""
                ## Accounts

                `accounts.csv` holds each account's own figures per replicate and week. Reach counts the people who saw the
                account's posts (reposts count for the author), so accounts' reaches add up to more than their platform's
                when audiences overlap. Below, per account: totals over the run (means over replicates), the people
                reached during the run (`reach_cumulative` of the last week) with its 5-95% band, and followers at the
                start of week 1 and at the end.
                """),
            code("""
                accounts = pd.read_csv(RUN_DIR / "accounts.csv")
                accounts["engagements"] = accounts.likes + accounts.comments + accounts.shares
                last = accounts.week.max()
                keys = ["platform", "account", "replicate"]
                first = accounts[accounts.week == 1].set_index(keys)
                final = accounts[accounts.week == last].set_index(keys)
                per_replicate = accounts.groupby(keys, sort=False)[["posts", "hours", "engagements"]].sum()
                per_replicate["reached"] = final.reach_cumulative
                per_replicate["followers_start"] = first.followers - first.followers_gained + first.followers_lost
                per_replicate["followers_end"] = final.followers
                by_account = per_replicate.groupby(level=["platform", "account"], sort=False)
                year = by_account.mean()
                year["reached_p05"] = by_account.reached.quantile(0.05)
                year["reached_p95"] = by_account.reached.quantile(0.95)
                year = year[["posts", "hours", "reached", "reached_p05", "reached_p95", "followers_start", "followers_end", "engagements"]]
                year.round(0)
                """),
            code("""
                labels = [f"{platform}/{account}" for platform, account in year.index]
                fig, ax = plt.subplots(figsize=(7, max(1.8, 0.5 + 0.4 * len(year))))
                ax.barh(labels, year.reached, xerr=[year.reached - year.reached_p05, year.reached_p95 - year.reached])
                ax.invert_yaxis()
                ax.set_title(f"people reached by each account's posts, weeks 1-{last}")
                fig.tight_layout()
                """),
        ]
    }

    static func setup(_ relative: String) -> String {
        """
        from pathlib import Path
        import pandas as pd
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        %matplotlib inline

        RUN_DIR = Path("\(relative)")

        def fan_charts(summary):
            \"\"\"Median and 5-95% band over replicates, per platform, of three metrics.\"\"\"
            platforms = list(dict.fromkeys(summary.platform))
            metrics = ["reach", "reach_cumulative", "followers"]
            fig, axes = plt.subplots(len(metrics), len(platforms), figsize=(4 * len(platforms), 3 * len(metrics)), squeeze=False)
            for i, metric in enumerate(metrics):
                for j, platform in enumerate(platforms):
                    d = summary[(summary.platform == platform) & (summary.segment == "all") & (summary.metric == metric)]
                    ax = axes[i][j]
                    ax.fill_between(d.week, d.p05, d.p95, alpha=0.3)
                    ax.plot(d.week, d.p50)
                    ax.set_title(f"{metric}: {platform}")
                    ax.set_xlabel("week")
            fig.tight_layout()
            return fig
        """
    }

    static func markdown(_ text: String) -> [String: Any] {
        ["cell_type": "markdown", "metadata": [String: Any](), "source": lines(text)]
    }

    static func code(_ text: String) -> [String: Any] {
        ["cell_type": "code", "metadata": [String: Any](), "source": lines(text), "outputs": [Any](), "execution_count": NSNull()]
    }

    /// nbformat stores a cell's source as lines that keep their newline.
    static func lines(_ text: String) -> [String] {
        let parts = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return parts.enumerated().map { $0 < parts.count - 1 ? $1 + "\n" : $1 }.filter { !$0.isEmpty }
    }

    /// A path from `base` to `target`, with `..` where needed.
    static func relativePath(from base: URL, to target: URL) -> String {
        let a = base.standardizedFileURL.resolvingSymlinksInPath().pathComponents
        let b = target.standardizedFileURL.resolvingSymlinksInPath().pathComponents
        var common = 0
        while common < min(a.count, b.count) && a[common] == b[common] { common += 1 }
        let up = Array(repeating: "..", count: a.count - common)
        let rest = (up + b[common...]).joined(separator: "/")
        return rest.isEmpty ? "." : rest
    }
}
