import ERSServerCore
import NIOCore
import Foundation
import Hummingbird

/// JSON responses of the auth endpoints; never cached (RFC 6749 §5.1).
enum AuthResponses {
    static func json(_ status: HTTPResponse.Status, _ object: [String: Any], headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "application/json"
        fields[.cacheControl] = "no-store"
        fields[.pragma] = "no-cache"
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func error(_ status: HTTPResponse.Status, _ code: String, _ description: String, headers: HTTPFields = [:]) -> Response {
        json(status, ["error": code, "error_description": description], headers: headers)
    }

    /// 401 with `WWW-Authenticate: Bearer` (RFC 6750 §3).
    static func unauthorized(_ code: String = "invalid_token") -> Response {
        error(.unauthorized, code, code == "invalid_request" ? "send Authorization: Bearer <token>" : "the token is invalid, expired or revoked",
              headers: [.wwwAuthenticate: "Bearer realm=\"ers\", error=\"\(code)\""])
    }

    /// 503: a store the answer depends on is unreachable (never a 2xx: fail closed).
    static func unavailable(_ what: String) -> Response {
        error(.serviceUnavailable, "temporarily_unavailable", "\(what) is unreachable; try again shortly", headers: [.retryAfter: "1"])
    }
}

extension HTTPFieldName {
    static let xUser = Self("X-User")!
    static let xRoles = Self("X-Roles")!
    static let pragma = Self("Pragma")!
}
