import Foundation
import Testing
@testable import ReachSim

@Suite struct PresetsTests {
    static let names = ["facebook", "instagram", "x", "threads", "linkedin", "mastodon", "bluesky",
                        "tiktok", "youtube", "twitch", "snapchat", "pinterest"]

    @Test func twelvePresetsOnFourFeedModels() {
        #expect(PlatformPreset.all.map(\.name) == Self.names)
        #expect(Set(PlatformPreset.all.map(\.feed.kind)) == Set(FeedKind.allCases))
        #expect(PlatformPreset.named("tiktok")?.feed.kind == .interest)
        #expect(PlatformPreset.named("twitch")?.feed.kind == .live)
        #expect(PlatformPreset.named("mastodon")?.feed.kind == .chronological)
    }

    /// docs/presets.md is generated from the same definitions as `reachsim presets show`.
    @Test func presetsDocumentIsUpToDate() throws {
        let path = TestScenarios.packageRoot.appendingPathComponent("docs/presets.md")
        let committed = (try? String(contentsOf: path, encoding: .utf8)) ?? ""
        #expect(committed == PresetParameters.markdown(),
                "docs/presets.md is stale: regenerate it with `swift run reachsim presets markdown > docs/presets.md`")
    }

    @Test(arguments: names)
    func everyParameterHasAUnitARangeAndASource(_ name: String) throws {
        let preset = try #require(PlatformPreset.named(name))
        let params = PresetParameters.parameters(of: preset)
        #expect(params.count >= 15)
        for p in params {
            #expect(!p.definition.unit.isEmpty)
            #expect(!p.source.isEmpty)
            // Numbers lie within the range the loader enforces.
            if let x = Double(p.value.replacingOccurrences(of: ",", with: "")) {
                #expect(p.definition.range.contains(x), "\(name) \(p.key) = \(x)")
            }
        }
        #expect(preset.source(of: "feed.base_visibility.nothing") == preset.source(of: "feed.base_visibility"))
    }

    @Test func adMarkets() throws {
        for name in ["mastodon", "bluesky", "twitch"] { #expect(PlatformPreset.named(name)?.adMarket == nil) }
        for preset in PlatformPreset.all {
            guard let ad = preset.adMarket else { continue }
            #expect(ad.cpmLow > 0 && ad.cpmLow <= ad.cpmHigh)
            #expect(ad.frequencyCapPerWeek >= 1 && ad.minimumDailyBudget >= 0)
        }
        #expect(PlatformPreset.named("facebook")?.adMarket?.frequencyCapPerWeek == 1)
        #expect(abs((PlatformPreset.named("tiktok")?.adMarket?.minimumDailyBudget ?? 0) - 18.4) < 1e-9)
    }

    @Test func productionHoursOfATikTokVideo() {
        #expect(PlatformPreset.named("tiktok")?.productionHours[.shortVideo] == 1.5)
        #expect(PlatformPreset.named("twitch")!.productionHours[.live] > 8)
    }

    static let yaml = """
        name: preset-override
        horizon_weeks: 1
        team: {hours_per_week: 20}
        audience:
          size: 5000
          segments:
            - {name: everyone, age: 18-24, share: 1, uses: {tiktok: 1, instagram: 1, facebook: 1, pod: 0.2, stream: 0.3}}
        platforms:
          tiktok:
            followers: 300
            feed: {first_batch: 250, engagement_threshold: 0.03}
            plan: {posts_per_week: {short_video: 1}}
          instagram:
            followers: 200
            feed: {reels: {first_batch: 120}}
            plan: {posts_per_week: {short_video: 1}}
          facebook:
            followers: 200
            feed: {reels: {max_batches: 0}}
            plan: {posts_per_week: {short_video: 1}}
          pod:
            followers: 100
            feed: {model: chronological, session_regularity: 0.5}
            plan: {posts_per_week: {image: 1}}
          stream:
            followers: 100
            feed: {model: live, tune_in: 0.5}
            plan: {posts_per_week: {live: 1}}
        """

    /// Any preset field can be overridden; custom platforms on any of the four models.
    @Test func overridesAndCustomPlatforms() throws {
        let s = try ScenarioLoader.parse(Self.yaml, file: "s.yaml")
        guard case .interest(let i) = s.platforms[0].feed else { Issue.record("tiktok is not interest"); return }
        #expect(i.firstBatch == 250 && i.engagementThreshold == 0.03 && i.batchGrowth == 4)
        guard case .ranked(let ig) = s.platforms[1].feed, case .ranked(let fb) = s.platforms[2].feed else {
            Issue.record("instagram, facebook"); return
        }
        #expect(ig.reels?.firstBatch == 120 && ig.reels?.maxBatches == 4)
        #expect(fb.reels == nil)
        guard case .chronological(let c) = s.platforms[3].feed else { Issue.record("pod"); return }
        #expect(c.sessionRegularity == 0.5)
        guard case .live(let l) = s.platforms[4].feed else { Issue.record("stream"); return }
        #expect(l.tuneIn == 0.5 && l.durationHours == 2)
        let world = try World.build(s)
        let result = Simulation.run(world, replicates: 2, threads: 1)
        #expect(result.values.contains { $0 > 0 })
    }

    /// The loader's ranges come from the parameter definitions.
    @Test func rangesComeFromTheDefinitions() {
        let bad = Self.yaml.replacingOccurrences(of: "first_batch: 250", with: "first_batch: 0")
        #expect {
            try ScenarioLoader.parse(bad, file: "s.yaml")
        } throws: { error in
            let text = "\(error)"
            return text.contains("platforms.tiktok.feed.first_batch") && text.contains("0 is out of range")
                && text.contains(PresetParameters.definition("feed.first_batch").unit)
        }
    }
}
