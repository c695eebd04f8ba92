import ERSGateway
import Foundation

/// Runs the real `nginx -t` (Debian's package) on a config inside a private prefix.
enum NginxCheck {
    /// The nginx binary, or nil when nginx is not installed.
    static let binary: String? = ["/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Whether a private mount namespace can stub `/etc/hosts` (root with `unshare`).
    static let canStubHosts: Bool = {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare") else { return false }
        return (try? run("/usr/bin/unshare", ["-m", "sh", "-c", "mount --bind /etc/hosts /etc/hosts"]).status) == 0
    }()

    /// A fresh prefix directory with `logs/` and `tmp/`, and the paths that keep nginx inside it.
    static func makePrefix() throws -> (url: URL, paths: NginxPaths) {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ers-nginx-\(UUID().uuidString)")
        for sub in ["logs", "tmp"] {
            try FileManager.default.createDirectory(at: url.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        let paths = NginxPaths(
            pidFile: url.appendingPathComponent("nginx.pid").path, tempDirectory: url.appendingPathComponent("tmp").path,
            accessLog: url.appendingPathComponent("logs/access.log").path, errorLog: url.appendingPathComponent("logs/error.log").path)
        return (url, paths)
    }

    /// `nginx -t` on `config` in `prefix`; with `hosts`, inside a mount namespace where
    /// `/etc/hosts` maps those names to 127.0.0.1. Returns the exit status and output.
    static func test(_ config: String, prefix: URL, hosts: [String] = []) throws -> (status: Int32, output: String) {
        guard let binary else { return (127, "nginx not installed") }
        let file = prefix.appendingPathComponent("nginx.conf")
        try config.write(to: file, atomically: true, encoding: .utf8)
        let arguments = ["-t", "-q", "-p", prefix.path + "/", "-e", prefix.appendingPathComponent("logs/error.log").path, "-c", file.path]
        if hosts.isEmpty { return try run(binary, arguments) }
        let hostsFile = prefix.appendingPathComponent("hosts")
        let original = (try? String(contentsOfFile: "/etc/hosts", encoding: .utf8)) ?? ""
        try (original + hosts.map { "127.0.0.1 \($0)\n" }.joined()).write(to: hostsFile, atomically: true, encoding: .utf8)
        let script = #"mount --bind "$1" /etc/hosts && shift && exec "$@""#
        return try run("/usr/bin/unshare", ["-m", "sh", "-c", script, "sh", hostsFile.path, binary] + arguments)
    }

    /// Runs a program to completion, returning its status and combined output.
    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
