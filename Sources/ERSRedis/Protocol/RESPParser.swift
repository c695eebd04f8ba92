import NIOCore

/// Decodes RESP2 replies from a byte stream, one complete value at a time.
///
/// Limits protect the client from a broken or hostile peer: bulk strings of at most
/// ``maximumBulkLength`` bytes, arrays of at most ``maximumArrayCount`` elements and
/// ``maximumDepth`` levels of nesting. Redis itself caps bulk strings at 512 MB
/// (`proto-max-bulk-len`).
struct RESPParser: Sendable {
    /// Largest bulk string accepted (64 MiB; ERS stores small values only).
    static let maximumBulkLength = 64 * 1024 * 1024
    /// Largest array accepted.
    static let maximumArrayCount = 1_000_000
    /// Deepest nesting accepted.
    static let maximumDepth = 32

    /// Parses one value from the front of `buffer`. Returns nil, leaving `buffer` untouched,
    /// when the value is not complete yet.
    /// - Throws: ``RedisError/protocolViolation(_:)`` when the bytes are not RESP2.
    func parse(_ buffer: inout ByteBuffer) throws(RedisError) -> RESPValue? {
        var copy = buffer
        guard let value = try parseValue(&copy, depth: 0) else { return nil }
        buffer = copy
        return value
    }

    private func parseValue(_ buffer: inout ByteBuffer, depth: Int) throws(RedisError) -> RESPValue? {
        guard depth <= Self.maximumDepth else {
            throw .protocolViolation("reply nested deeper than \(Self.maximumDepth) levels")
        }
        guard let marker = buffer.readInteger(as: UInt8.self) else { return nil }
        guard let line = readLine(&buffer) else { return nil }
        switch marker {
        case UInt8(ascii: "+"):
            return .simpleString(String(decoding: line, as: UTF8.self))
        case UInt8(ascii: "-"):
            return .error(String(decoding: line, as: UTF8.self))
        case UInt8(ascii: ":"):
            return .integer(try integer(line))
        case UInt8(ascii: "$"):
            let length = try integer(line)
            if length == -1 { return .bulkString(nil) }
            guard length >= 0, length <= Self.maximumBulkLength else {
                throw .protocolViolation("bulk string length \(length) is outside 0…\(Self.maximumBulkLength)")
            }
            guard buffer.readableBytes >= Int(length) + 2, let bytes = buffer.readBytes(length: Int(length)) else { return nil }
            guard buffer.readInteger(as: UInt16.self) == 0x0D0A else {
                throw .protocolViolation("bulk string of \(length) bytes is not followed by CRLF")
            }
            return .bulkString(bytes)
        case UInt8(ascii: "*"):
            let count = try integer(line)
            if count == -1 { return .array(nil) }
            guard count >= 0, count <= Self.maximumArrayCount else {
                throw .protocolViolation("array length \(count) is outside 0…\(Self.maximumArrayCount)")
            }
            var values: [RESPValue] = []
            values.reserveCapacity(Int(min(count, 1024)))
            for _ in 0..<count {
                guard let value = try parseValue(&buffer, depth: depth + 1) else { return nil }
                values.append(value)
            }
            return .array(values)
        default:
            throw .protocolViolation("unknown type byte 0x\(String(marker, radix: 16)); is this port a Redis server?")
        }
    }

    /// The bytes up to the next CRLF (consumed), or nil when no CRLF has arrived yet.
    private func readLine(_ buffer: inout ByteBuffer) -> [UInt8]? {
        let view = buffer.readableBytesView
        guard let cr = view.firstIndex(of: 0x0D), view.index(after: cr) < view.endIndex,
              view[view.index(after: cr)] == 0x0A
        else { return nil }
        let line = Array(view[view.startIndex..<cr])
        buffer.moveReaderIndex(forwardBy: line.count + 2)
        return line
    }

    private func integer(_ line: [UInt8]) throws(RedisError) -> Int64 {
        guard let value = Int64(String(decoding: line, as: UTF8.self)) else {
            throw .protocolViolation("'\(String(decoding: line.prefix(32), as: UTF8.self))' is not an integer")
        }
        return value
    }
}
