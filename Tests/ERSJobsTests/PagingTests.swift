import ERSJobs
import Testing

/// Timestamps, cursors and report ids: the exact values keyset pagination depends on.
@Suite struct PagingTests {
    @Test func timestampsRoundTrip() throws {
        let text = "2026-03-01T12:30:45.123456Z"
        let stamp = try DatabaseTimestamp(rfc3339: text)
        #expect(stamp.rfc3339 == text)
        #expect(try DatabaseTimestamp(rfc3339: "2026-03-01T14:30:45.123456789+02:00") == stamp)
        #expect(try DatabaseTimestamp(rfc3339: "2026-03-01 12:30:45.123456z") == stamp)
        #expect(try DatabaseTimestamp(rfc3339: "1999-12-31T23:59:59Z").microsecondsSince2000 == -1_000_000)
        #expect(try DatabaseTimestamp(rfc3339: "2000-01-01T00:00:00Z").microsecondsSince2000 == 0)
        #expect(try DatabaseTimestamp(rfc3339: "2024-02-29T00:00:00Z").rfc3339 == "2024-02-29T00:00:00.000000Z")
        #expect(DatabaseTimestamp(stamp.date) == stamp)
        for bad in ["2026-02-30T00:00:00Z", "2023-02-29T00:00:00Z", "2026-03-01T00:00:00", "2026-03-01", "2026-03-01T25:00:00Z",
                    "2026-03-01T00:00:00.Z", "2026-03-01T00:00:00Zjunk", "x", ""] {
            #expect(throws: TimestampSyntaxError.self, "\(bad)") { try DatabaseTimestamp(rfc3339: bad) }
        }
    }

    @Test func cursorsAreOpaqueAndChecked() throws {
        let cursor = PageCursor(kind: "reports", fields: ["123", "-5"])
        #expect(try PageCursor.decode(cursor.encoded, kind: "reports", count: 2) == [123, -5])
        #expect(throws: PageCursorError.self) { try PageCursor.decode(cursor.encoded, kind: "hosts", count: 2) }
        #expect(throws: PageCursorError.self) { try PageCursor.decode(cursor.encoded, kind: "reports", count: 1) }
        #expect(throws: PageCursorError.self) { try PageCursor.decode("!!!", kind: "reports", count: 2) }
        // Regression: the message named a field `next_cursor`; the answers carry `nextCursor`.
        let error = try #require(throws: PageCursorError.self) { try PageCursor.decode("!!!", kind: "audit", count: 2) }
        #expect(error.description.contains("\"nextCursor\""))
        #expect(!error.description.contains("next_cursor"))
        #expect(!cursor.encoded.contains("=") && !cursor.encoded.contains("+") && !cursor.encoded.contains("/"))
    }

    @Test func reportIDsCarryCreatedAt() throws {
        let id = ReportID(id: 8812, createdAt: DatabaseTimestamp(unixMicroseconds: 1_767_225_600_123_456))
        #expect(id.description == "8812-1767225600123456")
        #expect(try ReportID(parsing: id.description) == id)
        for bad in ["", "8812", "8812-", "-1-5", "0-5", "a-b", "1-2-3", "+1-5"] {
            #expect(throws: ReportIDError.self, "\(bad)") { try ReportID(parsing: bad) }
        }
    }
}
