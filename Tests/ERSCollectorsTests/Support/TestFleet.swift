import Foundation
import Testing
@testable import ERSCollectors
#if canImport(Glibc)
import Glibc
#endif

/// The loopback SSH fleet of the collector tests (shared/bench/fleet-up.sh), started once
/// per test process in `/tmp/ers-fleet-collectors-tests` (port 2322, 12 hosts, 2 tarpits) and
/// stopped at exit — or an already running fleet named by `ERS_TEST_FLEET_DIR`.
/// Under CI a missing sshd or fleet script fails the test; elsewhere it is a warning.
struct TestFleet: Sendable {
    let directory: String
    let hosts: [(address: String, port: Int)]
    let tarpits: [(address: String, port: Int)]
    let refused: (address: String, port: Int)
    var knownHosts: String { directory + "/known_hosts" }
    var identity: String { directory + "/id_ed25519" }
    var user: String { ProcessInfo.processInfo.environment["USER"] ?? String(cString: getpwuid(getuid()).pointee.pw_name) }

    static let inCI: Bool = {
        guard let value = ProcessInfo.processInfo.environment["CI"]?.lowercased(), !value.isEmpty else { return false }
        return !["0", "false", "no"].contains(value)
    }()

    static let defaultDirectory = "/tmp/ers-fleet-collectors-tests"

    /// The fleet, or nil after recording why not.
    static func shared(sourceLocation: SourceLocation = #_sourceLocation) async -> TestFleet? {
        switch await Starter.shared.fleet() {
        case .success(let fleet): return fleet
        case .failure(let problem):
            Issue.record("SSH fleet unavailable: \(problem.message) — not run. Needs Debian's openssh-server and shared/bench/fleet-up.sh (or ERS_TEST_FLEET_DIR naming a running fleet).",
                         severity: inCI ? .error : .warning, sourceLocation: sourceLocation)
            return nil
        }
    }

    struct Problem: Error { let message: String }

    actor Starter {
        static let shared = Starter()
        var starting: Task<Result<TestFleet, Problem>, Never>?

        /// Starts the fleet on the first call; every caller awaits the same start (the task
        /// is stored before the first suspension, so actor reentrancy cannot start two).
        func fleet() async -> Result<TestFleet, Problem> {
            if let starting { return await starting.value }
            let task = Task { await Self.start() }
            starting = task
            return await task.value
        }

        static func start() async -> Result<TestFleet, Problem> {
            let environment = ProcessInfo.processInfo.environment
            if let given = environment["ERS_TEST_FLEET_DIR"] { return load(given) }
            guard FileManager.default.isExecutableFile(atPath: "/usr/sbin/sshd") || environment["SSHD"] != nil else {
                return .failure(Problem(message: "/usr/sbin/sshd is not installed"))
            }
            guard let script = fleetScript("fleet-up.sh") else {
                return .failure(Problem(message: "fleet-up.sh not found (set ERS_SHARED_DIR)"))
            }
            let down = fleetScript("fleet-down.sh") ?? ""
            let directory = defaultDirectory
            let command = "'\(down)' '\(directory)' >/dev/null 2>&1; FLEET_DIR='\(directory)' FLEET_PORT=2322 FLEET_TARPITS=2 '\(script)' 12 >'\(directory).log' 2>&1"
            guard await shell(command) == 0 else {
                return .failure(Problem(message: "fleet-up.sh failed; see \(directory).log"))
            }
            atexit { _ = system("'\(TestFleet.downScript)' '\(TestFleet.defaultDirectory)' >/dev/null 2>&1") }
            return load(directory)
        }

        static func load(_ directory: String) -> Result<TestFleet, Problem> {
            func endpoints(_ file: String) -> [(String, Int)] {
                let text = (try? String(contentsOfFile: "\(directory)/\(file)", encoding: .utf8)) ?? ""
                return text.split(separator: "\n").compactMap { line in
                    guard let colon = line.lastIndex(of: ":"), let port = Int(line[line.index(after: colon)...]) else { return nil }
                    return (String(line[..<colon]), port)
                }
            }
            let hosts = endpoints("hosts.txt")
            guard !hosts.isEmpty, let refused = endpoints("refused.txt").first else {
                return .failure(Problem(message: "no hosts.txt / refused.txt in \(directory)"))
            }
            return .success(TestFleet(directory: directory, hosts: hosts, tarpits: endpoints("tarpit.txt"), refused: refused))
        }
    }

    static let downScript: String = fleetScript("fleet-down.sh") ?? "/bin/false"

    /// `shared/bench/<name>`: `$ERS_SHARED_DIR/bench`, else a `shared/bench` beside an
    /// ancestor of this source file, else /work/shared/bench.
    static func fleetScript(_ name: String) -> String? {
        var candidates: [String] = []
        if let shared = ProcessInfo.processInfo.environment["ERS_SHARED_DIR"] { candidates.append("\(shared)/bench/\(name)") }
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        for _ in 0..<8 {
            directory = directory.deletingLastPathComponent()
            candidates.append(directory.appendingPathComponent("shared/bench/\(name)").path)
        }
        candidates.append("/work/shared/bench/\(name)")
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs `command` with /bin/sh (swift-subprocess: Foundation's `Process.waitUntilExit`
    /// never returns when called from a task here); its exit status, -1 when it did not finish.
    @discardableResult
    static func shell(_ command: String, timeout: Duration = .seconds(120)) async -> Int32 {
        let result = try? await ProcessRunner().run(executable: "/bin/sh", arguments: ["-c", command], input: "", timeout: timeout)
        return result?.exitCode ?? -1
    }
}
