import ERSJobs
import Hummingbird

/// The query parameters of the list routes, checked with 400 answers that say what to send.
struct QueryParameters {
    let request: Request

    /// Largest `limit`.
    static let maximumLimit = 1000
    /// `limit` when none is given.
    static let defaultLimit = 100
    /// The time range of report and audit lists without `from`: 30 days before `to`.
    static let defaultRangeSeconds: Int64 = 30 * 86_400

    /// The parameter `name`, nil when absent or empty.
    func string(_ name: String) -> String? {
        guard let value = request.uri.queryParameters.get(name), !value.isEmpty else { return nil }
        return value
    }

    /// `limit`: 1–1000, default 100.
    func limit() throws(APIError) -> Int {
        guard let text = string("limit") else { return Self.defaultLimit }
        guard let limit = Int(text), (1...Self.maximumLimit).contains(limit) else {
            throw APIError.badRequest("limit=\(text.prefix(20)) is not allowed; give an integer from 1 to \(Self.maximumLimit)")
        }
        return limit
    }

    /// The timestamp parameter `name` (RFC 3339), nil when absent.
    func timestamp(_ name: String) throws(APIError) -> DatabaseTimestamp? {
        guard let text = string(name) else { return nil }
        do {
            return try DatabaseTimestamp(rfc3339: text)
        } catch {
            throw APIError.badRequest("\(name): \(error.description) (in a URL, write '+' as %2B)")
        }
    }

    /// `from` (inclusive) and `to` (exclusive): `to` defaults to now, `from` to 30 days
    /// before `to`; `from` must be before `to`.
    func timeRange() throws(APIError) -> (from: DatabaseTimestamp, to: DatabaseTimestamp) {
        let to = try timestamp("to") ?? DatabaseTimestamp.now.adding(seconds: 1)
        let from = try timestamp("from") ?? to.adding(seconds: -Self.defaultRangeSeconds)
        guard from < to else {
            throw APIError.badRequest("from (\(from.rfc3339)) must be before to (\(to.rfc3339)); the range is from <= created_at < to")
        }
        return (from, to)
    }
}
