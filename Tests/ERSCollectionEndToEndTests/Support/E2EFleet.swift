import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The loopback SSH fleet of the end-to-end tests (shared/bench/fleet-up.sh): 100 hosts on
/// 127.0.0.2… port 2722 (10 sshd processes), 2 tarpits and one refused endpoint, in
/// `/tmp/ers-fleet-e2e`; started once per test process and stopped at exit (fleet-down.sh).
/// `ERS_TEST_E2E_FLEET_DIR` names an already running fleet of at least 100 hosts instead.
/// (A minimal copy of Tests/ERSCollectorsTests/Support/TestFleet.swift, which that target keeps.)
struct E2EFleet: Sendable {
    struct Endpoint: Sendable, Hashable { var address: String; var port: Int }

    let directory: String
    let hosts: [Endpoint]
    let tarpits: [Endpoint]
    let refused: Endpoint
    var knownHosts: String { directory + "/known_hosts" }
    var identity: String { directory + "/id_ed25519" }
    var user: String { String(cString: getpwuid(getuid()).pointee.pw_name) }

    static let size = 100
    static let defaultDirectory = "/tmp/ers-fleet-e2e"

    /// The fleet, or nil after recording why not (an error under CI).
    static func shared(sourceLocation: SourceLocation = #_sourceLocation) async -> E2EFleet? {
        switch await Starter.shared.fleet() {
        case .success(let fleet): return fleet
        case .failure(let problem):
            EndToEnd.report("SSH fleet unavailable: \(problem.description). Needs Debian's openssh-server (scripts/install-deps.sh) and shared/bench/fleet-up.sh",
                            sourceLocation: sourceLocation)
            return nil
        }
    }

    struct Problem: Error, CustomStringConvertible { var description: String }

    /// Starts the fleet once; every caller awaits the same start.
    actor Starter {
        static let shared = Starter()
        var starting: Task<Result<E2EFleet, Problem>, Never>?

        func fleet() async -> Result<E2EFleet, Problem> {
            if let starting { return await starting.value }
            let task = Task { await Self.start() }
            starting = task
            return await task.value
        }

        static func start() async -> Result<E2EFleet, Problem> {
            if let given = EndToEnd.environment["ERS_TEST_E2E_FLEET_DIR"] { return load(given) }
            let sshd = EndToEnd.environment["ERS_TEST_SSHD"] ?? "/usr/sbin/sshd"
            guard FileManager.default.isExecutableFile(atPath: sshd) else { return .failure(Problem(description: "\(sshd) is not installed")) }
            guard let up = script("fleet-up.sh"), let down = script("fleet-down.sh") else {
                return .failure(Problem(description: "shared/bench/fleet-up.sh not found (set ERS_SHARED_DIR)"))
            }
            let directory = defaultDirectory
            let command = "'\(down)' '\(directory)' >/dev/null 2>&1; SSHD='\(sshd)' FLEET_DIR='\(directory)' FLEET_PORT=2722 FLEET_PER_SSHD=10 FLEET_TARPITS=2 '\(up)' \(size) >'\(directory).log' 2>&1"
            guard await ChildProcess.shell(command, timeout: 180) == 0 else {
                return .failure(Problem(description: "fleet-up.sh failed; see \(directory).log"))
            }
            atexit { _ = system("'\(E2EFleet.downScript)' '\(E2EFleet.defaultDirectory)' >/dev/null 2>&1") }
            return load(directory)
        }

        static func load(_ directory: String) -> Result<E2EFleet, Problem> {
            func endpoints(_ file: String) -> [Endpoint] {
                let text = (try? String(contentsOfFile: "\(directory)/\(file)", encoding: .utf8)) ?? ""
                return text.split(separator: "\n").compactMap { line in
                    guard let colon = line.lastIndex(of: ":"), let port = Int(line[line.index(after: colon)...]) else { return nil }
                    return Endpoint(address: String(line[..<colon]), port: port)
                }
            }
            let hosts = endpoints("hosts.txt"), tarpits = endpoints("tarpit.txt")
            guard hosts.count >= size, tarpits.count >= 2, let refused = endpoints("refused.txt").first else {
                return .failure(Problem(description: "\(directory) has fewer than \(size) hosts, 2 tarpits or no refused endpoint"))
            }
            return .success(E2EFleet(directory: directory, hosts: Array(hosts.prefix(size)), tarpits: tarpits, refused: refused))
        }
    }

    static let downScript: String = script("fleet-down.sh") ?? "/bin/false"

    /// `shared/bench/<name>`: `$ERS_SHARED_DIR/bench`, else a `shared/bench` beside an ancestor
    /// of the repository (a worktree), else /work/shared/bench.
    static func script(_ name: String) -> String? {
        var candidates: [String] = []
        if let shared = EndToEnd.environment["ERS_SHARED_DIR"] { candidates.append("\(shared)/bench/\(name)") }
        var directory = EndToEnd.repositoryRoot
        for _ in 0..<5 {
            directory = directory.deletingLastPathComponent()
            candidates.append(directory.appendingPathComponent("shared/bench/\(name)").path)
        }
        candidates.append("/work/shared/bench/\(name)")
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The environment of an `ers-server worker` collecting from this fleet with small
    /// timeouts, backoff and poll intervals (`knownHosts`: another known-hosts file).
    func workerEnvironment(knownHosts: String? = nil) -> [String: String] {
        [
            "HTTP_HOST": "127.0.0.1", "HTTP_PORT": String(EndToEnd.freePort()), "LOG_LEVEL": "info",
            "SSH_KNOWN_HOSTS_FILE": knownHosts ?? self.knownHosts, "SSH_PRIVATE_KEY_FILE": identity, "SSH_USER": user,
            "SSH_CONNECT_TIMEOUT_SECONDS": "2", "COLLECT_TIMEOUT_SECONDS": "60",
            "WORKER_CONCURRENCY": "8", "WORKER_LEASE_SECONDS": "30", "WORKER_POLL_SECONDS": "1", "WORKER_RESCUE_SECONDS": "1",
            "JOB_RETRY_BASE_SECONDS": "1", "JOB_RETRY_CAP_SECONDS": "1", "BREAKER_FAILURES": "1000", "SHUTDOWN_GRACE_SECONDS": "5",
        ]
    }
}
