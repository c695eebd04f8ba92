import ERSDatabase
import ERSModel
@testable import ERSJobs
import Foundation
import Hummingbird
import Logging
import PostgresNIO
import Testing

@Suite struct ReportTests {
    /// The first instant of `month` as a timestamp.
    static func start(of month: YearMonth) -> DatabaseTimestamp {
        DatabaseTimestamp(unixMicroseconds: month.firstInstantUnixTime * 1_000_000)
    }

    @Test func paginationWalksEveryRowOnceAcrossPartitions() async throws {
        try await CollectionHarness.run { harness in
            let viewer = try await harness.token(roles: ["viewer"])
            let first = harness.database.firstMonth
            var stored: [(DatabaseTimestamp, Int64, String)] = []
            // Three months, several hosts, and ties on created_at (keyset must break them by id).
            for monthOffset in 0..<3 {
                let base = Self.start(of: first.advanced(by: monthOffset))
                for index in 0..<7 {
                    let created = base.adding(seconds: Int64(index / 2) * 3600 + 86_400)
                    let host = index % 2 == 0 ? "a.example.com" : "b.example.com"
                    stored.append((created, try await harness.insertReport(host: host, created: created), host))
                }
            }
            _ = try await harness.insertReport(host: "a.example.com", type: "disk", created: Self.start(of: first).adding(seconds: 90_000))
            let from = Self.start(of: first).rfc3339, to = Self.start(of: first.advanced(by: 3)).rfc3339
            for (hostFilter, limit) in [(nil, 4), (nil, 1), ("a.example.com", 3), (nil, 1000)] as [(String?, Int)] {
                var ids: [String] = [], cursor: String?, pages = 0
                repeat {
                    var uri = "/api/v1/reports?type=system&from=\(from)&to=\(to)&limit=\(limit)"
                    if let hostFilter { uri += "&host=\(hostFilter)" }
                    if let cursor { uri += "&cursor=\(cursor)" }
                    let reply = try await harness.send(.get, uri, token: viewer)
                    #expect(reply.status == 200, "\(reply.body)")
                    ids += (reply.json?["reports"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
                    cursor = reply.json?["nextCursor"] as? String
                    pages += 1
                } while cursor != nil && pages < 200
                let expected = stored.filter { hostFilter == nil || $0.2 == hostFilter }
                    .sorted { ($0.0, $0.1) > ($1.0, $1.1) }
                    .map { ReportID(id: $0.1, createdAt: $0.0).description }
                #expect(ids == expected, "host \(hostFilter ?? "any") limit \(limit)")
            }
            // One month only.
            let oneMonth = try await harness.send(.get, "/api/v1/reports?from=\(Self.start(of: first.advanced(by: 1)).rfc3339)&to=\(Self.start(of: first.advanced(by: 2)).rfc3339)", token: viewer)
            #expect((oneMonth.json?["reports"] as? [[String: Any]])?.count == 7)
        }
    }

    @Test func oneReportByIDAndErrors() async throws {
        try await CollectionHarness.run { harness in
            let viewer = try await harness.token(roles: ["viewer"])
            let created = DatabaseTimestamp.now.adding(seconds: -60)
            let id = try await harness.insertReport(host: "a.example.com", created: created, data: #"{"cpu": {"load": 0.5}}"#)
            let reportID = ReportID(id: id, createdAt: created)
            let reply = try await harness.send(.get, "/api/v1/reports/\(reportID)", token: viewer)
            #expect(reply.status == 200, "\(reply.body)")
            #expect(((reply.json?["data"] as? [String: Any])?["cpu"] as? [String: Any])?["load"] as? Double == 0.5)
            #expect(reply.json?["createdAt"] as? String == created.rfc3339)
            let wrongTime = ReportID(id: id, createdAt: created.adding(seconds: 1))
            #expect(try await harness.send(.get, "/api/v1/reports/\(wrongTime)", token: viewer).status == 404)
            for bad in ["abc", "12", "-1-5", "1-x"] {
                let response = try await harness.send(.get, "/api/v1/reports/\(bad)", token: viewer)
                #expect(response.status == 400, "\(bad)")
            }
            let badFrom = try await harness.send(.get, "/api/v1/reports?from=yesterday", token: viewer)
            #expect(badFrom.status == 400)
            #expect(badFrom.detail.contains("RFC 3339"))
            let reversed = try await harness.send(.get, "/api/v1/reports?from=2026-03-01T00:00:00Z&to=2026-02-01T00:00:00Z", token: viewer)
            #expect(reversed.status == 400)
            #expect(reversed.detail.contains("before"))
            #expect(try await harness.send(.get, "/api/v1/reports?limit=1001", token: viewer).status == 400)
            #expect(try await harness.send(.get, "/api/v1/reports?cursor=aG9zdHM6MQ", token: viewer).status == 400)
            #expect(try await harness.send(.get, "/api/v1/reports?from=2026-02-01T00:00:00%2B02:00", token: viewer).status == 200)
        }
    }

    /// The relation names in an `EXPLAIN (FORMAT JSON)` plan.
    static func relations(_ plan: Any) -> Set<String> {
        var names: Set<String> = []
        if let object = plan as? [String: Any] {
            if let name = object["Relation Name"] as? String { names.insert(name) }
            for value in object.values { names.formUnion(relations(value)) }
        } else if let array = plan as? [Any] {
            for value in array { names.formUnion(relations(value)) }
        }
        return names
    }

    @Test(arguments: ["auto", "force_custom_plan", "force_generic_plan"])
    func planTouchesOnlyTheRequestedMonth(planCacheMode: String) async throws {
        try await CollectionHarness.run { harness in
            let first = harness.database.firstMonth
            for offset in 0..<4 {
                _ = try await harness.insertReport(host: "a.example.com", created: Self.start(of: first.advanced(by: offset)).adding(seconds: 3600))
            }
            let month = first.advanced(by: 1)
            let partition = "reports_p\(month.year)_\(month.month < 10 ? "0" : "")\(month.month)"
            let filter = ReportFilter(hostname: "a.example.com", reportType: "system", from: Self.start(of: month), to: Self.start(of: month.next))
            let cursor = ReportID(id: 1, createdAt: Self.start(of: month).adding(seconds: 86_400 * 10))
            let queries = [try ReportQuery.pageQuery(filter, limit: 101, after: nil, withData: false),
                           try ReportQuery.pageQuery(filter, limit: 101, after: cursor, withData: true),
                           ReportQuery.reportQuery(id: cursor)]
            for (index, query) in queries.enumerated() {
                let explain = PostgresQuery(unsafeSQL: "EXPLAIN (FORMAT JSON) " + query.sql, binds: query.binds)
                let plan = try await harness.database.run { client in
                    try await client.withConnection { connection in
                        try await connection.query(PostgresQuery(unsafeSQL: "SET plan_cache_mode = \(planCacheMode)"), logger: .init(label: "test"))
                        var text = ""
                        for try await (line,) in try await connection.query(explain, logger: .init(label: "test")).decode((String,).self) { text += line }
                        return text
                    }
                }
                let parsed = try JSONSerialization.jsonObject(with: Data(plan.utf8))
                let touched = Self.relations(parsed)
                #expect(touched == [partition], "plan_cache_mode=\(planCacheMode), query \(index): \(touched) in \(plan)")
            }
            // Every partition exists (so the pruning is real).
            let partitions = try await harness.texts("SELECT count(*)::text FROM pg_inherits WHERE inhparent = 'reports'::regclass")
            #expect(Int(partitions.first ?? "0") ?? 0 >= 4)
        }
    }
}
