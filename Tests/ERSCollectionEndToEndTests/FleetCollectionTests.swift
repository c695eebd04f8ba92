import Foundation
import Testing

/// Issue 7's end-to-end checks on a real fleet: `ers-server worker` processes, the test
/// PostgreSQL, loopback sshd hosts (shared/bench/fleet-up.sh).
@Suite("collection over a fleet", .timeLimit(.minutes(5)))
struct FleetCollectionTests {
    static let maxAttempts = 3

    /// 100 healthy hosts, 2 tarpits and a refused endpoint, two workers: one report per
    /// healthy host, parsed; every failure retried to `max_attempts` and dead with its error.
    @Test func collectsEveryHealthyHostOnceAndRecordsEveryFailure() async throws {
        guard let binary = EndToEnd.serverBinary(), let base = EndToEnd.database(), let fleet = await E2EFleet.shared() else { return }
        try await E2EDatabase.with(base: base.url, passwordFile: base.passwordFile) { database in
            let healthy = fleet.hosts.enumerated().map { (name: String(format: "fleet-%03d", $0.offset + 1), address: $0.element.address, port: $0.element.port) }
            let tarpits = fleet.tarpits.prefix(2).enumerated().map { (name: "tarpit-\($0.offset + 1)", address: $0.element.address, port: $0.element.port) }
            let refused = (name: "refused-1", address: fleet.refused.address, port: fleet.refused.port)
            let ids = try await database.addHosts(healthy + tarpits + [refused])
            let collection = try await database.startCollection(of: ids, maxAttempts: Self.maxAttempts)
            try await ServerProcesses.with(binary: binary, label: "fleet") { servers in
                for number in 1...2 {
                    try servers.start("worker", name: "worker-\(number)", environment: fleet.workerEnvironment()
                        .merging(database.serverEnvironment) { $1 }.merging(["WORKER_ID": "e2e-fleet-\(number)"]) { $1 })
                }
                let finished = try await EndToEnd.waitUntil(seconds: 200) { try await database.unfinishedJobs(collection) == 0 }
                #expect(finished, "jobs still unfinished after 200 s:\n\(servers.logs())")
                // SIGTERM: each worker drains and exits 0.
                await servers.stopAll()
                #expect(servers.uncleanExits.isEmpty, "\(servers.uncleanExits)\n\(servers.logs())")
            }

            // Exactly one report per healthy host, none for the others.
            let counts = try await database.lines("SELECT hostname, count(*)::text FROM reports GROUP BY 1 ORDER BY 1")
            #expect(counts.count == 100)
            #expect(counts == healthy.map { "\($0.name)|1" }, "reports per host: \(counts.filter { !$0.hasSuffix("|1") })")
            // Each report parsed: sections os, kernel, memory ok; job points at its report.
            let parsed = try await database.integer("""
                SELECT count(*) FROM reports WHERE data->>'schema' = '1' AND data->>'reportType' = 'system'
                  AND data->'sections'->'os'->>'status' = 'ok' AND data->'sections'->'kernel'->>'status' = 'ok'
                  AND data->'sections'->'memory'->>'status' = 'ok' AND (data->'sections'->'memory'->>'totalBytes')::bigint > 0
                """)
            #expect(parsed == 100, "reports with os/kernel/memory parsed ok: \(parsed)")
            let linked = try await database.integer("""
                SELECT count(*) FROM jobs j JOIN reports r ON r.id = j.report_id AND r.created_at = j.report_created_at AND r.hostname = j.hostname
                WHERE j.collection_id = \(collection) AND j.state = 'succeeded'
                """)
            #expect(linked == 100)

            // Nothing silently dropped: every job succeeded (with its report) or is dead with its error.
            #expect(try await database.integer("SELECT count(*) FROM jobs WHERE collection_id = \(collection)") == 103)
            let unaccounted = try await database.lines("""
                SELECT hostname || ' ' || state FROM jobs WHERE collection_id = \(collection)
                  AND NOT ((state = 'succeeded' AND report_id IS NOT NULL) OR (state = 'dead' AND last_error IS NOT NULL AND error_kind IS NOT NULL))
                """)
            #expect(unaccounted.isEmpty, "jobs neither succeeded nor dead with an error: \(unaccounted)")

            let jobs = try await database.jobRows(collection)
            for host in tarpits {
                let row = jobs[host.name] ?? []
                // state, attempts, max_attempts, error_kind, last_error
                #expect(row.count == 5 && row[0] == "dead" && row[1] == "\(Self.maxAttempts)" && row[2] == "\(Self.maxAttempts)" && row[3] == "transient",
                        "\(host.name): \(row)")
                #expect(row.last?.contains("timed out") == true, "\(host.name): last_error should say timed out: \(row)")
            }
            let refusedRow = jobs[refused.name] ?? []
            #expect(refusedRow.count == 5 && refusedRow[0] == "dead" && refusedRow[1] == "\(Self.maxAttempts)" && refusedRow[3] == "transient",
                    "refused: \(refusedRow)")
            #expect(refusedRow.last?.contains("refused") == true, "refused: last_error should say connection refused: \(refusedRow)")
        }
    }

    /// A `hosts` row written around the API whose name and address are an ssh option: the job
    /// is dead with an error naming the row, and ssh never runs it.
    @Test func hostRowThatIsAnOptionNeverReachesSSH() async throws {
        guard let binary = EndToEnd.serverBinary(), let base = EndToEnd.database(), let fleet = await E2EFleet.shared() else { return }
        let marker = "/tmp/owned-\(UUID().uuidString.prefix(12).lowercased())"
        defer { try? FileManager.default.removeItem(atPath: marker) }
        try await E2EDatabase.with(base: base.url, passwordFile: base.passwordFile) { database in
            // The scenario is a row that got there somehow (psql, a restore): lift the CHECKs that stop it.
            try await database.execute("ALTER TABLE hosts DROP CONSTRAINT hosts_name_check, DROP CONSTRAINT hosts_address_check")
            let option = "-oProxyCommand=touch \(marker)"
            let ids = [try await database.insertRawHost(name: option, address: option, port: fleet.hosts[0].port)]
                + (try await database.addHosts([("fleet-001", fleet.hosts[0].address, fleet.hosts[0].port)]))
            let collection = try await database.startCollection(of: ids, maxAttempts: Self.maxAttempts)
            try await ServerProcesses.with(binary: binary, label: "inject") { servers in
                try servers.start("worker", name: "worker", environment: fleet.workerEnvironment().merging(database.serverEnvironment) { $1 })
                let finished = try await EndToEnd.waitUntil(seconds: 120) { try await database.unfinishedJobs(collection) == 0 }
                #expect(finished, "jobs still unfinished:\n\(servers.logs())")
            }
            let jobs = try await database.jobRows(collection)
            let row = jobs[option] ?? []
            #expect(row.count == 5 && row[0] == "dead" && row[1] == "1" && row[3] == "permanent", "\(row)")
            #expect(row.last?.contains("hosts row \(ids[0])") == true && row.last?.contains("not written through the API") == true, "\(row)")
            #expect(jobs["fleet-001"]?.first == "succeeded", "the valid host of the same collection: \(jobs["fleet-001"] ?? [])")
            #expect(!FileManager.default.fileExists(atPath: marker), "\(marker) exists: the ProxyCommand ran")
        }
    }

    /// A host whose key no longer matches its known-hosts entry: dead at the first attempt
    /// (permanent), with a host key error; the other host of the collection is collected.
    @Test func changedHostKeyIsAPermanentFailure() async throws {
        guard let binary = EndToEnd.serverBinary(), let base = EndToEnd.database(), let fleet = await E2EFleet.shared() else { return }
        try await ServerProcesses.with(binary: binary, label: "hostkey") { servers in
            // A known-hosts file where the first host's entry carries another key.
            let otherKey = servers.directory + "/other_host_key"
            #expect(await ChildProcess.shell("ssh-keygen -q -t ed25519 -N '' -C other -f '\(otherKey)'") == 0)
            let replacement = try String(contentsOfFile: otherKey + ".pub", encoding: .utf8).split(separator: " ").prefix(2).joined(separator: " ")
            let changed = fleet.hosts[0]
            let entry = "[\(changed.address)]:\(changed.port) "
            let lines = try String(contentsOfFile: fleet.knownHosts, encoding: .utf8).split(separator: "\n").map { line in
                line.hasPrefix(entry) ? entry + replacement : String(line)
            }
            #expect(lines.filter { $0.hasPrefix(entry) } == [entry + replacement])
            let knownHosts = servers.directory + "/known_hosts"
            try (lines.joined(separator: "\n") + "\n").write(toFile: knownHosts, atomically: true, encoding: .utf8)

            try await E2EDatabase.with(base: base.url, passwordFile: base.passwordFile) { database in
                let ids = try await database.addHosts([("changed-key", changed.address, changed.port), ("fleet-002", fleet.hosts[1].address, fleet.hosts[1].port)])
                let collection = try await database.startCollection(of: ids, maxAttempts: Self.maxAttempts)
                try servers.start("worker", name: "worker", environment: fleet.workerEnvironment(knownHosts: knownHosts).merging(database.serverEnvironment) { $1 })
                let finished = try await EndToEnd.waitUntil(seconds: 120) { try await database.unfinishedJobs(collection) == 0 }
                #expect(finished, "jobs still unfinished:\n\(servers.logs())")
                await servers.stopAll()
                let jobs = try await database.jobRows(collection)
                let row = jobs["changed-key"] ?? []
                #expect(row.count == 5 && row[0] == "dead" && row[1] == "1" && row[3] == "permanent", "\(row)")
                #expect(row.last?.contains("host key changed") == true, "\(row)")
                #expect(jobs["fleet-002"]?.first == "succeeded", "\(jobs["fleet-002"] ?? [])")
            }
        }
    }
}
