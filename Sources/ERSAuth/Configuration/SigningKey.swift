import Crypto
import Foundation
import JWTKit

/// The key that signs and verifies access tokens, from `JWT_SECRET` / `JWT_SECRET_FILE`:
///
/// - a PEM EC private key on P-256 (`-----BEGIN EC PRIVATE KEY-----` or `PRIVATE KEY`):
///   ES256 (RFC 7518 §3.4); create one with `openssl ecparam -name prime256v1 -genkey -noout`;
/// - anything else: the bytes of an HS256 key (RFC 7518 §3.2), at least 32 bytes (the size of
///   the SHA-256 output, as §3.2 requires) with at least 12 distinct byte values; create one
///   with `openssl rand -base64 48`.
///
/// The key id (`kid`) is derived from the key: the RFC 7638 thumbprint of the public key for
/// ES256, and a SHA-256-based id for HS256 (which reveals nothing usable about the key).
public struct SigningKey: Sendable {
    /// The algorithm name as it appears in a JWT header.
    public enum Algorithm: String, Sendable, Hashable {
        case hs256 = "HS256"
        case es256 = "ES256"
    }

    /// HS256 or ES256.
    public let algorithm: Algorithm
    /// The `kid` every token carries; tokens with another `kid` are refused.
    public let keyID: String
    enum Material: Sendable {
        case symmetric([UInt8])
        case ecdsa(ES256PrivateKey)
    }
    let material: Material

    /// Smallest HS256 key accepted, in bytes.
    public static let minimumSymmetricKeyBytes = 32
    /// Fewest distinct byte values an HS256 key must contain (rejects `aaaa…`).
    public static let minimumDistinctBytes = 12

    /// Reads the key from `text`; `source` names where it came from, for messages.
    /// - Throws: ``ConfigurationProblem`` saying what to set when the key is too short,
    ///   too uniform, or an unusable PEM.
    public init(text: String, source: String) throws(ConfigurationProblem) {
        if text.hasPrefix("-----BEGIN") {
            let key: ES256PrivateKey
            do {
                key = try ES256PrivateKey(pem: text)
            } catch {
                throw ConfigurationProblem(variable: "JWT_SECRET", problem: "\(source) holds a PEM block that is not a P-256 private key (\(error)); create one with `openssl ecparam -name prime256v1 -genkey -noout -out jwt-es256.pem`, or use a random HS256 secret of at least 32 bytes")
            }
            algorithm = .es256
            material = .ecdsa(key)
            let parameters = key.publicKey.parameters
            // RFC 7638 §3.2: members in lexicographic order, no whitespace.
            let canonical = #"{"crv":"P-256","kty":"EC","x":"\#(parameters?.x ?? "")","y":"\#(parameters?.y ?? "")"}"#
            keyID = Self.base64URL(Array(SHA256.hash(data: Data(canonical.utf8))))
            return
        }
        let bytes = Array(text.utf8)
        guard bytes.count >= Self.minimumSymmetricKeyBytes else {
            throw ConfigurationProblem(variable: "JWT_SECRET", problem: "\(source) is \(bytes.count) bytes; an HS256 key needs at least \(Self.minimumSymmetricKeyBytes) random bytes (RFC 7518 §3.2). Create one with `openssl rand -base64 48 > jwt-secret` and set JWT_SECRET_FILE to its path")
        }
        guard Set(bytes).count >= Self.minimumDistinctBytes else {
            throw ConfigurationProblem(variable: "JWT_SECRET", problem: "\(source) uses only \(Set(bytes).count) distinct characters, which is not a random key; create one with `openssl rand -base64 48 > jwt-secret`")
        }
        algorithm = .hs256
        material = .symmetric(bytes)
        keyID = "hs256-" + Self.base64URL(Array(SHA256.hash(data: Data("ers jwt kid\u{0}".utf8) + Data(bytes))).prefix(12))
    }

    /// Base64url without padding (RFC 4648 §5).
    static func base64URL(_ bytes: some Sequence<UInt8>) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}

/// A setting of the auth service that is missing or wrong: the variable, what is wrong and
/// what to set.
public struct ConfigurationProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// The environment variable concerned.
    public var variable: String
    /// What is wrong and how to fix it.
    public var problem: String

    /// `configuration: JWT_SECRET: …`.
    public var description: String { "configuration: \(variable): \(problem)" }
}
