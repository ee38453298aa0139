import ArgumentParser
import Foundation
import ReachSim

struct PresetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "presets",
        abstract: "List the platform presets and show their parameters with units, ranges and sources.",
        subcommands: [List.self, Show.self, Countries.self, Markdown.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One line per preset: name, feed model, ad market.")
        func run() { print(PresetParameters.list()) }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every parameter of one preset with its unit, range and source.")

        @Argument(help: "Preset name (see `reachsim presets list`).")
        var name: String

        @Option(help: "Country whose platform use by age and users to show (see `reachsim presets countries`).")
        var country: String = CountryProfile.default.code

        func validate() throws {
            if PlatformPreset.named(name) == nil {
                let names = PlatformPreset.all.map(\.name)
                let hint = nearest(name, among: names).map { "Did you mean '\($0)'? " } ?? ""
                throw ValidationError("Unknown preset '\(name)'. \(hint)Presets: \(names.joined(separator: ", ")).")
            }
            if CountryProfile.named(country) == nil {
                let codes = CountryProfile.all.map(\.code)
                let hint = nearest(country, among: codes).map { "Did you mean '\($0)'? " } ?? ""
                throw ValidationError("Unknown country '\(country)'. \(hint)Countries: \(codes.joined(separator: ", ")).")
            }
        }

        func run() { print(PresetParameters.show(PlatformPreset.named(name)!, country: CountryProfile.named(country)!)) }
    }

    struct Countries: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "One line per country (`audience.country`); figures and sources in docs/presets.md, Countries.")
        func run() { print(PresetParameters.countries()) }
    }

    struct Markdown: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print docs/presets.md (`swift run reachsim presets markdown > docs/presets.md`).")
        func run() { print(PresetParameters.markdown(), terminator: "") }
    }
}
