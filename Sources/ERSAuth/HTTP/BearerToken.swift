import Hummingbird

/// The token of an `Authorization: Bearer <token>` header (RFC 6750 §2.1): exactly one
/// header, scheme `Bearer` in any case, a token68 of the allowed characters.
enum BearerToken {
    static func from(_ request: Request) -> String? {
        let values = request.headers[values: .authorization]
        guard values.count == 1, let value = values.first else { return nil }
        let parts = value.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1]
        guard token.utf8.count <= TokenService.maximumTokenLength, token.utf8.allSatisfy(isToken68) else { return nil }
        return String(token)
    }

    private static func isToken68(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "+"), UInt8(ascii: "/"), UInt8(ascii: "="):
            true
        default: false
        }
    }
}
