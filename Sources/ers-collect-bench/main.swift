import ERSCollectors
import ERSFleet
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// User + system CPU seconds (getrusage(2)) of this process and of its reaped children.
func cpuSeconds() -> (own: Double, children: Double) {
    func seconds(_ who: Int32) -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(who), &usage)
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
            + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    }
    return (seconds(RUSAGE_SELF.rawValue), seconds(RUSAGE_CHILDREN.rawValue))
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("ers-collect-bench: \(message)\n".utf8))
    exit(2)
}

func readLines(_ path: String) -> [String] {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { fail("cannot read \(path)") }
    return text.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
}

func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
    guard !sorted.isEmpty else { return 0 }
    return sorted[min(sorted.count - 1, Int((Double(sorted.count) * fraction).rounded(.up)) - 1)]
}

let options: BenchOptions
switch BenchOptions.parse(Array(CommandLine.arguments.dropFirst())) {
case .success(let parsed): options = parsed
case .failure(let error):
    if !error.message.isEmpty { FileHandle.standardError.write(Data("ers-collect-bench: \(error.message)\n".utf8)) }
    print(BenchOptions.usage)
    exit(error.message.isEmpty ? 0 : 2)
}
if options.printScript {
    print(ReportScript.text(token: "0123456789abcdef0123456789abcdef"), terminator: "")
    exit(0)
}

if let file = options.parseFile {
    // Parser cost alone: parse + encode the captured report 1000 times.
    guard let raw = try? String(contentsOfFile: file, encoding: .utf8) else { fail("cannot read \(file)") }
    let before = cpuSeconds().own
    var bytes = 0
    for _ in 0..<1000 { bytes += ((try? ReportParser.parse(raw))?.jsonText.utf8.count) ?? 0 }
    print(String(format: "parse + encode: %.3f ms CPU per report (%d bytes of JSON)", (cpuSeconds().own - before), bytes / 1000))
    exit(0)
}
let directory = options.fleetDirectory
var environment: [String: String] = [:]
for line in readLines("\(directory)/fleet.env") {
    if let equals = line.firstIndex(of: "=") { environment[String(line[..<equals])] = String(line[line.index(after: equals)...]) }
}
let targets: [CollectionTarget] = readLines("\(directory)/hosts.txt").map { line in
    guard let colon = line.lastIndex(of: ":"), let port = Int(line[line.index(after: colon)...]) else { fail("bad hosts.txt line \(line)") }
    do {
        let address = try HostAddress(String(line[..<colon]))
        return CollectionTarget(name: address, address: address, port: port, transport: .ssh)
    } catch { fail("\(error)") }
}
let collector: SSHCollector
do {
    collector = try SSHCollector(configuration: SSHConfiguration(
        knownHostsFile: "\(directory)/known_hosts", identityFile: "\(directory)/id_ed25519",
        defaultUser: try environment["FLEET_USER"].map { try SSHUser($0) },
        connectTimeoutSeconds: options.connectTimeoutSeconds, overallTimeout: .seconds(options.timeoutSeconds),
        connectionReuse: options.reuse ? .init() : nil, cryptoProfile: options.crypto))
} catch { fail("\(error)") }

for round in 1...options.repeats {
    let cpuBefore = cpuSeconds()
    let started = ContinuousClock.now
    let outcomes = await BoundedConcurrency.map(targets, limit: options.concurrency) { target in
        await collector.collect(target, reportType: "system")
    }
    let elapsed = ContinuousClock.now - started
    let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let cpuAfter = cpuSeconds()
    let own = cpuAfter.own - cpuBefore.own, children = cpuAfter.children - cpuBefore.children
    let cpu = own + children
    var latencies: [Double] = []
    var failures: [String] = []
    for (target, outcome) in zip(targets, outcomes) {
        switch outcome {
        case .collected(let report): latencies.append(report.seconds)
        case .failed(let failure): failures.append("\(target.address):\(target.port) \(failure)")
        }
    }
    latencies.sort()
    let line = String(format: "round %d: %d hosts, %d collected, %d failed, concurrency %d, crypto %@%@: %.2f s wall, %.1f hosts/s, p50 %.0f ms, p99 %.0f ms, client CPU %.1f ms/host (ers %.1f + ssh %.1f)",
                      round, targets.count, latencies.count, failures.count, options.concurrency,
                      options.crypto.rawValue, options.reuse ? ", ControlMaster" : "", wall, Double(latencies.count) / wall,
                      percentile(latencies, 0.5) * 1000, percentile(latencies, 0.99) * 1000, cpu / Double(targets.count) * 1000,
                      own / Double(targets.count) * 1000, children / Double(targets.count) * 1000)
    print(line)
    for failure in failures.prefix(5) { print("  failed: \(failure)") }
}
