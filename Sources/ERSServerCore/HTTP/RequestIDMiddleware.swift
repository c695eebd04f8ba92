public import Hummingbird

/// Gives every request an id: a well-formed `X-Request-ID` from the client (or nginx, which
/// sets one) is kept, anything else is replaced by 16 random bytes in hex — the same rule as
/// the gateway's `map $http_x_request_id` (`^[A-Za-z0-9._:-]{1,128}$`). The id goes into the
/// logger's metadata (`request_id`), the context, and the response header.
public struct RequestIDMiddleware: RouterMiddleware {
    /// The request context of ers-server.
    public typealias Context = ServerRequestContext

    /// The middleware.
    public init() {}

    /// Sets the id on the context, the logger and the response (also on error responses).
    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let id = request.headers[.xRequestID].flatMap { Self.isWellFormed($0) ? $0 : nil } ?? Self.makeID()
        context.requestID = id
        context.logger[metadataKey: "request_id"] = .string(id)
        do {
            var response = try await next(request, context)
            response.headers[.xRequestID] = id
            return response
        } catch let error as any HTTPResponseError {
            var response = try error.response(from: request, context: context)
            response.headers[.xRequestID] = id
            return response
        }
    }

    /// Whether `text` matches `^[A-Za-z0-9._:-]{1,128}$`.
    public static func isWellFormed(_ text: String) -> Bool {
        let bytes = text.utf8
        return (1...128).contains(bytes.count) && bytes.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: ":"), UInt8(ascii: "-"): true
            default: false
            }
        }
    }

    /// 32 hex digits from the system's random generator.
    static func makeID() -> String {
        var generator = SystemRandomNumberGenerator()
        let high = generator.next() as UInt64, low = generator.next() as UInt64
        func hex(_ value: UInt64) -> String {
            let digits = String(value, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }
        return hex(high) + hex(low)
    }
}

/// `HTTPField.Name` of swift-http-types (which Hummingbird re-exports only through `HTTPFields`).
public typealias HTTPFieldName = HTTPFields.Element.Name

extension HTTPFieldName {
    /// `X-Request-ID`.
    public static let xRequestID = Self("X-Request-ID")!
}
