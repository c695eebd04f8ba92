import Hummingbird

/// The token of an `Authorization: Bearer <token>` header (RFC 6750 §2.1): exactly one
/// header, scheme `Bearer` in any case, one space, a token68 of the allowed characters.
/// Works on the UTF-8 bytes: it runs on every verify.
enum BearerToken {
    static func from(_ request: Request) -> String? {
        let values = request.headers[values: .authorization]
        guard values.count == 1, let value = values.first else { return nil }
        var bytes = value.utf8[...]
        let scheme = Array("bearer ".utf8)
        guard bytes.count > scheme.count, bytes.count <= TokenService.maximumTokenLength + scheme.count else { return nil }
        for expected in scheme {
            guard let byte = bytes.popFirst(), byte | 0x20 == expected || (expected == 0x20 && byte == 0x20) else { return nil }
        }
        guard bytes.allSatisfy(isToken68) else { return nil }
        return String(Substring(bytes))
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
