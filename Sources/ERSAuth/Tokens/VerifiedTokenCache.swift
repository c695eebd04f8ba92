import Foundation
import NIOConcurrencyHelpers

/// Tokens whose signature and claims already verified in this process, keyed by the whole
/// compact token (so only the identical bytes hit), with their claims.
///
/// A hit skips the signature check and the payload decoding — the bulk of a verify — but not
/// the time checks (`exp`, `nbf`, redone on every hit) nor the session lookup, so logout and
/// expiry take effect exactly as without the cache. Bounded: at most ``capacity`` entries;
/// when full, expired entries are dropped, and if none expired the cache starts empty again.
final class VerifiedTokenCache: Sendable {
    /// Most entries kept.
    let capacity: Int
    private let entries = NIOLockedValueBox<[String: AccessTokenClaims]>([:])

    init(capacity: Int = 50_000) {
        self.capacity = capacity
    }

    /// The claims of `token` when it verified before and its time claims still hold at `now`.
    func claims(for token: String, now: Date = Date()) -> AccessTokenClaims? {
        guard let claims = entries.withLockedValue({ $0[token] }) else { return nil }
        guard claims.exp.value > now, claims.nbf.value <= now else {
            _ = entries.withLockedValue { $0.removeValue(forKey: token) }
            return nil
        }
        return claims
    }

    /// Remembers that `token` verified with `claims`.
    func insert(_ token: String, claims: AccessTokenClaims, now: Date = Date()) {
        let capacity = self.capacity
        entries.withLockedValue { entries in
            if entries.count >= capacity {
                entries = entries.filter { $0.value.exp.value > now }
                if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            }
            entries[token] = claims
        }
    }
}
