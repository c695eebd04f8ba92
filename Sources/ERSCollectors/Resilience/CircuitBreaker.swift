/// A per-host circuit breaker (Nygard, "Release It!", ch. 5): after `failureThreshold`
/// consecutive transient failures a host's circuit opens for `coolDown`; then it is half-open
/// and lets exactly one attempt through: success closes it, failure opens it again.
/// Permanent failures do not count (retrying cannot help; the queue handles them).
public actor CircuitBreaker<Key: Hashable & Sendable> {
    /// A host's state.
    public enum State: Sendable, Equatable {
        case closed(consecutiveFailures: Int)
        /// Attempts are refused until `until`.
        case open(until: ContinuousClock.Instant)
        /// One attempt is in flight; others are refused.
        case halfOpen
    }

    /// Whether an attempt may go ahead now.
    public enum Decision: Sendable, Equatable {
        case allowed
        /// Refused; the circuit reopens for attempts after `retryAfter`.
        case refused(retryAfter: Duration)
    }

    /// Consecutive failures that open the circuit (at least 1).
    public let failureThreshold: Int
    /// How long an open circuit refuses attempts before it lets one through (half-open).
    public let coolDown: Duration
    private var states: [Key: State] = [:]
    private let now: @Sendable () -> ContinuousClock.Instant

    /// - Parameters:
    ///   - failureThreshold: consecutive transient failures that open the circuit (≥ 1).
    ///   - coolDown: how long it stays open.
    public init(failureThreshold: Int = 3, coolDown: Duration = .seconds(60),
                now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }) {
        self.failureThreshold = max(1, failureThreshold)
        self.coolDown = coolDown
        self.now = now
    }

    /// The state of `key` (closed with 0 failures when never seen).
    public func state(of key: Key) -> State { states[key] ?? .closed(consecutiveFailures: 0) }

    /// Asks to attempt `key`. An open circuit past its cool-down becomes half-open and this
    /// caller is the one allowed attempt; it must then call ``record(_:for:)``.
    public func acquire(_ key: Key) -> Decision {
        switch state(of: key) {
        case .closed: return .allowed
        case .halfOpen: return .refused(retryAfter: coolDown)
        case .open(let until):
            let current = now()
            if current < until { return .refused(retryAfter: until - current) }
            states[key] = .halfOpen
            return .allowed
        }
    }

    /// Records an attempt's result for `key`: nil for success, else the failure's kind.
    public func record(_ failure: CollectionFailure.Kind?, for key: Key) {
        switch failure {
        case nil:
            states[key] = nil
        case .permanent:
            if case .halfOpen = state(of: key) { states[key] = nil }
        case .transient:
            switch state(of: key) {
            case .closed(let count) where count + 1 < failureThreshold:
                states[key] = .closed(consecutiveFailures: count + 1)
            default:
                states[key] = .open(until: now() + coolDown)
            }
        }
    }

    /// Records an outcome (collected: success; failed: its kind).
    public func record(_ outcome: CollectionOutcome, for key: Key) {
        switch outcome {
        case .collected: record(nil, for: key)
        case .failed(let failure): record(failure.kind, for: key)
        }
    }
}
