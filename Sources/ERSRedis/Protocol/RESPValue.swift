/// One value of the Redis serialization protocol, version 2 (RESP2,
/// https://redis.io/docs/latest/develop/reference/protocol-spec/): what a server sends back.
public enum RESPValue: Sendable, Hashable {
    /// `+OK\r\n`: a short status text.
    case simpleString(String)
    /// `-ERR message\r\n`: the server refused the command; the text starts with an error code
    /// such as `ERR`, `WRONGPASS` or `NOAUTH`.
    case error(String)
    /// `:42\r\n`: a signed 64-bit integer.
    case integer(Int64)
    /// `$3\r\nabc\r\n`: a binary-safe string; nil for the null bulk string `$-1\r\n`.
    case bulkString([UInt8]?)
    /// `*2\r\n…`: a list of values; nil for the null array `*-1\r\n`.
    case array([RESPValue]?)
}

extension RESPValue {
    /// The value as text: a simple string, or a bulk string decoded as UTF-8; nil otherwise.
    public var string: String? {
        switch self {
        case .simpleString(let text): text
        case .bulkString(let bytes?): String(decoding: bytes, as: UTF8.self)
        default: nil
        }
    }

    /// The value as an integer: an integer reply, or a bulk string of decimal digits.
    public var integer: Int64? {
        switch self {
        case .integer(let value): value
        case .bulkString(let bytes?): Int64(String(decoding: bytes, as: UTF8.self))
        default: nil
        }
    }

    /// Whether this is a null bulk string or a null array (a missing key for `GET`).
    public var isNull: Bool {
        switch self {
        case .bulkString(nil), .array(nil): true
        default: false
        }
    }

    /// The elements of an array reply; nil for anything else.
    public var array: [RESPValue]? {
        if case .array(let values?) = self { return values }
        return nil
    }
}
