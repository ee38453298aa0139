import ArgumentParser
import Foundation
import ReachSim

/// `reachsim init`: a commented scenario from a few answers. With flags, no question is asked
/// (scriptable); without flags, the questions are asked on a terminal; with neither, the complete
/// template with the defaults is written, and the command says so.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented scenario file from a few answers, flags or imported analytics.",
        discussion: """
            With flags, nothing is asked. Without flags on a terminal, it asks: the institution, its \
            country and audience, the team's hours, the platforms with their followers, posts per week, \
            a budget. Otherwise it writes the complete template with the defaults (a mid-size museum). \
            --history DIR (a `reachsim import` folder) fills followers, cadence, formats and posting \
            hours from the institution's own exports.

            Example: reachsim init -o museum.yaml --name "Musée de la Ville" --hours 8 \\
              --platform instagram=15000 --platform tiktok=0 --plan tiktok=short_video:2 --budget instagram=100
            """)

    @Option(name: [.short, .customLong("out")], help: "The scenario file to write.")
    var out: String = "scenario.yaml"

    @Flag(help: "Overwrite the file if it exists.")
    var force = false

    @Option(help: "The institution's name (the scenario's name is derived from it).")
    var name: String?

    @Option(help: "museum, theatre, library or cultural-centre.")
    var type: String?

    @Option(help: "Country of the audience: fr or us.")
    var country: String?

    @Option(help: "People the institution could plausibly reach (its city and region, visitors).")
    var audience: Int?

    @Option(help: "People in the team who post.")
    var people: Int?

    @Option(help: "Team hours a week for social media.")
    var hours: Double?

    @Option(name: .customLong("platform"), help: ArgumentHelp("A platform and its followers (repeat): PLATFORM=N or PLATFORM/ACCOUNT=N.",
                                                               valueName: "platform=followers"))
    var platforms: [String] = []

    @Option(name: .customLong("plan"), help: ArgumentHelp("Posts per week by format (repeat): PLATFORM[/ACCOUNT]=FORMAT:N,...",
                                                           valueName: "platform=format:n,..."))
    var plans: [String] = []

    @Option(name: .customLong("budget"), help: ArgumentHelp("Paid boost in euros a month (repeat): PLATFORM=EUROS.",
                                                             valueName: "platform=euros"))
    var budgets: [String] = []

    @Option(help: "A `reachsim import` folder: followers, cadence, formats and posting hours from the history.")
    var history: String?

    @Option(help: "Time zone of the history's posting hours: an IANA name or UTC.")
    var timezone: String = PostingClock.defaultIdentifier

    var anyAnswerFlag: Bool {
        name != nil || type != nil || country != nil || audience != nil || people != nil || hours != nil
            || !platforms.isEmpty || !plans.isEmpty || !budgets.isEmpty || history != nil
    }

    func run() throws {
        if FileManager.default.fileExists(atPath: out) && !force {
            throw ValidationError("\(out) exists; choose another file with -o, or overwrite it with --force")
        }
        var template = ScenarioTemplate()
        var said: String
        do {
            if anyAnswerFlag {
                try apply(&template)
                said = "from the options given"
            } else if isatty(STDIN_FILENO) != 0 {
                InitInterview.ask(&template, read: { readLine() }, write: { FileHandle.standardOutput.write(Data($0.utf8)) })
                said = "from your answers"
            } else {
                said = "the complete template with its defaults (a mid-size museum): no options given and no terminal to ask on;"
                    + " edit it, or pass options (reachsim init --help)"
            }
        } catch let e as InitInterview.AnswerError {
            throw ValidationError(e.description)
        }
        let text = template.yaml()
        do {
            // What is written must load: a template that does not is a bug, not a file to leave behind.
            _ = try ScenarioLoader.parse(text, file: out)
            try OutputTransaction.writeFile(Array(text.utf8), to: out)
        } catch { throw fail(error) }
        FileHandle.standardError.write(Data("Wrote \(out): \(said). Check it with `reachsim validate \(out)`.\n".utf8))
    }

    func apply(_ template: inout ScenarioTemplate) throws {
        if let history {
            let observed: ObservedHistory
            do { observed = try ObservedHistory.read(directory: history) } catch { throw fail(error) }
            let clock: PostingClock
            do { clock = try PostingClock(timeZone: timezone) } catch { throw ValidationError("\(error)") }
            let found = HistoryProfile.platforms(observed, clock: clock)
            guard !found.isEmpty else { throw ValidationError("\(history): the history has no dated post to read a cadence from") }
            template.platforms = found
            template.notes.append("Followers, cadence, formats and posting hours (\(timezone)) read from \(history).")
        }
        if let name {
            template.institution = name
            template.name = InitInterview.slug(name)
        }
        if let type {
            guard let t = ScenarioTemplate.InstitutionType(rawValue: type) else {
                throw ValidationError("--type \(type): expected one of "
                                      + ScenarioTemplate.InstitutionType.allCases.map(\.rawValue).joined(separator: ", "))
            }
            template.type = t
        }
        if let country {
            guard CountryProfile.named(country) != nil else {
                throw ValidationError("--country \(country): expected one of " + CountryProfile.all.map(\.code).joined(separator: ", "))
            }
            template.country = country
        }
        if let audience {
            guard audience >= 100 else { throw ValidationError("--audience \(audience): expected 100 people or more") }
            template.audienceSize = audience
        }
        if let people {
            guard people >= 1 else { throw ValidationError("--people \(people): expected 1 or more") }
            template.people = people
        }
        if let hours {
            guard hours >= 0 && hours <= 10_000 else { throw ValidationError("--hours \(hours): expected hours in 0...10000") }
            template.hoursPerWeek = hours
        }
        if !platforms.isEmpty {
            try InitInterview.setFollowers(try platforms.map(InitInterview.followers), in: &template)
        }
        for p in plans { try InitInterview.setPlan(try InitInterview.plan(p), in: &template) }
        for b in budgets { try InitInterview.setBudget(try InitInterview.budget(b), in: &template) }
    }
}
