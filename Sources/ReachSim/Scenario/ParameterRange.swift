import CGSL
import Foundation

/// A parameter whose value the evidence leaves open, with its plausible range and how a design
/// draws it (`reachsim compare --uncertainty`). The presets give defaults (`PlausibleRanges`); a
/// scenario's `uncertain:` block narrows, widens or fixes them; a fit's 90% intervals replace them
/// for what it estimated (`fitted.yaml`).
public struct ParameterRange: Sendable, Equatable {
    /// How a value is drawn from the range, given a quantile u in (0, 1).
    public enum Distribution: String, Sendable, CaseIterable {
        /// Every value of [low, high] alike.
        case uniform
        /// Every factor alike: ln(value) uniform on [ln low, ln high] (low > 0). For rates and
        /// multipliers known to an order of magnitude.
        case logUniform = "log-uniform"
        /// Beta(α, β) stretched over [low, high]: a most likely region inside the range.
        case beta
    }

    /// The scenario path it sets: `platforms.x.feed.discovery_per_engagement`,
    /// `audience.outside.culture_share`.
    public var key: String
    /// Bounds in the parameter's unit, low < high, inside the parameter's valid range.
    public var low: Double
    public var high: Double
    public var distribution: Distribution
    /// Beta's shapes α, β > 0 (used by `.beta` only).
    public var alpha: Double
    public var beta: Double
    /// Where the range comes from ("assumption: ..." when nothing published gives it).
    public var source: String

    public init(key: String, low: Double, high: Double, distribution: Distribution = .uniform,
                alpha: Double = 2, beta: Double = 2, source: String) {
        self.key = key
        self.low = low
        self.high = high
        self.distribution = distribution
        self.alpha = alpha
        self.beta = beta
        self.source = source
    }

    /// The value at quantile `u` of the distribution, u in [0, 1].
    public func value(at u: Double) -> Double {
        let u = min(1, max(0, u))
        switch distribution {
        case .uniform: return low + u * (high - low)
        case .logUniform: return exp(log(low) + u * (log(high) - log(low)))
        case .beta: return low + (high - low) * gsl_cdf_beta_Pinv(u, alpha, beta)
        }
    }

    /// `log-uniform 114-2,280` or `beta(2, 5) 0.1-0.4`.
    public var description: String {
        let bounds = "\(PresetParameters.number(low))-\(PresetParameters.number(high))"
        switch distribution {
        case .beta: return "beta(\(PresetParameters.number(alpha)), \(PresetParameters.number(beta))) \(bounds)"
        default: return "\(distribution.rawValue) \(bounds)"
        }
    }
}

/// One entry of a scenario's `uncertain:` block: a range for a key, or the key held at its value.
public struct UncertainSetting: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case range(ParameterRange)
        /// `fixed`: the key keeps the scenario's value in every parameter set.
        case fixed
    }
    public var key: String
    public var kind: Kind

    public init(key: String, kind: Kind) {
        self.key = key
        self.kind = kind
    }
}
