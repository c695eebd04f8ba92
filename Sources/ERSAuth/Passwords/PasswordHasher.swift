import HummingbirdBcrypt
import NIOPosix

/// bcrypt hashing and checking, off the request threads (on NIO's thread pool: one check at
/// cost 12 takes about a quarter of a second of CPU).
///
/// ``verify(_:against:)`` with no hash (unknown or disabled user) checks the password against a
/// dummy hash of the same cost, so that answer takes as long as a wrong password.
public struct PasswordHasher: Sendable {
    /// bcrypt cost of new hashes (at least 12).
    public let cost: Int
    private let dummyHash: String

    /// A hasher at `cost` (clamped to 12…31); computes its dummy hash once.
    public init(cost: Int) async {
        let cost = min(31, max(AuthConfiguration.minimumBcryptCost, cost))
        self.cost = cost
        dummyHash = await Self.onThreadPool { Bcrypt.hash("ers timing-equaliser \(UInt64.random(in: .min ... .max))", cost: UInt8(cost)) }
    }

    /// The bcrypt hash of `password`.
    /// - Throws: ``PasswordPolicyError`` when the password breaks ``PasswordPolicy``.
    public func hash(_ password: String) async throws(PasswordPolicyError) -> String {
        try PasswordPolicy.validate(password)
        let cost = UInt8(self.cost)
        return await Self.onThreadPool { Bcrypt.hash(password, cost: cost) }
    }

    /// Whether `password` matches `hash`. Always runs one bcrypt check (against the dummy hash
    /// when `hash` is nil), and refuses passwords bcrypt would cut (over 72 bytes, NUL) after
    /// the same work.
    public func verify(_ password: String, against hash: String?) async -> Bool {
        let usable = (try? PasswordPolicy.validateForCheck(password)) != nil
        let target: String
        if let hash, usable { target = hash } else { target = dummyHash }
        let matched = await Self.onThreadPool { Bcrypt.verify(usable ? password : "x", hash: target) }
        return matched && usable && hash != nil
    }

    private static func onThreadPool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        if let result = try? await NIOThreadPool.singleton.runIfActive(work) { return result }
        return work()
    }
}

extension PasswordPolicy {
    /// At login only the bcrypt limits apply (length rules may have changed since the password was set).
    static func validateForCheck(_ password: String) throws(PasswordPolicyError) {
        if password.utf8.contains(0) { throw .containsNUL }
        if password.utf8.count > maximumBytes { throw .tooLong(bytes: password.utf8.count) }
    }
}
