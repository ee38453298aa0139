import ArgumentParser
import Foundation
import ReachSim

struct PresetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "presets",
        abstract: "List the platform presets and show their parameters with units, ranges and sources.",
        subcommands: [List.self, Show.self, Markdown.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One line per preset: name, feed model, ad market.")
        func run() { print(PresetParameters.list()) }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every parameter of one preset with its unit, range and source.")

        @Argument(help: "Preset name (see `reachsim presets list`).")
        var name: String

        func validate() throws {
            if PlatformPreset.named(name) == nil {
                let names = PlatformPreset.all.map(\.name)
                let hint = nearestPreset(name, among: names).map { "Did you mean '\($0)'? " } ?? ""
                throw ValidationError("Unknown preset '\(name)'. \(hint)Presets: \(names.joined(separator: ", ")).")
            }
        }

        func run() { print(PresetParameters.show(PlatformPreset.named(name)!)) }
    }

    struct Markdown: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print docs/presets.md (`swift run reachsim presets markdown > docs/presets.md`).")
        func run() { print(PresetParameters.markdown(), terminator: "") }
    }
}

/// The closest name by edit distance, if it is close enough to be a typo.
func nearestPreset(_ word: String, among names: [String]) -> String? {
    func distance(_ a: [Character], _ b: [Character]) -> Int {
        var row = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var prev = row[0]
            row[0] = i + 1
            for (j, y) in b.enumerated() {
                let cur = row[j + 1]
                row[j + 1] = min(row[j + 1] + 1, row[j] + 1, prev + (x == y ? 0 : 1))
                prev = cur
            }
        }
        return row[b.count]
    }
    let best = names.map { ($0, distance(Array(word.lowercased()), Array($0))) }.min { $0.1 < $1.1 }
    return best.flatMap { $0.1 <= max(1, $0.0.count / 3) ? $0.0 : nil }
}
