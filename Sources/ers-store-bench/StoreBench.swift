// ers-store-bench — rows per second into the partitioned `reports` table through the worker's
// completion path (JobQueue.complete: reports INSERT … SELECT over unnest arrays + jobs UPDATE,
// one transaction per batch), in a fresh database on the test server.
// Run by scripts/bench/store-bench.sh (release build); results: docs/benchmarks.md, "Storing reports".
//
//   ers-store-bench ADMIN_URL PASSWORD_FILE [ROWS] [WRITERS] [BATCH ...]
import ERSDatabase
import ERSFleet
import ERSJobs
import ERSModel
import ERSSQL
import ERSSpec
import Foundation
import Logging
import PostgresNIO

/// Prints `line` and flushes (stdout may be a pipe).
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

struct BenchFailure: Error, CustomStringConvertible { var description: String }

@main
enum StoreBench {
    static let logger: Logger = {
        var logger = Logger(label: "ers-store-bench")
        logger.logLevel = .error
        return logger
    }()

    /// A report like the SSH collector's: parsed sections with their status, and the raw text (≈ 1.6 KB).
    static func report(_ n: Int) -> String {
        let raw = (0..<12).map { "line \($0) of section output for host-\(n): value=\($0 * 37 % 101)" }.joined(separator: "\\n")
        return #"{"host":"host-\#(n)","collected_at":"2026-01-01T00:00:00Z","sections":{"uptime":{"status":"ok","seconds":\#(n * 13)},"# +
            #""load":{"status":"ok","1m":0.42,"5m":0.37,"15m":0.30},"memory":{"status":"ok","total_kb":16318460,"available_kb":\#(9_000_000 + n)},"# +
            #""disk":{"status":"ok","mounts":[{"path":"/","used_pct":41},{"path":"/var","used_pct":63}]},"kernel":{"status":"ok","release":"6.1.0-18-amd64"}},"# +
            #""raw":"\#(raw)"}"#
    }

    static func migrate(_ url: DatabaseURL, client: PostgresClient) async throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let loaded = SpecLoader().load(path: root.appendingPathComponent("environments/base.yaml").path)
        guard let spec = loaded.spec, !loaded.hasErrors else { throw BenchFailure(description: "environments/base.yaml: \(loaded.diagnostics)") }
        let files = try PartitionDDLRenderer(asOf: YearMonth(containingUnixTime: Int64(Date().timeIntervalSince1970))).render(spec)
        for file in files {
            for statement in SQLStatementSplitter.statements(in: file.contents) {
                _ = try await client.query(PostgresQuery(unsafeSQL: statement)).collect()
            }
        }
    }

    static func withClient<T: Sendable>(_ url: DatabaseURL, connections: Int, _ body: @Sendable (PostgresClient) async throws -> T) async throws -> T {
        var configuration = try url.clientConfiguration()
        configuration.options.maximumConnections = connections
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            return try await body(client)
        }
    }

    static func drop(_ name: String, admin: DatabaseURL) async {
        _ = try? await withClient(admin, connections: 1) { client in
            _ = try await client.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")).collect()
        }
    }

    static func main() async throws {
        let arguments = CommandLine.arguments
        guard arguments.count >= 3 else {
            FileHandle.standardError.write(Data("usage: ers-store-bench ADMIN_URL PASSWORD_FILE [ROWS] [WRITERS] [BATCH ...]\n".utf8))
            exit(64)
        }
        let rows = arguments.count > 3 ? Int(arguments[3]) ?? 100_000 : 100_000
        let writers = arguments.count > 4 ? Int(arguments[4]) ?? 4 : 4
        let batches = arguments.count > 5 ? arguments[5...].compactMap { Int($0) } : [1, 50, 200, 1000]
        let admin = try DatabaseURL(parsing: arguments[1], passwordFile: arguments[2])
        let name = "ers_store_bench_\(ProcessInfo.processInfo.processIdentifier)"
        try await withClient(admin, connections: 1) { client in _ = try await client.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)")).collect() }
        var target = admin
        target.database = name
        let url = target
        say("rows=\(rows) writers=\(writers) report bytes=\(report(1).utf8.count)")
        do {
            try await withClient(url, connections: writers + 1) { client in
                try await migrate(url, client: client)
                _ = try await client.query("""
                    INSERT INTO hosts (name, address, port, transport)
                    SELECT 'host-' || n, '10.0.' || (n / 250) || '.' || (n % 250 + 1), 22, 'ssh' FROM generate_series(1, \(rows)) AS n
                    """).collect()
                let queue = JobQueue(client: client, logger: logger)
                let collections = CollectionQueue(client: client, logger: logger)
                for batch in batches {
                    let count = batch == 1 ? min(rows, 5000) : rows
                    guard case .started = try await collections.start(reportType: "system", hosts: .selector(try LabelSelector("")), requestedBy: "bench") else {
                        throw BenchFailure(description: "collection not started")
                    }
                    var claimed: [ClaimedJob] = []
                    while claimed.count < rows {
                        let next = try await queue.claim(limit: 5000, worker: "bench")
                        if next.isEmpty { break }
                        claimed += next
                    }
                    let work = Array(claimed.prefix(count))
                    let chunks = stride(from: 0, to: work.count, by: batch).map { Array(work[$0..<min($0 + batch, work.count)]) }
                    let start = ContinuousClock.now
                    let stored = try await withThrowingTaskGroup(of: Int.self) { group in
                        var next = 0
                        var total = 0
                        func add(_ group: inout ThrowingTaskGroup<Int, any Error>) {
                            let chunk = chunks[next]
                            next += 1
                            group.addTask {
                                try await queue.complete(chunk.map { ReportCompletion(jobID: $0.id, leaseToken: $0.leaseToken, json: report(Int($0.id))) }).count
                            }
                        }
                        while next < min(writers, chunks.count) { add(&group) }
                        while let done = try await group.next() {
                            total += done
                            if next < chunks.count { add(&group) }
                        }
                        return total
                    }
                    let seconds = (ContinuousClock.now - start) / .seconds(1)
                    guard stored == count else { throw BenchFailure(description: "stored \(stored) of \(count)") }
                    say(String(format: "complete  batch=%-5d rows=%-7d %7.2f s  %9.0f rows/s", batch, count, seconds, Double(count) / seconds))
                    // Leftover claimed jobs (batch 1 stores fewer) are finished off untimed so the next round starts clean.
                    let rest = Array(claimed.dropFirst(count))
                    for part in stride(from: 0, to: rest.count, by: 1000) {
                        _ = try await queue.complete(rest[part..<min(part + 1000, rest.count)].map { ReportCompletion(jobID: $0.id, leaseToken: $0.leaseToken, json: "{}") })
                    }
                }
                // The table's own ceiling: the same reports through a plain INSERT … SELECT FROM unnest (no jobs, no lease check).
                let plainBatch = batches.max() ?? 1000
                let chunks = stride(from: 0, to: rows, by: plainBatch).map { ($0, min($0 + plainBatch, rows)) }
                let plainStart = ContinuousClock.now
                try await withThrowingTaskGroup(of: Void.self) { group in
                    var next = 0
                    func add(_ group: inout ThrowingTaskGroup<Void, any Error>) {
                        let (low, high) = chunks[next]
                        next += 1
                        group.addTask {
                            let hosts = (low..<high).map { "host-\($0)" }, data = (low..<high).map { report($0) }
                            _ = try await client.query("""
                                INSERT INTO reports (hostname, report_type, data)
                                SELECT h, 'system', d::jsonb FROM unnest(\(hosts)::text[], \(data)::text[]) AS t(h, d)
                                """).collect()
                        }
                    }
                    while next < min(writers, chunks.count) { add(&group) }
                    while try await group.next() != nil { if next < chunks.count { add(&group) } }
                }
                let plainSeconds = (ContinuousClock.now - plainStart) / .seconds(1)
                say(String(format: "insert    batch=%-5d rows=%-7d %7.2f s  %9.0f rows/s  (reports only, no jobs)", plainBatch, rows, plainSeconds, Double(rows) / plainSeconds))
                let total = try await client.query("SELECT count(*)::bigint FROM reports").collect().first?.decode(Int64.self) ?? 0
                let partitions = try await client.query("SELECT count(*)::bigint FROM pg_inherits WHERE inhparent = 'reports'::regclass").collect().first?.decode(Int64.self) ?? 0
                say("reports rows=\(total) partitions=\(partitions)")
            }
        } catch {
            await drop(name, admin: admin)
            throw error
        }
        await drop(name, admin: admin)
    }
}
