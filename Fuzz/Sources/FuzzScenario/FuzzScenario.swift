import FuzzSupport
import ReachSim

/// Any bytes given to the scenario loader must give a scenario or a `ScenarioError`: never a
/// crash, a trap or a hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        let scenario = try ScenarioLoader.parse(text, file: "fuzz.yaml")
        precondition(scenario.horizonWeeks >= 1 && !scenario.platforms.isEmpty)
    } catch is ScenarioError {
    } catch {
        fatalError("unexpected error type: \(error)")
    }
    return 0
}

/// SwiftPM's entry point for this executable: hand over to libFuzzer.
@_cdecl("FuzzScenario_main")
public func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { fuzz($0, $1) }
}
