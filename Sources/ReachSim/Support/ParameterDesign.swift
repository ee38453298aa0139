/// Designs of points in the unit cube [0, 1)^d: the quantiles at which uncertain parameters are
/// drawn (`ParameterRange.value(at:)`), one row per parameter set.
public enum ParameterDesign {
    /// A Latin hypercube of `points` rows and `dimensions` columns: in every column each of the
    /// `points` equal strata [k/n, (k+1)/n) holds exactly one row, at a uniform position inside it,
    /// and the strata are paired across columns by independent random permutations. Every
    /// parameter's range is covered evenly whatever the number of sets, which a plain random
    /// sample does not do at 16 or 32 sets. Draws come from `rng` only (reproducible by its seed).
    public static func latinHypercube(points n: Int, dimensions d: Int, rng: RandomStream) -> [[Double]] {
        precondition(n >= 1 && d >= 0)
        var rows = [[Double]](repeating: [Double](repeating: 0, count: d), count: n)
        for j in 0..<d {
            var strata = Array(0..<n)
            for i in stride(from: n - 1, to: 0, by: -1) { strata.swapAt(i, rng.below(i + 1)) }   // Fisher-Yates
            for i in 0..<n { rows[i][j] = (Double(strata[i]) + rng.uniform()) / Double(n) }
        }
        return rows
    }
}
