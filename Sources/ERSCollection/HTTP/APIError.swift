public import Hummingbird

/// An error answer of the collection API: an HTTP status and the JSON body
/// `{"error": "<code>", "detail": "<what is wrong and how to fix it>"}`.
public struct APIError: Error, Sendable, CustomStringConvertible {
    /// The status.
    public var status: HTTPResponse.Status
    /// A stable, machine-readable code (`invalid_host`, `forbidden`, …).
    public var code: String
    /// For people: what is wrong and what to do.
    public var detail: String
    /// Extra response headers (`WWW-Authenticate`, `Retry-After`).
    public var headers: HTTPFields

    /// An error answer.
    public init(_ status: HTTPResponse.Status, _ code: String, _ detail: String, headers: HTTPFields = [:]) {
        self.status = status
        self.code = code
        self.detail = detail
        self.headers = headers
    }

    public var description: String { "\(status.code) \(code): \(detail)" }

    /// 400 for a bad query parameter or body.
    static func badRequest(_ detail: String) -> APIError { APIError(.badRequest, "bad_request", detail) }

    /// 422 for a well-formed request whose values break a rule.
    static func invalid(_ code: String, _ detail: String) -> APIError { APIError(.unprocessableContent, code, detail) }

    /// 404.
    static func notFound(_ detail: String) -> APIError { APIError(.notFound, "not_found", detail) }

    /// 503 with `Retry-After: 1`: a datastore the answer needs is unreachable.
    static func unavailable(_ what: String) -> APIError {
        APIError(.serviceUnavailable, "unavailable", "\(what) is unreachable or did not answer in time; try again shortly", headers: [.retryAfter: "1"])
    }

    /// The response.
    var response: Response {
        JSONBody.response(status, ["error": code, "detail": detail], headers: headers)
    }
}
