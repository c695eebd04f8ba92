import Foundation
import Hummingbird
import NIOCore

/// JSON request and response bodies (RFC 8259) of the collection API. Responses are never
/// cached by a proxy (`Cache-Control: no-store`): they depend on the caller's token.
enum JSONBody {
    /// A response with `object` as its body.
    static func response(_ status: HTTPResponse.Status, _ object: [String: Any], headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "application/json"
        fields[.cacheControl] = "no-store"
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The request body as a JSON object.
    /// - Throws: ``APIError`` 400 when it is missing, too large or not a JSON object; 415 when
    ///   the content type is not JSON.
    static func object(_ request: Request, context: some RequestContext) async throws -> [String: Any] {
        if let type = request.headers[.contentType], !type.lowercased().hasPrefix("application/json") {
            throw APIError(.unsupportedMediaType, "unsupported_media_type", "send the body as JSON with Content-Type: application/json")
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: context.maxUploadSize)
        } catch {
            throw APIError(.contentTooLarge, "body_too_large", "the body is larger than \(context.maxUploadSize) bytes")
        }
        guard buffer.readableBytes > 0 else { throw APIError.badRequest("the request has no body; send a JSON object") }
        guard let object = try? JSONSerialization.jsonObject(with: Data(buffer.readableBytesView)) as? [String: Any] else {
            throw APIError.badRequest("the body is not a JSON object (RFC 8259); check quoting and commas")
        }
        return object
    }

    /// A JSON `true` or `false` (JSONSerialization gives `NSNumber`s of type `c` for them;
    /// `as? Bool` would also accept the numbers 0 and 1).
    static func bool(_ value: Any) -> Bool? {
        guard let number = value as? NSNumber, String(cString: number.objCType) == "c" else { return nil }
        return number.boolValue
    }

    /// A JSON number that is an integer (not `true`, not `1.5`).
    static func integer(_ value: Any) -> Int? {
        guard let number = value as? NSNumber, String(cString: number.objCType) != "c" else { return nil }
        return Int(exactly: number.doubleValue)
    }

    /// The JSON value of a stored JSON document (a report), or its text when it does not parse.
    static func value(ofDocument text: String?) -> Any {
        guard let text else { return NSNull() }
        return (try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])) ?? text
    }
}
