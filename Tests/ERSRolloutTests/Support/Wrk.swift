import Foundation

@testable import ERSRollout

/// wrk (Debian's 4.1) as the load generator of a whole release: started before it, stopped
/// after it with SIGINT (wrk then prints and reports as at the end of its duration; the child
/// starts with a clean signal mask, see `ChildProcess`), with a hard bound by `-d`. The Lua
/// `done` hook writes the summary as JSON.
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

    private let process: ChildProcess
    private let resultFile: URL

    static let script = #"""
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
        resultFile = directory.appendingPathComponent("wrk-result-\(UUID().uuidString).json")
        try Wrk.script.write(to: script, atomically: true, encoding: .utf8)
        var arguments = [binary, "-t", "2", "-c", "\(connections)", "-d", "\(maxSeconds)s", "--timeout", "5s", "-s", script.path]
        if let extraHeader { arguments += ["-H", extraHeader] }
        process = try ChildProcess(
            arguments + [url], environment: ["ERS_WRK_RESULT": resultFile.path],
            outputPath: directory.appendingPathComponent("wrk.out").path)
    }

    /// Stops wrk (within a second or so) and returns its summary.
    func stop() async throws -> Summary {
        process.signal(SIGINT)
        let (_, timedOut) = await process.wait(timeout: .seconds(30))
        if timedOut { throw LiveRequirements.Unavailable(description: "wrk did not stop") }
        return try JSONDecoder().decode(Summary.self, from: Data(contentsOf: resultFile))
    }

    deinit {
        process.signal(SIGKILL)
        _ = process.poll()
    }
}
