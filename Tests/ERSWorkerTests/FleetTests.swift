@testable import ERSCollectors
import ERSFleet
import ERSJobs
import ERSWorker
import Foundation
import Testing

/// The worker with the real SSH collector against a loopback OpenSSH fleet
/// (/work/shared/bench/fleet-up.sh: 20 hosts, 2 tarpits, one refused endpoint) and the real
/// PostgreSQL. Missing sshd or fleet script: a failure under CI, a warning elsewhere.
@Suite("Worker against an SSH fleet (real PostgreSQL and OpenSSH)", .serialized)
struct FleetTests {
    static let directory = "/tmp/ers-fleet-worker-tests"

    static func fleetScript(_ name: String) -> String? {
        let shared = ProcessInfo.processInfo.environment["ERS_SHARED_DIR"].map { "\($0)/bench/\(name)" }
        return [shared, "/work/shared/bench/\(name)"].compactMap { $0 }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Starts `count` fleet hosts in `directory` (stopping any left there first) with
    /// fleet-up.sh's `environment` settings (e.g. `FLEET_PORT=2622 FLEET_TARPITS=2`); its
    /// output goes to `<directory>.log`. The caller stops them (`fleet-down.sh directory`).
    static func startFleet(up: String, down: String, directory: String, environment: String, count: Int) async throws {
        let start = try await ProcessRunner().run(executable: "/bin/sh", arguments: ["-c", """
            '\(down)' '\(directory)' >/dev/null 2>&1; FLEET_DIR='\(directory)' \(environment) '\(up)' \(count) >'\(directory).log' 2>&1
            """], input: "", timeout: .seconds(180))
        try #require(start.exitCode == 0, "fleet-up.sh failed; see \(directory).log")
    }

    /// The `address:port` lines of a fleet file (`hosts.txt`, `tarpit.txt`, `refused.txt`).
    static func lines(_ file: String, in directory: String = directory) -> [(String, Int)] {
        let text = (try? String(contentsOfFile: "\(directory)/\(file)", encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            guard let colon = line.lastIndex(of: ":"), let port = Int(line[line.index(after: colon)...]) else { return nil }
            return (String(line[..<colon]), port)
        }
    }

    /// The `ers-server` built beside the test runner.
    static var ersServer: String? {
        let runner = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var directory = URL(fileURLWithPath: runner).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("ers-server").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return nil
    }

    @Test("kill -9 of an `ers-server worker` in the middle of a collection: its jobs are rescued and finished by another worker, one report per host")
    func killedWorker() async throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/sbin/sshd"), let up = Self.fleetScript("fleet-up.sh"),
              let down = Self.fleetScript("fleet-down.sh"), let server = Self.ersServer
        else {
            Issue.record("sshd, fleet-up.sh or ers-server missing — not run", severity: ProcessInfo.processInfo.environment["CI"] != nil ? .error : .warning)
            return
        }
        let directory = Self.directory + "-kill"
        defer { _ = system("'\(down)' '\(directory)' >/dev/null 2>&1") }
        try await Self.startFleet(up: up, down: down, directory: directory, environment: "FLEET_PORT=2623", count: 30)
        let hosts = Self.lines("hosts.txt", in: directory)
        let user = ProcessInfo.processInfo.environment["USER"] ?? "root"
        try await JobsDatabase.with { db in
            let values = hosts.enumerated().map { "('fleet-\($0.offset)', '\($0.element.0)', \($0.element.1), 'ssh')" }
            try await db.execute("INSERT INTO hosts (name, address, port, transport) VALUES \(values.joined(separator: ", "))")
            _ = try await db.collections().start(reportType: "system", hosts: .selector(try LabelSelector("")), requestedBy: "test")

            var environment = ProcessInfo.processInfo.environment
            environment["DATABASE_URL"] = db.urlText
            environment["DATABASE_PASSWORD_FILE"] = ProcessInfo.processInfo.environment["ERS_TEST_DATABASE_PASSWORD_FILE"]
            environment["HTTP_PORT"] = "0"
            environment["LOG_LEVEL"] = "error"
            environment["WORKER_ID"] = "doomed"
            environment["WORKER_CONCURRENCY"] = "2"
            environment["WORKER_LEASE_SECONDS"] = "5"
            environment["SSH_KNOWN_HOSTS_FILE"] = "\(directory)/known_hosts"
            environment["SSH_PRIVATE_KEY_FILE"] = "\(directory)/id_ed25519"
            environment["SSH_USER"] = user
            let process = Process()
            process.executableURL = URL(fileURLWithPath: server)
            process.arguments = ["worker"]
            process.environment = environment
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let deadline = ContinuousClock.now + .seconds(120)
            while ContinuousClock.now < deadline, try await db.integer("SELECT count(*) FROM reports") < 3 {
                try await Task.sleep(for: .milliseconds(50))
            }
            let running = try await db.integer("SELECT count(*) FROM jobs WHERE state = 'running' AND leased_by = 'doomed'")
            kill(process.processIdentifier, SIGKILL)
            // Wait for the exit by waitpid(2) as well: in a process where swift-subprocess runs,
            // Foundation may never see SIGCHLD (its isRunning stays true), so poll with a deadline.
            let killed = process.processIdentifier, until = ContinuousClock.now + .seconds(30)
            var status: Int32 = 0
            while ContinuousClock.now < until, process.isRunning {
                let reaped = waitpid(killed, &status, WNOHANG)
                if reaped == killed || (reaped == -1 && errno == ECHILD) { break }
                try await Task.sleep(for: .milliseconds(20))
            }
            let storedByDoomed = try await db.integer("SELECT count(*) FROM reports")
            #expect(running > 0, "the worker was not in the middle of the collection")
            #expect(storedByDoomed < hosts.count)

            let options = QueueOptions(leaseSeconds: 5, backoffBaseSeconds: 0.2, backoffCapSeconds: 0.5)
            let ssh = try SSHCollector(configuration: SSHConfiguration(
                knownHostsFile: "\(directory)/known_hosts", identityFile: "\(directory)/id_ed25519", defaultUser: try SSHUser(user),
                connectTimeoutSeconds: 5, overallTimeout: .seconds(30)))
            let worker = Worker(queue: db.queue(options), collectors: CollectorSet([.ssh: ssh]),
                                configuration: WorkerConfiguration(workerID: "survivor", concurrency: 4, queue: options, pollSeconds: 1, rescueSeconds: 1),
                                listenURL: db.url, drainSeconds: 5, logger: JobsDatabase.logger)
            let task = Task { try await worker.run() }
            let again = ContinuousClock.now + .seconds(180)
            while ContinuousClock.now < again, try await db.integer("SELECT count(*) FROM jobs WHERE state = 'succeeded'") < hosts.count {
                try await Task.sleep(for: .milliseconds(200))
            }
            worker.stop()
            try await task.value
            #expect(try await db.integer("SELECT count(*) FROM jobs WHERE state = 'succeeded'") == hosts.count)
            #expect(try await db.integer("SELECT count(*) FROM reports") == hosts.count, "a host has more or fewer than one report")
            #expect(try await db.integer("SELECT count(DISTINCT hostname) FROM reports") == hosts.count)
            #expect(try await db.integer("SELECT count(*) FROM jobs WHERE attempts = 2 AND leased_by = 'survivor'") >= running,
                    "the killed worker's jobs were not rescued")
        }
    }

    @Test("20 hosts stored and parsed once each; tarpits time out; the refused host is retried then dead; an -oProxyCommand row never reaches ssh")
    func fleetCollection() async throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/sbin/sshd"), let up = Self.fleetScript("fleet-up.sh"),
              let down = Self.fleetScript("fleet-down.sh")
        else {
            Issue.record("sshd or fleet-up.sh missing — not run", severity: ProcessInfo.processInfo.environment["CI"] != nil ? .error : .warning)
            return
        }
        defer { _ = system("'\(down)' '\(Self.directory)' >/dev/null 2>&1") }
        try await Self.startFleet(up: up, down: down, directory: Self.directory, environment: "FLEET_PORT=2622 FLEET_TARPITS=2", count: 20)
        let hosts = Self.lines("hosts.txt"), tarpits = Self.lines("tarpit.txt")
        let refused = try #require(Self.lines("refused.txt").first)
        let marker = "/tmp/ers-owned-\(UUID().uuidString)"
        let user = ProcessInfo.processInfo.environment["USER"] ?? "root"

        try await JobsDatabase.with { db in
            try await db.execute("ALTER TABLE hosts DROP CONSTRAINT hosts_address_check")
            var values: [String] = []
            for (index, host) in hosts.enumerated() { values.append("('fleet-\(index)', '\(host.0)', \(host.1), 'ssh')") }
            for (index, host) in tarpits.enumerated() { values.append("('tarpit-\(index)', '\(host.0)', \(host.1), 'ssh')") }
            values.append("('refused', '\(refused.0)', \(refused.1), 'ssh')")
            values.append("('evil', '-oProxyCommand=touch \(marker)', 22, 'ssh')")
            try await db.execute("INSERT INTO hosts (name, address, port, transport) VALUES \(values.joined(separator: ", "))")
            _ = try await db.collections(maxAttempts: 2).start(reportType: "system", hosts: .selector(try LabelSelector("")), requestedBy: "test")

            let ssh = try SSHCollector(configuration: SSHConfiguration(
                knownHostsFile: "\(Self.directory)/known_hosts", identityFile: "\(Self.directory)/id_ed25519", defaultUser: try SSHUser(user),
                connectTimeoutSeconds: 2, overallTimeout: .seconds(20)))
            let options = QueueOptions(backoffBaseSeconds: 0.2, backoffCapSeconds: 0.5)
            let configuration = WorkerConfiguration(workerID: "fleet-worker", concurrency: 8, queue: options, pollSeconds: 1, rescueSeconds: 5,
                                                    breakerFailures: 100)
            let worker = Worker(queue: db.queue(options), collectors: CollectorSet([.ssh: ssh]), configuration: configuration,
                                listenURL: db.url, drainSeconds: 5, logger: JobsDatabase.logger)
            let total = hosts.count + tarpits.count + 2
            let started = ContinuousClock.now
            let task = Task { try await worker.run() }
            while ContinuousClock.now - started < .seconds(240) {
                if try await db.integer("SELECT count(*) FROM jobs WHERE state IN ('succeeded', 'dead')") == total { break }
                try await Task.sleep(for: .milliseconds(200))
            }
            worker.stop()
            try await task.value
            print("fleet collection of \(total) jobs finished in \(ContinuousClock.now - started)")

            #expect(try await db.integer("SELECT count(*) FROM jobs WHERE state IN ('succeeded', 'dead')") == total, "nothing may be left unfinished")
            #expect(try await db.integer("SELECT count(*) FROM reports") == hosts.count)
            #expect(try await db.integer("SELECT count(DISTINCT hostname) FROM reports WHERE hostname LIKE 'fleet-%'") == hosts.count)
            #expect(try await db.integer("SELECT count(*) FROM reports WHERE data->>'complete' = 'true' AND data->'sections'->'identity'->>'status' = 'ok'") == hosts.count,
                    "every report parsed")
            let dead = try await db.lines("SELECT hostname, attempts::text, error_kind, last_error FROM jobs WHERE state = 'dead' ORDER BY hostname")
            #expect(dead.count == tarpits.count + 2)
            for line in dead where line.hasPrefix("tarpit-") {
                #expect(line.contains("|2|transient|"), "\(line)")
                #expect(line.lowercased().contains("timed out") || line.lowercased().contains("timeout"), "\(line)")
            }
            let refusedLine = dead.first { $0.hasPrefix("refused|") } ?? ""
            #expect(refusedLine.hasPrefix("refused|2|transient|") && refusedLine.lowercased().contains("refused"), "\(refusedLine)")
            let evil = dead.first { $0.hasPrefix("evil|") } ?? ""
            #expect(evil.hasPrefix("evil|1|permanent|hosts row") && evil.contains("begins with '-'"), "\(evil)")
            #expect(!FileManager.default.fileExists(atPath: marker), "the -oProxyCommand row reached ssh")
        }
    }
}
