public import ERSModel

/// The verdict of a release's analysis gate on the new and the stable version's figures (a pure
/// function, the same for every step):
///
/// - fewer than `minimumRequests` to the new version: ``Outcome-swift.enum/insufficient(_:)``;
/// - a limit exceeded: ``Outcome-swift.enum/breach(_:)`` (the release aborts);
/// - else ``Outcome-swift.enum/pass``.
///
/// Comparisons with the stable version are judged only while it has `minimumRequests` too
/// (none after a blue-green switch). A p99 ratio never breaches on a difference under
/// ``ratioFloorSeconds`` (nginx times upstreams in whole milliseconds, so a 1 ms stable p99
/// would make 2 ms look like twice as slow).
public struct GateJudgement: Sendable, Hashable {
    /// The verdict.
    public enum Outcome: Sendable, Hashable {
        /// Every limit holds over enough requests.
        case pass
        /// Not enough requests to judge yet; says how many there are.
        case insufficient(String)
        /// A limit is exceeded; says which, by how much, over how many requests.
        case breach(String)
    }

    /// The smallest p99 difference a ratio limit acts on: 10 ms.
    public static let ratioFloorSeconds = 0.010

    /// The verdict.
    public var outcome: Outcome
    /// The new version's figures.
    public var new: UpstreamFigures
    /// The stable version's figures.
    public var stable: UpstreamFigures

    /// Judges `new` against `analysis`, comparing with `stable`.
    public init(analysis: RolloutAnalysis, new: UpstreamFigures, stable: UpstreamFigures) {
        self.new = new
        self.stable = stable
        let minimum = analysis.effectiveMinimumRequests
        guard new.requests >= minimum else {
            outcome = .insufficient("\(new.requests) of \(minimum) requests to the new version")
            return
        }
        let comparable = stable.requests >= minimum
        var breaches: [String] = []
        let share = UpstreamFigures.format(new.errorPercent)
        if let max = analysis.errorRate?.maxPercent, new.errorPercent > max {
            breaches.append("5xx share \(share)% (\(new.serverErrors) of \(new.requests)) is above \(UpstreamFigures.format(max))%")
        }
        if let points = analysis.errorRate?.maxPointsAboveStable, comparable, new.errorPercent - stable.errorPercent > points {
            breaches.append("5xx share \(share)% is more than \(UpstreamFigures.format(points)) points above the stable version's \(UpstreamFigures.format(stable.errorPercent))%")
        }
        if let maxMilliseconds = analysis.p99Latency?.maxMilliseconds, let p99 = new.p99Seconds, p99 * 1000 > Double(maxMilliseconds) {
            breaches.append("p99 \(Int((p99 * 1000).rounded())) ms is above \(maxMilliseconds) ms")
        }
        if let ratio = analysis.p99Latency?.maxRatioToStable, comparable, let p99 = new.p99Seconds, let stableP99 = stable.p99Seconds,
            p99 - stableP99 >= Self.ratioFloorSeconds, p99 > stableP99 * ratio
        {
            breaches.append("p99 \(Int((p99 * 1000).rounded())) ms is more than \(UpstreamFigures.format(ratio)) × the stable version's \(Int((stableP99 * 1000).rounded())) ms")
        }
        outcome = breaches.isEmpty ? .pass : .breach(breaches.joined(separator: "; "))
    }

    /// `new: 312 requests, 5xx 0.3%, p99 41 ms; stable: …`.
    public var summary: String { "new: \(new.summary); stable: \(stable.summary)" }
}
