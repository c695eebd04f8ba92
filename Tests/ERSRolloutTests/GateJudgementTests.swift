import ERSModel
import Testing

@testable import ERSRollout

/// The gate's verdicts on figures built from real access log lines.
@Suite struct GateJudgementTests {
    static let analysis = RolloutAnalysis(
        windowSeconds: 60, minimumRequests: 100, errorRate: ErrorRateLimit(maxPercent: 1, maxPointsAboveStable: 0.5),
        p99Latency: LatencyLimit(maxMilliseconds: 500, maxRatioToStable: 1.5))

    static func figures(requests: Int, errors: Int, seconds: Double) -> UpstreamFigures {
        let attempts = (0..<requests).map { index in
            AccessLogEntry.Attempt(address: "a:1", status: index < errors ? 500 : 200, seconds: seconds, isFinal: true)
        }
        return UpstreamFigures(attempts: attempts)
    }

    @Test func tooFewRequestsAreNotJudged() {
        let judgement = GateJudgement(analysis: Self.analysis, new: Self.figures(requests: 99, errors: 99, seconds: 9), stable: UpstreamFigures())
        #expect(judgement.outcome == .insufficient("99 of 100 requests to the new version"))
    }

    @Test func anAbsoluteErrorShareAboveTheLimitBreaches() {
        let judgement = GateJudgement(analysis: Self.analysis, new: Self.figures(requests: 200, errors: 4, seconds: 0.01), stable: UpstreamFigures())
        #expect(judgement.outcome == .breach("5xx share 2% (4 of 200) is above 1%"))
    }

    @Test func theErrorShareIsComparedWithTheStableVersionOnlyWithEnoughStableRequests() {
        let new = Self.figures(requests: 1000, errors: 9, seconds: 0.01)
        let fewStable = GateJudgement(analysis: Self.analysis, new: new, stable: Self.figures(requests: 50, errors: 0, seconds: 0.01))
        #expect(fewStable.outcome == .pass)
        let stable = GateJudgement(analysis: Self.analysis, new: new, stable: Self.figures(requests: 1000, errors: 1, seconds: 0.01))
        #expect(stable.outcome == .breach("5xx share 0.9% is more than 0.5 points above the stable version's 0.1%"))
    }

    @Test func latencyLimitsAreAbsoluteAndRelative() {
        let slow = GateJudgement(analysis: Self.analysis, new: Self.figures(requests: 200, errors: 0, seconds: 0.6), stable: UpstreamFigures())
        #expect(slow.outcome == .breach("p99 600 ms is above 500 ms"))
        let relative = GateJudgement(
            analysis: Self.analysis, new: Self.figures(requests: 200, errors: 0, seconds: 0.2), stable: Self.figures(requests: 200, errors: 0, seconds: 0.1))
        #expect(relative.outcome == .breach("p99 200 ms is more than 1.5 × the stable version's 100 ms"))
        // 3 ms against 1 ms is three times slower, but below the 10 ms floor of the ratio.
        let tiny = GateJudgement(
            analysis: Self.analysis, new: Self.figures(requests: 200, errors: 0, seconds: 0.003), stable: Self.figures(requests: 200, errors: 0, seconds: 0.001))
        #expect(tiny.outcome == .pass)
    }

    @Test func p99IsTheNearestRank() {
        #expect(UpstreamFigures.percentile(0.99, of: (1...100).map(Double.init)) == 99)
        #expect(UpstreamFigures.percentile(0.99, of: (1...1000).map(Double.init)) == 990)
        #expect(UpstreamFigures.percentile(0.99, of: [5]) == 5)
        #expect(UpstreamFigures.percentile(0.99, of: []) == nil)
    }
}
