import Crypto
public import ERSRedis
import Foundation

/// Counts login attempts per user name and per client address.
///
/// Every attempt counts before the password is checked (so parallel guesses cannot slip past
/// the limit while bcrypt runs); a successful login clears the user's counter and takes its
/// attempt back from the address counter, so the limits bound failures.
public protocol LoginThrottle: Sendable {
    /// Counts an attempt and says whether it may proceed.
    /// - Throws: the store's error (Redis down): the caller answers 503.
    func register(username: String, address: String?) async throws -> ThrottleDecision
    /// Forgets the attempts of a successful login.
    /// - Throws: the store's error.
    func succeeded(username: String, address: String?) async throws
}

extension LoginThrottle {
    /// The Redis key part for a user name: a SHA-256 of the lower-cased name, so any input
    /// gives a short, safe key.
    static func userKey(_ username: String) -> String {
        SHA256.hash(data: Data(username.lowercased().utf8)).map { String(format: "%02x", $0) }.joined()
    }
}

/// Fixed-window counters in Redis: `throttle:login:user:<sha256>` and
/// `throttle:login:addr:<address>`, each created with the window as its expiry (one atomic
/// `EVAL`), shared by every replica.
public struct RedisLoginThrottle: LoginThrottle {
    let redis: RedisClient
    let policy: ThrottlePolicy

    /// Counters in `redis` under `policy`.
    public init(redis: RedisClient, policy: ThrottlePolicy) {
        self.redis = redis
        self.policy = policy
    }

    /// Counts an attempt per user name and per address; refuses past either limit.
    public func register(username: String, address: String?) async throws -> ThrottleDecision {
        let user = try await redis.incrementWindow("throttle:login:user:" + Self.userKey(username), window: policy.window)
        var decision = ThrottleDecision.allowed
        if user.count > policy.maximumAttemptsPerUser {
            decision = .throttled(scope: "user", retryAfter: user.remaining)
        }
        if let address {
            let counted = try await redis.incrementWindow("throttle:login:addr:" + address, window: policy.window)
            if counted.count > policy.maximumAttemptsPerAddress, decision == .allowed {
                decision = .throttled(scope: "address", retryAfter: counted.remaining)
            }
        }
        return decision
    }

    /// Clears the user counter and takes the attempt back from the address counter.
    public func succeeded(username: String, address: String?) async throws {
        try await redis.delete(["throttle:login:user:" + Self.userKey(username)])
        if let address { try await redis.send(RedisCommand("DECR", ["throttle:login:addr:" + address])) }
    }
}

/// The same counters in this process's memory, for a single replica without Redis.
public actor InMemoryLoginThrottle: LoginThrottle {
    let policy: ThrottlePolicy
    private var counters: [String: (count: Int, expires: ContinuousClock.Instant)] = [:]

    /// Counters under `policy`.
    public init(policy: ThrottlePolicy) {
        self.policy = policy
    }

    /// Counts an attempt per user name and per address; refuses past either limit.
    public func register(username: String, address: String?) -> ThrottleDecision {
        let now = ContinuousClock.now
        if counters.count > 100_000 { counters = counters.filter { $0.value.expires > now } }
        let user = count("user:" + Self.userKey(username), now: now)
        var decision = ThrottleDecision.allowed
        if user.count > policy.maximumAttemptsPerUser { decision = .throttled(scope: "user", retryAfter: user.remaining) }
        if let address {
            let counted = count("addr:" + address, now: now)
            if counted.count > policy.maximumAttemptsPerAddress, decision == .allowed {
                decision = .throttled(scope: "address", retryAfter: counted.remaining)
            }
        }
        return decision
    }

    /// Clears the user counter and takes the attempt back from the address counter.
    public func succeeded(username: String, address: String?) {
        counters["user:" + Self.userKey(username)] = nil
        if let address, var entry = counters["addr:" + address] {
            entry.count = max(0, entry.count - 1)
            counters["addr:" + address] = entry
        }
    }

    private func count(_ key: String, now: ContinuousClock.Instant) -> (count: Int, remaining: Duration) {
        var entry = counters[key] ?? (0, now + policy.window)
        if entry.expires <= now { entry = (0, now + policy.window) }
        entry.count += 1
        counters[key] = entry
        return (entry.count, entry.expires - now)
    }
}
