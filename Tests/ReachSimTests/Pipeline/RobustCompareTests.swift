import Foundation
import Testing
@testable import ReachSim

/// Issue 20: plausible ranges, the Latin hypercube, and `compare --uncertainty`. Seeds are fixed;
/// the decision tests read their tolerance from each set's own Monte Carlo interval.
@Suite struct RobustCompareTests {
    // MARK: Design and ranges

    /// Every column of a Latin hypercube has exactly one point in each of the n strata, and the
    /// same seed gives the same design.
    @Test func latinHypercubeStratifiesEveryColumn() {
        let n = 37, d = 5
        let x = ParameterDesign.latinHypercube(points: n, dimensions: d, rng: RandomStream(seed: 9, purpose: .test))
        #expect(x.count == n && x.allSatisfy { $0.count == d })
        for j in 0..<d {
            #expect(Set(x.map { Int($0[j] * Double(n)) }) == Set(0..<n), "column \(j)")
        }
        let again = ParameterDesign.latinHypercube(points: n, dimensions: d, rng: RandomStream(seed: 9, purpose: .test))
        #expect(again == x)
    }

    /// Quantile functions in closed form: uniform linear, log-uniform geometric, Beta(1, 1)
    /// uniform and Beta(2, 2) symmetric about the middle with its known quartile.
    @Test func rangeQuantilesAreTheDistributions() {
        let u = ParameterRange(key: "k", low: 2, high: 10, source: "t")
        #expect(u.value(at: 0) == 2 && u.value(at: 1) == 10 && u.value(at: 0.25) == 4)
        let l = ParameterRange(key: "k", low: 10, high: 1_000, distribution: .logUniform, source: "t")
        #expect(abs(l.value(at: 0.5) - 100) < 1e-9)
        let b11 = ParameterRange(key: "k", low: 0, high: 4, distribution: .beta, alpha: 1, beta: 1, source: "t")
        #expect(abs(b11.value(at: 0.3) - 1.2) < 1e-9)
        let b22 = ParameterRange(key: "k", low: 0, high: 1, distribution: .beta, alpha: 2, beta: 2, source: "t")
        #expect(abs(b22.value(at: 0.5) - 0.5) < 1e-9)
        // Beta(2, 2)'s CDF is 3x² − 2x³: its quantile at 0.15625 is 0.25.
        #expect(abs(b22.value(at: 3 * 0.0625 - 2 * 0.015625) - 0.25) < 1e-9)
    }

    @Test func spearmanOfMonotoneSeries() {
        let x: [Double] = [1, 2, 3, 4, 5, 6]
        #expect(Statistics.spearman(x, x.map { $0 * $0 * $0 }) == 1)
        #expect(Statistics.spearman(x, x.map { -exp($0) }) == -1)
        #expect(Statistics.spearman(x, [Double](repeating: 1, count: 6)) == nil)
    }

    /// A preset platform gets the catalog's ranges around its values; an open French audience its
    /// culture share range; the `uncertain:` block fixes, replaces and adds.
    @Test func defaultsAndTheUncertainBlock() throws {
        let s = try ScenarioLoader.parse(Self.presetScenario(posts: 1, extra: """
            uncertain:
              platforms.instagram.churn_per_week: fixed
              platforms.instagram.feed.discovery_per_engagement: {low: 1, high: 50, distribution: log-uniform, source: our guess}
            """, open: true), file: "u.yaml")
        let defaults = PlausibleRanges.defaults(for: s)
        let ig = s.platforms[0]
        let base = try #require(defaults.first { $0.key == "platforms.instagram.feed.base_visibility" })
        let v = try #require(PlausibleRanges.value("feed.base_visibility", in: ig))
        #expect(abs(base.low - v * 0.67) < 1e-12 && abs(base.high - v * 1.5) < 1e-12 && base.distribution == .logUniform)
        let size = try #require(defaults.first { $0.key == "platforms.instagram.feed.size_exponent" })
        #expect(size.low == 0.1 && size.high == 0.35)
        // Stated bounds are a Beta whose mode is the preset's 0.2: m = 0.4 of the range, shapes (2, 1/m).
        #expect(size.distribution == .beta && size.alpha == 2 && abs(size.beta - 2.5) < 1e-12)
        #expect(abs((size.alpha - 1) / (size.alpha + size.beta - 2) * (size.high - size.low) + size.low - 0.2) < 1e-12)
        let culture = try #require(defaults.first { $0.key == "audience.outside.culture_share" })
        #expect(culture.low == 0.3 && culture.high == 0.45)
        #expect(defaults.contains { $0.key == "platforms.instagram.churn_per_week" })

        let resolved = PlausibleRanges.resolve(s)
        #expect(!resolved.contains { $0.key == "platforms.instagram.churn_per_week" })
        let discovery = try #require(resolved.first { $0.key == "platforms.instagram.feed.discovery_per_engagement" })
        #expect(discovery.low == 1 && discovery.high == 50 && discovery.source == "our guess")
        #expect(resolved.count == defaults.count - 1)
    }

    /// An engagement table is uncertain through its mean over formats: a draw scales every format
    /// by the same factor, so the formats keep their ratios (as `reachsim fit` scales them).
    @Test func anEngagementTableIsDrawnAsOneFactor() throws {
        let dir = TestScenarios.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try Self.write(Self.presetScenario(posts: 1, extra: """
            uncertain:
              platforms.instagram.engagement.like: {low: 0.01, high: 0.03}
            """, open: false), "u.yaml", in: dir)
        let sets = try ParameterSets(paths: [path], replicates: nil, seed: nil)
        let d = try #require(sets.ranges.firstIndex { $0.key == "platforms.instagram.engagement.like" })
        var u = [Double](repeating: 0.5, count: sets.ranges.count)
        u[d] = 0.25   // uniform 0.01-0.03: 0.015
        let before = sets.loaded[0].platforms[0].engagement.like
        let after = try sets.scenario(0, at: u).platforms[0].engagement.like
        #expect(abs(PlausibleRanges.mean(after) - 0.015) < 1e-9)
        let factor = 0.015 / PlausibleRanges.mean(before)
        for f in PostFormat.allCases { #expect(abs(after[f] - before[f] * factor) < 1e-9 * max(1, after[f])) }
        // Comments and shares keep their default ranges: a third to three times their mean.
        let share = try #require(sets.ranges.first { $0.key == "platforms.instagram.engagement.share" })
        let m = PlausibleRanges.mean(sets.loaded[0].platforms[0].engagement.share)
        #expect(abs(share.low - m / 3) < 1e-12 && abs(share.high - 3 * m) < 1e-12 && share.distribution == .logUniform)
    }

    @Test(arguments: [
        ("platforms.instagram.feed.scroll_depth: fixed", "u.yaml:30:3", "not a parameter that can be uncertain"),
        ("platforms.tiktok.churn_per_week: fixed", "u.yaml:30:3", "has no platform 'tiktok'"),
        ("platforms.instagram.feed.discovery_per_post: fixed", "u.yaml:30:3", "ranked feed has no feed.discovery_per_post"),
        ("platforms.instagram.churn_per_week: {low: 0.01, high: 0.005}", "u.yaml:30:57", "must be above low"),
        ("platforms.instagram.churn_per_week: {low: 0, high: 0.5, distribution: log-uniform}", "u.yaml:30:73", "log-uniform needs low > 0"),
        ("platforms.instagram.churn_per_week: {low: 0, high: 2}", "u.yaml:30:54", "outside platforms.instagram.churn_per_week's valid range"),
        ("platforms.instagram.churn_per_week: always", "u.yaml:30:39", "expected 'fixed' or a mapping"),
    ])
    func badUncertainEntriesArePositioned(_ c: (String, String, String)) throws {
        let text = Self.presetScenario(posts: 1, extra: "uncertain:\n  " + c.0, open: false)
        #expect {
            try ScenarioLoader.parse(text, file: "u.yaml")
        } throws: { error in
            let message = "\(error)"
            return message.contains(c.1) && message.contains(c.2)
        }
    }

    // MARK: Robust comparison

    /// A closed audience of 2,000 people and an Instagram account: `posts` a week for 4 weeks.
    static func presetScenario(name: String = "base", posts: Double, extra: String = "", open: Bool) -> String {
        """
        name: \(name)
        horizon_weeks: 4
        replicates: 12
        seed: 42
        team: {people: 1, hours_per_week: 100}
        audience:
          size: 2000
        \(open ? "  country: fr" : "  outside: none")
          segments:
            - {name: fans, age: 25-34, share: 1, sessions_per_day: 5, uses: {instagram: 0.6}}
        platforms:
          instagram:
            followers: 400
            plan: {posts_per_week: {image: \(posts)}, posting_hours: [12]}
        \(String(repeating: "\n", count: 14))\(extra)
        """
    }

    static func write(_ text: String, _ name: String, in dir: URL) throws -> String {
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    static func options(_ dir: URL) -> SimulationOptions {
        var o = SimulationOptions(outputDirectory: dir.appendingPathComponent("out").path)
        o.threads = 2
        return o
    }

    /// Three times the posts gains reach whatever the parameters: every set is a win, and settled.
    @Test func aDecisionThatDoesNotDependOnTheParametersWinsEverySet() throws {
        let dir = TestScenarios.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let base = try Self.write(Self.presetScenario(posts: 1, open: false), "base.yaml", in: dir)
        let alt = try Self.write(Self.presetScenario(name: "more", posts: 3, open: false), "more.yaml", in: dir)
        let report = try RobustComparePipeline.run(scenarioPaths: [base, alt], sets: 8, options: Self.options(dir))
        let r = try #require(report.robustness.first)
        #expect(report.ranges.count >= 5)
        #expect(r.reach.winShare == 1 && r.reach.decidedShare == 1)
        #expect(r.catchment == nil)
        // robustness.csv: one row per set, with every parameter as a column.
        let rows = try CSVTable.rows(url: dir.appendingPathComponent("out/robustness.csv"),
                                     required: RobustComparePipeline.header + report.ranges.map(\.key))
        #expect(rows.count == 8)
        #expect(report.files.contains("robustness_summary.csv") && report.files.contains("uncertain_ranges.csv"))
        // `reachsim report` on the folder: the summary and a tornado of the drivers.
        let out = dir.appendingPathComponent("out")
        #expect(UncertaintyReport.isStudy(out))
        let page = try UncertaintyReport.render(directory: out)
        #expect(page.contains("The effect across 8 parameter sets") && page.contains("100%") && page.contains("<svg"))
        let french = ReportBriefTests.readBack(try UncertaintyReport.render(directory: out, language: .fr))
        #expect(french.contains("L'effet selon 8 jeux de paramètres") && french.contains("100\u{202F}%") && french.contains("Ce dont cela dépend"))
        #expect(ReportBriefTests.englishLeaks(french).isEmpty, "\(ReportBriefTests.englishLeaks(french))")
        // `reachsim export notebook`: the study's cells (executed with Jupyter by `make check-views`).
        let notebook = String(decoding: try NotebookExport.render(directory: out, notebookPath: dir.appendingPathComponent("r.ipynb")),
                              as: UTF8.self)
        #expect(notebook.contains("robustness_drivers.csv") && notebook.contains("Robust comparison over parameter sets"))
    }

    /// A parameter set's world reused from the first set's (`World.withParameters`) simulates
    /// exactly what a world built from its own scenario does, on an open audience (the culture
    /// share moves the outside); and the parameters did change the outcome.
    @Test func reusedWorldsGiveTheValuesOfBuiltOnes() throws {
        let dir = TestScenarios.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let base = try Self.write(Self.presetScenario(posts: 1, open: true), "base.yaml", in: dir)
        let alt = try Self.write(Self.presetScenario(name: "more", posts: 3, open: true), "more.yaml", in: dir)
        let prepared = try RobustComparePipeline.prepare(scenarioPaths: [base, alt], sets: 3, replicates: 3, seed: nil)
        #expect(prepared.ranges.contains { $0.key == "audience.outside.culture_share" })
        let first = try World.build(prepared.plan.scenarios[1])      // "more", set 1
        let third = prepared.plan.scenarios[5]                        // "more", set 3
        let reused = Simulation.run(first.withParameters(of: third), replicates: 3, threads: 2)
        let built = Simulation.run(try World.build(third), replicates: 3, threads: 2)
        // Bit for bit (NaN marks ratios without a denominator, and NaN ≠ NaN).
        func same(_ a: [Double], _ b: [Double]) -> Bool { a.count == b.count && zip(a, b).allSatisfy { $0.bitPattern == $1.bitPattern } }
        #expect(same(reused.values, built.values))
        #expect(!same(Simulation.run(first, replicates: 3, threads: 2).values, built.values))
    }

    /// Same scenarios, sets and seed: the same bytes with 1 thread or 2.
    @Test func filesDoNotDependOnThreads() throws {
        let dir = TestScenarios.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let base = try Self.write(Self.presetScenario(posts: 1, open: true), "base.yaml", in: dir)
        let alt = try Self.write(Self.presetScenario(name: "more", posts: 3, open: true), "more.yaml", in: dir)
        var bytes: [[Data]] = []
        for threads in [1, 2] {
            var o = Self.options(dir)
            o.threads = threads
            o.outputDirectory = dir.appendingPathComponent("out\(threads)").path
            let report = try RobustComparePipeline.run(scenarioPaths: [base, alt], sets: 4, options: o)
            #expect(report.robustness.first?.catchment != nil)   // open audience: the catchment columns are filled
            bytes.append(try ["robustness.csv", "robustness_summary.csv", "robustness_drivers.csv", "uncertain_ranges.csv"].map {
                try Data(contentsOf: URL(fileURLWithPath: o.outputDirectory).appendingPathComponent($0))
            })
        }
        #expect(bytes[0] == bytes[1])
    }

    /// Two platforms a and b alike but for b's reach, uncertain around a's (fixed): moving the
    /// posts from a to b gains when b's visibility is above a's, loses below. Every set whose
    /// effect is more than 4 Monte Carlo standard errors from 0 must have the parameter's sign,
    /// and about half of the sets win (the Latin hypercube puts exactly half above the middle;
    /// only sets within noise of it can go either way).
    @Test func aDecisionConstructedToFlipWinsAboutHalfTheSets() throws {
        func scenario(_ name: String, a: Double, b: Double) -> String {
            """
            name: \(name)
            horizon_weeks: 4
            replicates: 16
            seed: 7
            team: {people: 1, hours_per_week: 100}
            audience:
              size: 1500
              outside: none
              segments:
                - {name: fans, age: 25-34, share: 1, sessions_per_day: 5, uses: {a: 0.8, b: 0.8}}
            platforms:
              a:
                followers: 500
                feed: {model: ranked, base_visibility: 0.1, discovery_per_engagement: 0, hour_sensitivity: 0}
                engagement: {like: 0, comment: 0, share: 0, follow: 0}
                churn_per_week: 0
                plan: {posts_per_week: {image: \(a)}, posting_hours: [12]}
              b:
                followers: 500
                feed: {model: ranked, base_visibility: 0.1, discovery_per_engagement: 0, hour_sensitivity: 0}
                engagement: {like: 0, comment: 0, share: 0, follow: 0}
                churn_per_week: 0
                plan: {posts_per_week: {image: \(b)}, posting_hours: [12]}
            uncertain:
              platforms.a.feed.size_exponent: fixed
              platforms.b.feed.size_exponent: fixed
              platforms.a.feed.base_visibility: fixed
              platforms.b.feed.base_visibility: {low: 0.05, high: 0.15}
            """
        }
        let dir = TestScenarios.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let base = try Self.write(scenario("on-a", a: 2, b: 0), "a.yaml", in: dir)
        let alt = try Self.write(scenario("on-b", a: 0, b: 2), "b.yaml", in: dir)
        let n = 16
        let report = try RobustComparePipeline.run(scenarioPaths: [base, alt], sets: n, options: Self.options(dir))
        let key = "platforms.b.feed.base_visibility"
        let d = try #require(report.ranges.firstIndex { $0.key == key })
        #expect(report.ranges.map(\.key) == [key])   // everything else fixed, or 0 (not uncertain)
        var wins = 0
        for o in report.outcomes {
            let c = o.verdict.cumulativeReach
            let se = (c.diffHigh - c.diffLow) / 2 / 1.6448536269514722
            let v = report.sets[o.set - 1].values[d]
            if abs(c.diffMean) > 4 * se { #expect((c.diffMean > 0) == (v > 0.1), "set \(o.set): b at \(v), effect \(c.diffMean) ± \(se)") }
            if c.diffMean > 0 { wins += 1 }
        }
        // Half the strata lie above 0.1; the set straddling 0.1 and those within 4 SE of 0 may go
        // either way, and they are few: 5 to 11 wins of 16.
        #expect((5...11).contains(wins), "\(wins) wins of \(n)")
        let share = try #require(report.robustness.first?.reach.winShare)
        #expect(share == Double(wins) / Double(n))
        // The driver is the parameter, positively.
        let driver = try #require(report.robustness.first?.reach.drivers.first)
        #expect(driver.key == key && driver.rho > 0.8)
    }
}
