import Foundation
import Testing
@testable import ReachSim

/// `--engine` through the library: the engine a run resolves is the one its manifest records,
/// beside what was asked; a run's bytes do not depend on its threads whatever the engine; and
/// `auto` keeps the reference sampler where the grouped one is not validated.
@Suite struct EngineChoiceTests {
    /// The repro scenario (6,000 people, 4 weeks) with 2 replicates.
    static func repro() throws -> Scenario {
        var s = try ScenarioLoader.parse(ReproducibilityTests.scenarioText, file: "repro.yaml")
        s.replicates = 2
        return s
    }

    @Test(arguments: [(EngineChoice.exact, EngineKind.exact), (.grouped, .grouped), (.auto, .exact)])
    func theManifestRecordsTheEngineAndTheRequest(_ choice: EngineChoice, _ used: EngineKind) throws {
        let w = ShardMergeTests.Workspace()
        let scenario = try w.file("repro.yaml", ReproducibilityTests.scenarioText)
        let out = w.path("out")
        _ = try RunPipeline.run(scenarioPath: scenario, options: SimulationOptions(
            replicates: 2, threads: 2, outputDirectory: out, command: ["reachsim"], engine: choice))
        let json = try JSONSerialization.jsonObject(with: Data(w.bytes(out, "manifest.json"))) as? [String: Any]
        #expect(json?["engine"] as? String == used.rawValue)
        #expect(json?["engine_requested"] as? String == choice.rawValue)
        let manifest = try Manifest.decode(try w.bytes(out, "manifest.json"))
        #expect(manifest.engine == used && manifest.engineRequested == choice)
    }

    /// Replicate r draws from its own streams whichever engine samples it, so the values are the
    /// same bytes on one thread or two (meaningful once the grouped engine is its own sampler).
    @Test(arguments: [EngineKind.grouped, .exact])
    func threadsDoNotChangeTheBytes(_ engine: EngineKind) throws {
        let world = try World.build(try Self.repro())
        let one = Simulation.run(world, replicates: 3, threads: 1, engine: engine)
        let two = Simulation.run(world, replicates: 3, threads: 2, engine: engine)
        #expect(one.values.map(\.bitPattern) == two.values.map(\.bitPattern))
    }

    /// `auto` takes the grouped engine from a million agents in a world it can count, the exact
    /// one below (the 6,000-person repro world) or when a platform has too many accounts.
    @Test func autoTakesTheGroupedEngineFromAMillionAgents() throws {
        #expect(try EngineChoice.auto.resolve(for: World.build(Self.repro())) == .exact)
        #expect(!GroupedEngine.prefers(agentCount: 999_999, countable: true))
        #expect(GroupedEngine.prefers(agentCount: 1_000_000, countable: true))
        #expect(!GroupedEngine.prefers(agentCount: 12_000_000, countable: false))
    }

    /// `exact` and `grouped` are taken as asked, without building a world.
    @Test func explicitChoicesNeedNoWorld() throws {
        let plan = try RunPipeline.prepare(scenarioPath: TestScenarios.packageRoot
            .appendingPathComponent("scenarios/museum-baseline.yaml").path, replicates: 1, seed: nil).plan
        for (choice, kind) in [(EngineChoice.exact, EngineKind.exact), (.grouped, .grouped)] {
            let resolved = try PlanRunner.engine(for: plan, choice: choice)
            #expect(resolved.engine == kind && resolved.world == nil)
        }
        #expect(SimulationOptions(outputDirectory: "out").engine == .auto)
    }
}
