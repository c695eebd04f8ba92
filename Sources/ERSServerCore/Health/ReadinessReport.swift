import Foundation

/// The body of `/ready`: overall status and each check's outcome.
///
/// ```json
/// {"status":"not_ready","checks":{"postgres":{"status":"ok","duration_ms":1.2},
///  "redis":{"status":"failed","error":"redis: cannot connect to …","duration_ms":2000.4}}}
/// ```
public struct ReadinessReport: Sendable, Codable, Hashable {
    /// One check's outcome.
    public struct Outcome: Sendable, Codable, Hashable {
        /// `ok` or `failed`.
        public var status: String
        /// Detail of a passed check (e.g. `sessions in memory: safe for one replica only`).
        public var detail: String?
        /// Why it failed.
        public var error: String?
        /// How long the check took, in milliseconds.
        public var durationMilliseconds: Double

        enum CodingKeys: String, CodingKey {
            case status, detail, error
            case durationMilliseconds = "duration_ms"
        }
    }

    /// `ready` when every check passed, else `not_ready`.
    public var status: String
    /// Outcome per check name.
    public var checks: [String: Outcome]

    /// Whether every check passed.
    public var isReady: Bool { status == "ready" }

    /// Runs every check concurrently, each limited to `timeout`.
    public static func run(_ checks: [ReadinessCheck], timeout: Duration) async -> ReadinessReport {
        let outcomes = await withTaskGroup(of: (String, Outcome).self) { group in
            for check in checks {
                group.addTask {
                    let start = ContinuousClock.now
                    do {
                        let detail = try await withTimeout(timeout, "the \(check.name) check") { try await check.probe() }
                        return (check.name, Outcome(status: "ok", detail: detail, durationMilliseconds: milliseconds(since: start)))
                    } catch {
                        return (check.name, Outcome(status: "failed", error: "\(error)", durationMilliseconds: milliseconds(since: start)))
                    }
                }
            }
            var outcomes: [String: Outcome] = [:]
            for await (name, outcome) in group { outcomes[name] = outcome }
            return outcomes
        }
        let ready = outcomes.values.allSatisfy { $0.status == "ok" }
        return ReadinessReport(status: ready ? "ready" : "not_ready", checks: outcomes)
    }

    private static func milliseconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return ((Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15) * 10).rounded() / 10
    }
}
