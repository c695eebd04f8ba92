public import Foundation
public import PostgresNIO

/// A `timestamptz` at PostgreSQL's own precision: whole microseconds since 2000-01-01
/// 00:00:00 UTC, the value of its binary format (PostgreSQL docs §8.5 "Date/Time Types").
///
/// Unlike `Date` (a `Double`, which postgres-nio truncates when encoding), it round-trips
/// exactly, which a keyset cursor needs: a cursor one microsecond off skips or repeats a row.
/// Bound as a `timestamptz` parameter, so a range predicate on a partition key lets the
/// planner prune partitions (PostgreSQL docs §5.11.4 "Partition Pruning").
public struct DatabaseTimestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Microseconds since 2000-01-01 00:00:00 UTC (negative before).
    public let microsecondsSince2000: Int64

    /// Microseconds between 1970-01-01 and 2000-01-01.
    static let unixOffset: Int64 = 946_684_800 * 1_000_000

    /// A timestamp from PostgreSQL's count.
    public init(microsecondsSince2000: Int64) {
        self.microsecondsSince2000 = microsecondsSince2000
    }

    /// A timestamp from microseconds since 1970-01-01 00:00:00 UTC.
    public init(unixMicroseconds: Int64) {
        microsecondsSince2000 = unixMicroseconds - Self.unixOffset
    }

    /// `date` rounded to the nearest microsecond.
    public init(_ date: Date) {
        self.init(unixMicroseconds: Int64((date.timeIntervalSince1970 * 1_000_000).rounded()))
    }

    /// Now, to the microsecond.
    public static var now: DatabaseTimestamp { DatabaseTimestamp(Date()) }

    /// Microseconds since 1970-01-01 00:00:00 UTC.
    public var unixMicroseconds: Int64 { microsecondsSince2000 + Self.unixOffset }

    /// The same instant as a `Date` (to within a `Double`'s precision).
    public var date: Date { Date(timeIntervalSince1970: Double(unixMicroseconds) / 1_000_000) }

    /// This instant moved by `seconds`.
    public func adding(seconds: Int64) -> DatabaseTimestamp {
        DatabaseTimestamp(microsecondsSince2000: microsecondsSince2000 + seconds * 1_000_000)
    }

    /// Earlier instant first (microsecond precision, as PostgreSQL keeps it).
    public static func < (lhs: DatabaseTimestamp, rhs: DatabaseTimestamp) -> Bool {
        lhs.microsecondsSince2000 < rhs.microsecondsSince2000
    }

    /// RFC 3339 in UTC with six fraction digits: `2026-03-01T12:00:00.000000Z`.
    public var description: String { rfc3339 }
}

extension DatabaseTimestamp: PostgresNonThrowingEncodable, PostgresDecodable {
    /// Bound as `timestamptz`.
    public static var psqlType: PostgresDataType { .timestamptz }
    /// Binary: eight bytes, microseconds since 2000.
    public static var psqlFormat: PostgresFormat { .binary }

    /// Writes the microsecond count.
    public func encode<JSONEncoder: PostgresJSONEncoder>(into byteBuffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
        byteBuffer.writeInteger(microsecondsSince2000)
    }

    /// Reads a binary `timestamptz` or `timestamp`.
    /// - Throws: postgres-nio's decoding error for any other type or length.
    public init<JSONDecoder: PostgresJSONDecoder>(from buffer: inout ByteBuffer, type: PostgresDataType, format: PostgresFormat,
                                                  context: PostgresDecodingContext<JSONDecoder>) throws {
        guard type == .timestamptz || type == .timestamp else { throw PostgresDecodingError.Code.typeMismatch }
        guard format == .binary, buffer.readableBytes == 8, let value = buffer.readInteger(as: Int64.self) else {
            throw PostgresDecodingError.Code.failure
        }
        microsecondsSince2000 = value
    }
}
