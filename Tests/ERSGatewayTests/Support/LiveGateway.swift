import ERSGateway
import ERSModel
import Foundation

/// A real nginx running a rendered config on loopback, in front of a fake upstream (a small
/// Python HTTP server standing in for every service: `/auth/verify` accepts `Bearer good` and
/// answers `X-User: alice`, `X-Roles: admin,reader`; every other path echoes the request as
/// JSON; `GET /_last_verify` on the upstream itself returns the last verify request).
final class LiveGateway {
    static let python: String? = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let curl: String? = ["/usr/bin/curl", "/usr/local/bin/curl"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static var available: Bool { NginxCheck.binary != nil && python != nil && curl != nil }

    let prefix: URL
    let config: NginxConfig
    let listenPort: Int
    let upstreamPort: Int
    private let nginx: Process
    private let upstream: Process

    struct Unavailable: Error, CustomStringConvertible { var description: String }

    /// A response: status, headers (names lower-cased) and body.
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: String
        var json: [String: Any]? { (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] }
    }

    init(spec baseSpec: SystemSpec, renderer: NginxConfigRenderer) throws {
        guard let nginxBinary = NginxCheck.binary, let python = LiveGateway.python else { throw Unavailable(description: "nginx or python3 missing") }
        let (prefix, paths) = try NginxCheck.makePrefix()
        self.prefix = prefix
        let script = prefix.appendingPathComponent("upstream.py")
        try LiveGateway.upstreamScript.write(to: script, atomically: true, encoding: .utf8)
        let portFile = prefix.appendingPathComponent("upstream.port")
        let upstream = Process()
        upstream.executableURL = URL(fileURLWithPath: python)
        upstream.arguments = [script.path, portFile.path]
        try upstream.run()
        let nginx = Process()
        self.upstream = upstream
        self.nginx = nginx
        do {
            let upstreamPort = try LiveGateway.waitForInt(in: portFile)
            let listenPort = try LiveGateway.freePort(python: python)
            var spec = baseSpec
            if let index = spec.services.firstIndex(where: { $0.name == spec.gateway.service }),
               let portIndex = spec.services[index].ports.firstIndex(where: { $0.name == spec.gateway.port }) {
                spec.services[index].ports[portIndex].containerPort = listenPort
            }
            let ports = Dictionary(uniqueKeysWithValues: spec.services.map { ($0.name, upstreamPort) })
            let config = try renderer.renderConfig(spec, target: .host(address: "127.0.0.1", ports: ports), paths: paths)
            let file = prefix.appendingPathComponent("nginx.conf")
            try config.text.write(to: file, atomically: true, encoding: .utf8)
            nginx.executableURL = URL(fileURLWithPath: nginxBinary)
            nginx.arguments = ["-p", prefix.path + "/", "-e", paths.errorLog, "-c", file.path, "-g", "daemon off;"]
            try nginx.run()
            self.upstreamPort = upstreamPort
            self.listenPort = listenPort
            self.config = config
        } catch {
            kill(upstream.processIdentifier, SIGKILL)
            upstream.waitUntilExit()
            throw error
        }
        for _ in 0..<100 {
            if (try? get("/healthz").status) == 200 { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        stop()
        let log = (try? String(contentsOfFile: paths.errorLog, encoding: .utf8)) ?? ""
        throw Unavailable(description: "nginx did not start: \(log)")
    }

    deinit { stop() }

    /// Stops nginx with SIGTERM (its master unblocks the signal and stops its workers) and the
    /// fake upstream with SIGKILL: children of the test runner can inherit a signal mask that
    /// blocks SIGTERM, which Python keeps.
    func stop() {
        for (process, signal) in [(nginx, SIGTERM), (upstream, SIGKILL)] where process.isRunning {
            kill(process.processIdentifier, signal)
            process.waitUntilExit()
        }
    }

    /// The JSON access log, one object per line.
    func accessLog() throws -> [[String: Any]] {
        let text = try String(contentsOf: prefix.appendingPathComponent("logs/access.log"), encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw Unavailable(description: "not a JSON object: \(line)")
            }
            return object
        }
    }

    /// The last `auth_request` subrequest the upstream saw.
    func lastVerify() throws -> [String: Any] {
        try request(url: "http://127.0.0.1:\(upstreamPort)/_last_verify").json ?? [:]
    }

    func get(_ path: String, headers: [String: String] = [:]) throws -> Response {
        try request(url: "http://127.0.0.1:\(listenPort)\(path)", headers: headers)
    }

    func post(_ path: String, headers: [String: String] = [:], bodyFile: URL) throws -> Response {
        try request(url: "http://127.0.0.1:\(listenPort)\(path)", headers: headers, extra: ["--data-binary", "@\(bodyFile.path)"])
    }

    /// Status codes of `count` GETs of `path`, sent 40 at a time.
    func statuses(_ path: String, count: Int) throws -> [Int] {
        guard let curl = LiveGateway.curl else { throw Unavailable(description: "curl missing") }
        let url = "http://127.0.0.1:\(listenPort)\(path)"
        let arguments = ["-s", "--parallel", "--parallel-max", "40", "-w", "%{http_code}\\n"] + Array(repeating: ["-o", "/dev/null", url], count: count).flatMap { $0 }
        let output = try NginxCheck.run(curl, arguments).output
        return output.split(separator: "\n").compactMap { Int($0) }
    }

    private func request(url: String, headers: [String: String] = [:], extra: [String] = []) throws -> Response {
        guard let curl = LiveGateway.curl else { throw Unavailable(description: "curl missing") }
        let headerFile = prefix.appendingPathComponent("response.headers"), bodyFile = prefix.appendingPathComponent("response.body")
        var arguments = ["-s", "-D", headerFile.path, "-o", bodyFile.path, "-w", "%{http_code}", "--max-time", "10"]
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { arguments += ["-H", "\(name): \(value)"] }
        arguments += extra + [url]
        let result = try NginxCheck.run(curl, arguments)
        var parsed: [String: String] = [:]
        for line in try String(contentsOf: headerFile, encoding: .utf8).components(separatedBy: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            parsed[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Response(status: Int(result.output) ?? 0, headers: parsed, body: try String(contentsOf: bodyFile, encoding: .utf8))
    }

    private static func waitForInt(in file: URL) throws -> Int {
        for _ in 0..<100 {
            if let text = try? String(contentsOf: file, encoding: .utf8), let value = Int(text) { return value }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw Unavailable(description: "fake upstream did not start")
    }

    private static func freePort(python: String) throws -> Int {
        let code = "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"
        let output = try NginxCheck.run(python, ["-c", code]).output
        guard let port = Int(output.trimmingCharacters(in: .whitespacesAndNewlines)) else { throw Unavailable(description: "no free port") }
        return port
    }

    static let upstreamScript = #"""
    import http.server, json, sys

    last_verify = {}

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def reply(self, status, payload, extra=()):
            data = json.dumps(payload).encode()
            self.send_response(status)
            for name, value in extra:
                self.send_header(name, value)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def handle_any(self):
            global last_verify
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            seen = {"path": self.path, "method": self.command, "body_length": len(body),
                    "headers": {k.lower(): v for k, v in self.headers.items()}}
            if self.path == "/_last_verify":
                return self.reply(200, last_verify)
            if self.path.startswith("/auth/verify"):
                last_verify = seen
                if self.headers.get("Authorization") == "Bearer good":
                    return self.reply(200, {}, [("X-User", "alice"), ("X-Roles", "admin,reader")])
                return self.reply(401, {"error": "from upstream"})
            self.reply(200, seen)

        do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = handle_any

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    with open(sys.argv[1] + ".tmp", "w") as f:
        f.write(str(server.server_address[1]))
    import os
    os.rename(sys.argv[1] + ".tmp", sys.argv[1])
    server.serve_forever()
    """#
}
