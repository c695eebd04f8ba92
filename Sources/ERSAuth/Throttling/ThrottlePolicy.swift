/// How many login attempts are allowed, per user name and per client address, in a fixed
/// window. Counters expire with their window: there is no permanent lockout.
public struct ThrottlePolicy: Sendable, Hashable {
    /// Attempts per user name per window.
    public var maximumAttemptsPerUser: Int
    /// Attempts per client address per window.
    public var maximumAttemptsPerAddress: Int
    /// The window, which starts at the first attempt.
    public var window: Duration

    /// A policy; defaults 5 per user and 30 per address in 15 minutes.
    public init(maximumAttemptsPerUser: Int = 5, maximumAttemptsPerAddress: Int = 30, window: Duration = .seconds(900)) {
        self.maximumAttemptsPerUser = maximumAttemptsPerUser
        self.maximumAttemptsPerAddress = maximumAttemptsPerAddress
        self.window = window
    }
}

/// The outcome of registering an attempt.
public enum ThrottleDecision: Sendable, Hashable {
    /// Go ahead.
    case allowed
    /// Too many attempts for `scope` (`user` or `address`); try again after `retryAfter`.
    case throttled(scope: String, retryAfter: Duration)
}
