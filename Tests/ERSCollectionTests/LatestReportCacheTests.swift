@testable import ERSJobs
import Foundation
import Hummingbird
import Testing

@Suite struct LatestReportCacheTests {
    @Test func missThenHitThenRefresh() async throws {
        try await CollectionHarness.run { harness in
            let viewer = try await harness.token(roles: ["viewer"])
            let host = "cache-\(UUID().uuidString.prefix(8).lowercased()).example.com"
            let uri = "/api/v1/hosts/\(host)/reports/latest?type=system"
            #expect(try await harness.send(.get, uri, token: viewer).status == 404)
            #expect(try await harness.send(.get, "/api/v1/hosts/\(host)/reports/latest", token: viewer).status == 400)

            let older = DatabaseTimestamp.now.adding(seconds: -600)
            let first = try await harness.insertReport(host: host, created: older, data: #"{"n": 1}"#)
            let miss = try await harness.send(.get, uri, token: viewer)
            #expect(miss.status == 200)
            #expect(miss.headers[.init("X-Cache")!] == "miss")
            #expect(miss.json?["id"] as? String == ReportID(id: first, createdAt: older).description)
            let hit = try await harness.send(.get, uri, token: viewer)
            #expect(hit.headers[.init("X-Cache")!] == "hit")
            #expect((hit.json?["data"] as? [String: Any])?["n"] as? Int == 1)
            let key = LatestReportCache.key(hostname: host, reportType: "system")
            let ttl = try await harness.runtime.redis?.timeToLive(key) ?? nil
            #expect(ttl.map { $0 > .zero && $0 <= .seconds(600) } == true)

            // A newer report is stored: the cache serves the old one until the worker's hook refreshes it.
            let newer = DatabaseTimestamp.now.adding(seconds: -60)
            let second = try await harness.insertReport(host: host, created: newer, data: #"{"n": 2}"#)
            #expect(try await harness.send(.get, uri, token: viewer).json?["id"] as? String == ReportID(id: first, createdAt: older).description)
            try await harness.service.latestReports.refresh(hostname: host, reportType: "system")
            let refreshed = try await harness.send(.get, uri, token: viewer)
            #expect(refreshed.headers[.init("X-Cache")!] == "hit")
            #expect(refreshed.json?["id"] as? String == ReportID(id: second, createdAt: newer).description)

            // An older report written late (a slow reader) never replaces the newer one.
            let stale = Report(id: ReportID(id: first, createdAt: older), hostname: host, reportType: "system", data: #"{"n": 1}"#)
            try await harness.service.latestReports.store(stale)
            #expect(try await harness.send(.get, uri, token: viewer).json?["id"] as? String == ReportID(id: second, createdAt: newer).description)

            // Expired or evicted: read through again.
            _ = try await harness.runtime.redis?.delete([key])
            let again = try await harness.send(.get, uri, token: viewer)
            #expect(again.headers[.init("X-Cache")!] == "miss")
            #expect(again.json?["id"] as? String == ReportID(id: second, createdAt: newer).description)
        }
    }
}

@Suite struct OnStoredHookTests {
    @Test func hookRefreshesTheEntry() async throws {
        try await CollectionHarness.run { harness in
            let viewer = try await harness.token(roles: ["viewer"])
            let host = "hook-\(UUID().uuidString.prefix(8).lowercased()).example.com"
            let uri = "/api/v1/hosts/\(host)/reports/latest?type=system"
            let older = DatabaseTimestamp.now.adding(seconds: -300)
            _ = try await harness.insertReport(host: host, created: older)
            #expect(try await harness.send(.get, uri, token: viewer).headers[.init("X-Cache")!] == "miss")
            let newer = DatabaseTimestamp.now.adding(seconds: -10)
            let id = try await harness.insertReport(host: host, created: newer, data: #"{"fresh": true}"#)
            try await harness.service.latestReports.onStored(hostname: host, reportType: "system", reportID: id, createdAt: newer.date)
            let reply = try await harness.send(.get, uri, token: viewer)
            #expect(reply.headers[.init("X-Cache")!] == "hit")
            #expect(reply.json?["id"] as? String == ReportID(id: id, createdAt: newer).description)
        }
    }
}
