import ArgumentParser
import ReachSim

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of the scenario format (for editors and CI).",
        discussion: """
            The same text as docs/scenario.schema.json. Editors that read JSON Schema (VS Code's YAML \
            extension) complete keys and mark errors in a scenario whose first line is
            # yaml-language-server: $schema=PATH/TO/scenario.schema.json
            """)

    func run() {
        print(ScenarioSchema.jsonText(), terminator: "")
    }
}
