public import Foundation

/// A circuit breaker per host (Nygard, "Release It!", 2nd ed., ch. 5 "Circuit Breaker"):
/// after `threshold` transient failures in a row the host's circuit opens and its jobs are
/// postponed for `openSeconds` without an attempt; then one probe is let through
/// (half-open): success closes the circuit, failure opens it again.
public actor HostCircuitBreaker {
    /// What the breaker allows for one host now.
    public enum Permit: Sendable, Equatable {
        case allowed
        /// Open: try again after this many seconds.
        case rejected(retryAfterSeconds: Double)
    }

    struct State {
        var failures = 0
        var openUntil: Date?
        var probing = false
    }

    public let threshold: Int
    public let openSeconds: Double
    private var hosts: [String: State] = [:]

    public init(threshold: Int = 5, openSeconds: Double = 60) {
        self.threshold = max(1, threshold)
        self.openSeconds = max(0, openSeconds)
    }

    /// Whether a collection from `host` may start now.
    public func permit(_ host: String, now: Date = Date()) -> Permit {
        guard var state = hosts[host], let until = state.openUntil else { return .allowed }
        if now < until { return .rejected(retryAfterSeconds: until.timeIntervalSince(now)) }
        if state.probing { return .rejected(retryAfterSeconds: max(1, openSeconds / 4)) }
        state.probing = true
        hosts[host] = state
        return .allowed
    }

    /// Records a finished collection from `host`: success closes its circuit; a transient
    /// failure counts towards opening it; a permanent failure (a refused key, a bad row) says
    /// nothing about the host being up and only ends a probe.
    public func record(_ host: String, success: Bool, transient: Bool, now: Date = Date()) {
        if success {
            hosts[host] = nil
            return
        }
        var state = hosts[host] ?? State()
        state.probing = false
        if transient {
            state.failures += 1
            if state.failures >= threshold || state.openUntil != nil {
                state.openUntil = now.addingTimeInterval(openSeconds)
            }
        }
        hosts[host] = state
    }
}
