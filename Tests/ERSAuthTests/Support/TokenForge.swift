import ERSAuth
import Foundation
import JWTKit

/// Makes tokens the service must refuse: signed with its own secret but wrong claims or
/// headers, signed with other keys, or hand-assembled.
struct TokenForge {
    let secret: String
    let keyID: String

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func claims(sub: String = "alice", jti: String = UUID().uuidString.lowercased(), issuedAt: Date = Date(),
                       notBefore: Date? = nil, expires: Date? = nil, issuer: String = "ers", audience: String = "ers") -> AccessTokenClaims {
        AccessTokenClaims(sub: .init(value: sub), iat: .init(value: issuedAt), nbf: .init(value: notBefore ?? issuedAt),
                          exp: .init(value: expires ?? issuedAt.addingTimeInterval(600)), jti: .init(value: jti),
                          iss: .init(value: issuer), aud: .init(value: [audience]), roles: ["admin"])
    }

    /// HS256 with `key` (default: the service's secret) and `kid` (default: the service's).
    func hs256(_ claims: AccessTokenClaims, key: String? = nil, kid: String?? = .some(nil)) async throws -> String {
        let keys = JWTKeyCollection()
        let identifier: String? = switch kid {
        case .none: nil
        case .some(nil): keyID
        case .some(.some(let value)): value
        }
        await keys.add(hmac: HMACKey(from: Array((key ?? secret).utf8)), digestAlgorithm: .sha256, kid: identifier.map { JWKIdentifier(string: $0) })
        var header = JWTHeader()
        header.typ = "JWT"
        return try await keys.sign(claims, kid: identifier.map { JWKIdentifier(string: $0) }, header: header)
    }

    /// A hand-made token with any header (e.g. `alg: none`) and signature text.
    static func assembled(header: [String: String], claims: AccessTokenClaims, signature: String) throws -> String {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        let head = base64URL(try JSONSerialization.data(withJSONObject: header))
        return "\(head).\(base64URL(try encoder.encode(claims))).\(signature)"
    }
}
