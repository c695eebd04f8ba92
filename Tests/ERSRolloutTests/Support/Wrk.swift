import Foundation

/// wrk (Debian's 4.1) as the load generator of a whole release: started before it, stopped
/// after it by a stop file its Lua script checks every 50 responses (signals are unreliable:
/// the test runner's children may inherit a blocked signal mask), with a hard bound by `-d`.
/// The Lua `done` hook writes the summary as JSON.
final class Wrk {
    /// wrk's counts: requests, socket errors (connect, read, write, timeout) and responses
    /// with a status other than 2xx/3xx.
    struct Summary: Decodable, CustomStringConvertible {
        var requests: Int
        var connect: Int
        var read: Int
        var write: Int
        var status: Int
        var timeout: Int

        /// Connections that broke (resets, closed while a request was on the wire).
        var socketErrors: Int { connect + read + write + timeout }
        var description: String {
            "\(requests) requests, non-2xx/3xx \(status), socket errors: connect \(connect), read \(read), write \(write), timeout \(timeout)"
        }
    }

    private let process = Process()
    private let stopFile: URL
    private let resultFile: URL

    static let script = #"""
    local stopfile = os.getenv("ERS_WRK_STOP")
    local counter = 0
    function response(status, headers, body)
      counter = counter + 1
      if counter % 50 == 0 then
        local f = io.open(stopfile, "r")
        if f then f:close(); wrk.thread:stop() end
      end
    end
    function done(summary, latency, requests)
      local e = summary.errors
      local f = io.open(os.getenv("ERS_WRK_RESULT"), "w")
      f:write(string.format('{"requests":%d,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d}',
        summary.requests, e.connect, e.read, e.write, e.status, e.timeout))
      f:close()
    end
    """#

    /// Starts wrk against `url` with `connections` keep-alive connections on 2 threads, for at
    /// most `maxSeconds`.
    init(binary: String, url: String, directory: URL, connections: Int = 16, maxSeconds: Int = 240, extraHeader: String? = nil) throws {
        let script = directory.appendingPathComponent("wrk-\(UUID().uuidString).lua")
        stopFile = directory.appendingPathComponent("wrk-stop-\(UUID().uuidString)")
        resultFile = directory.appendingPathComponent("wrk-result-\(UUID().uuidString).json")
        try Wrk.script.write(to: script, atomically: true, encoding: .utf8)
        process.executableURL = URL(fileURLWithPath: binary)
        var arguments = ["-t", "2", "-c", "\(connections)", "-d", "\(maxSeconds)s", "--timeout", "5s", "-s", script.path]
        if let extraHeader { arguments += ["-H", extraHeader] }
        process.arguments = arguments + [url]
        var environment = ProcessInfo.processInfo.environment
        environment["ERS_WRK_STOP"] = stopFile.path
        environment["ERS_WRK_RESULT"] = resultFile.path
        process.environment = environment
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
    }

    /// Stops wrk (within a second or so) and returns its summary.
    func stop() async throws -> Summary {
        FileManager.default.createFile(atPath: stopFile.path, contents: Data())
        let deadline = ContinuousClock.now + .seconds(30)
        while process.isRunning && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            throw LiveRequirements.Unavailable(description: "wrk did not stop")
        }
        return try JSONDecoder().decode(Summary.self, from: Data(contentsOf: resultFile))
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}
