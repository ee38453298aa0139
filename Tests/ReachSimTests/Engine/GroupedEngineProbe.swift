import Foundation
import Testing
@testable import ReachSim

@Suite struct GroupedEngineProbe {
    @Test func probe() throws {
        guard let file = ProcessInfo.processInfo.environment["PROBE_SCENARIO"] else { return }
        let reps = Int(ProcessInfo.processInfo.environment["PROBE_REPS"] ?? "20")!
        var s = try ScenarioLoader.load(path: file)
        s.replicates = reps
        let world = try World.build(s)
        if ProcessInfo.processInfo.environment["PROBE_USES"] != nil {
            let aud = GroupedAudience(world: world)!
            let x = s.platforms.firstIndex { $0.name == "x" }!, d = s.platforms.firstIndex { $0.name == "mastodon" }!
            let fol = world.accounts[world.accountIndex[x][0]].initialFollowers
            var real = 0.0, expected = 0.0
            for v in fol {
                if world.audience.platformMask[Int(v)] & (1 << UInt32(d)) != 0 { real += 1 }
                let c = Int(world.audience.classOf[Int(v)])
                expected += aud.alsoUses[aud.group(x, c, 1) * aud.platforms + d]
            }
            print("uses real \(real) expected \(expected) of \(fol.count)")
        }
        let t0 = Date()
        let exact = Simulation.run(world, replicates: reps, threads: 1, engine: .exact)
        let t1 = Date()
        let grouped = Simulation.run(world, replicates: reps, threads: 1, engine: .grouped)
        let t2 = Date()
        print("times exact \(t1.timeIntervalSince(t0)) grouped \(t2.timeIntervalSince(t1))")
        let L = world.layout
        let W = L.weeks
        if let pname = ProcessInfo.processInfo.environment["PROBE_WEEKLY"] {
            let p = s.platforms.firstIndex { $0.name == pname }!
            for w in 0..<W {
                func m(_ r: Simulation.Result, _ metric: Metric) -> Double { (0..<reps).map { r.value(replicate: $0, week: w, platform: p, segment: L.segments, metric: metric) }.reduce(0, +) / Double(reps) }
                print(w, m(exact, .followersGained), m(grouped, .followersGained), m(exact, .impressionsOrganic), m(grouped, .impressionsOrganic), m(exact, .followers), m(grouped, .followers))
            }
        }
        for metric in [Metric.reachCumulative, .reach, .impressionsOrganic, .impressionsShares, .impressionsDiscovery, .impressionsPaid, .likes, .shares, .followers, .followersUnique, .followersGained, .followersLost, .spend] {
            for p in 0...L.platforms {
                let S = L.segments
                func stat(_ r: Simulation.Result) -> (Double, Double) {
                    var xs: [Double] = []
                    for i in 0..<reps {
                        var x = 0.0
                        if metric == .reachCumulative || metric == .followers || metric == .followersUnique {
                            x = r.value(replicate: i, week: W - 1, platform: p, segment: S, metric: metric)
                        } else {
                            for w in 0..<W { x += r.value(replicate: i, week: w, platform: p, segment: S, metric: metric) }
                        }
                        xs.append(x)
                    }
                    let m = xs.reduce(0, +) / Double(reps)
                    let v = xs.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(max(1, reps - 1))
                    return (m, (v / Double(reps)).squareRoot())
                }
                let (me, se) = stat(exact), (mg, sg) = stat(grouped)
                if me == 0 && mg == 0 { continue }
                let z = (mg - me) / max(1e-9, (se * se + sg * sg).squareRoot())
                let name = p == L.platforms ? "all" : s.platforms[p].name
                let flag = abs(mg - me) <= max(0.01 * abs(me), 3 * (se * se + sg * sg).squareRoot()) ? "" : "  <-- MISS"
                print(String(format: "%-22@ %-10@ exact %14.1f grouped %14.1f  rel %+7.2f%%  z %+6.1f%@", "\(metric)" as NSString, name as NSString, me, mg, 100 * (mg - me) / max(1, abs(me)), z, flag as NSString))
            }
        }
    }
}
