import Foundation
import Testing
@testable import ReachSim

/// `CountryProfile`: every preset platform has a sourced entry in every country, numbers lie in
/// their ranges, and the presets' own use by age is the United States'.
@Suite struct CountryProfileTests {
    @Test func franceIsTheDefaultAndTheUnitedStatesIsKnown() throws {
        #expect(CountryProfile.default.code == "fr")
        #expect(CountryProfile.all.map(\.code) == ["fr", "us"])
        #expect(CountryProfile.named("us")?.name == "United States")
        #expect(CountryProfile.named("FR") == nil && CountryProfile.named("de") == nil)
    }

    @Test(arguments: ["fr", "us"])
    func everyPresetHasSourcedFiguresInRange(_ code: String) throws {
        let c = try #require(CountryProfile.named(code))
        #expect(Set(c.platforms.keys) == Set(PlatformPreset.all.map(\.name)))
        #expect(c.internetUsers13plus > 0)
        #expect((0...1).contains(c.cultureShare))
        #expect((0...10).contains(c.outsideAffinity) && (0.01...100).contains(c.outsideSessionsPerDay))
        for key in ["internet_users", "culture_share", "outside.affinity", "outside.sessions_per_day"] {
            #expect(c.sources[key]?.isEmpty == false, "\(code) \(key) has no source")
        }
        for preset in PlatformPreset.all {
            let p = try #require(c.platform(preset.name))
            #expect(p.users >= 0 && p.users <= c.internetUsers13plus, "\(code) \(preset.name) users \(p.users)")
            #expect(Set(p.useByAge.keys) == Set(AgeBand.allCases))
            #expect(p.useByAge.values.allSatisfy { (0...1).contains($0) })
            #expect(!p.usersSource.isEmpty && !p.useSource.isEmpty)
            // Unsourced numbers say they are assumptions and give a range.
            if p.usersSource.hasPrefix("assumption") { #expect(p.usersSource.contains("range"), "\(code) \(preset.name)") }
        }
        if let s = c.sources["internet_users"], s.contains("assumption") { #expect(s.contains("range")) }
        #expect(c.source(of: "outside.affinity").contains("range 0.1-0.5"))
    }

    /// French figures from ../shared/CALIBRATION.md.
    @Test func frenchFiguresComeFromTheCalibrationFacts() throws {
        let fr = CountryProfile.france
        #expect(fr.platform("tiktok")?.users == 21_400_000)
        #expect(fr.platform("tiktok")?.usersSource.contains("DSA") == true)
        #expect(fr.platform("x")?.users == 15_000_000)
        #expect(fr.platform("linkedin")?.users == 11_500_000)
        #expect(fr.platform("snapchat")?.useByAge[.age18to24] == 0.81)
        #expect(fr.platform("instagram")?.useByAge[.age18to24] == 0.76)
        #expect(fr.platform("linkedin")?.useByAge[.age13to17] == 0)
        #expect(fr.cultureShare == 0.40 && fr.source(of: "culture_share").contains("Ministère de la Culture"))
    }

    /// Derived totals match the derivation their source states (within rounding).
    @Test func derivedUsersFollowTheirStatedFormula() throws {
        let fr = CountryProfile.france
        for (name, share) in [("snapchat", 0.432), ("pinterest", 0.281)] {
            let users = try #require(fr.platform(name)?.users)
            #expect(abs(users - share * fr.internetUsers13plus) / users < 0.01, "\(name)")
        }
        // United States: Pew's share of adults × 262M + the 13-17 use × 21M teenagers.
        let us = CountryProfile.unitedStates
        for (name, adults) in [("facebook", 0.71), ("instagram", 0.50), ("x", 0.21), ("threads", 0.08),
                               ("bluesky", 0.04), ("tiktok", 0.37), ("youtube", 0.84)] {
            let p = try #require(us.platform(name))
            let expected = adults * 262e6 + p.useByAge[.age13to17]! * 21e6
            #expect(abs(p.users - expected) / expected < 0.01, "\(name): \(p.users) vs \(expected)")
        }
    }

    /// The presets' use by age moved to `CountryProfile.unitedStates`, with the same numbers and
    /// sources (Pew), and is the presets' fallback.
    @Test func presetsUseTheUnitedStatesTable() throws {
        for preset in PlatformPreset.all {
            let us = try #require(CountryProfile.unitedStates.platform(preset.name))
            #expect(preset.useByAge == us.useByAge, "\(preset.name)")
        }
        #expect(CountryProfile.unitedStates.platform("facebook")?.useSource == "71% of US adults (Pew 2025); split by age band: assumption")
        #expect(CountryProfile.unitedStates.platform("youtube")?.useByAge[.age18to24] == 0.93)
        #expect(CountryProfile.unitedStates.cultureShare == 0.237)
    }

    /// `reachsim presets show NAME --country CODE` shows that country's use by age and users.
    @Test func showTakesTheCountry() throws {
        let tiktok = try #require(PlatformPreset.named("tiktok"))
        let fr = PresetParameters.show(tiktok)
        #expect(fr.contains("13-17 0.65, 18-24 0.6, 25-34 0.4, 35-54 0.25, 55+ 0.08"))
        #expect(fr.contains("21,400,000") && fr.contains("France"))
        let us = PresetParameters.show(tiktok, country: .unitedStates)
        #expect(us.contains("13-17 0.63, 18-24 0.62, 25-34 0.45, 35-54 0.33, 55+ 0.1"))
        #expect(us.contains("Pew 2023"))
        let markdown = PresetParameters.markdown()
        #expect(markdown.contains("## Countries") && markdown.contains("| `use_by_age` (fr) |") && markdown.contains("| `use_by_age` (us) |"))
    }

    @Test func showCommandTakesACountryOption() throws {
        let us = try CommandRunner.run(["presets", "show", "instagram", "--country", "us"])
        #expect(us.status == 0)
        #expect(us.stdout.contains("13-17 0.59, 18-24 0.78"))
        let bad = try CommandRunner.run(["presets", "show", "instagram", "--country", "fx"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("Unknown country 'fx'") && bad.stderr.contains("fr, us"))
        let list = try CommandRunner.run(["presets", "countries"])
        #expect(list.status == 0 && list.stdout.contains("fr  France") && list.stdout.contains("(default)"))
    }
}
