public import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The executor's state directory (`--state-dir`, default `.ersctl/rollouts` in the working
/// directory):
///
/// - `gateway.json`: ``HostGatewayState`` (spec, nginx settings, every service's split);
///   `gateway.lock` while it changes and the gateway reloads;
/// - `rollouts/<service>.json`: the service's ``RolloutRecord``; `rollouts/<service>.lock`
///   held by its executor while it runs; `rollouts/<service>.request`: a ``ControlRequest``
///   for the running executor;
/// - `logs/`: output of deploy and stop commands.
///
/// Every file is written atomically (a temporary file in the same directory, flushed, renamed
/// over the old one, directory flushed), so a reader never sees half a file, and a crash leaves
/// the old or the new version.
public struct StateDirectory: Sendable, Hashable {
    /// The directory.
    public var url: URL

    /// A state directory at `path`.
    public init(path: String) {
        url = URL(fileURLWithPath: path, isDirectory: true)
    }

    var gatewayFile: URL { url.appendingPathComponent("gateway.json") }
    var gatewayLock: String { url.appendingPathComponent("gateway.lock").path }
    func recordFile(_ service: String) -> URL { url.appendingPathComponent("rollouts/\(service).json") }
    func executorLock(_ service: String) -> String { url.appendingPathComponent("rollouts/\(service).lock").path }
    func requestFile(_ service: String) -> URL { url.appendingPathComponent("rollouts/\(service).request") }
    func logFile(_ name: String) -> URL { url.appendingPathComponent("logs/\(name).log") }

    /// Creates the directory and its `rollouts/` and `logs/`.
    /// - Throws: ``RolloutError/stateFile(path:reason:)``.
    func prepare() throws(RolloutError) {
        for sub in ["rollouts", "logs"] {
            do {
                try FileManager.default.createDirectory(at: url.appendingPathComponent(sub), withIntermediateDirectories: true)
            } catch {
                throw .stateFile(path: url.appendingPathComponent(sub).path, reason: "cannot create it (\(error.localizedDescription))")
            }
        }
    }

    /// The service's release record, nil when none was recorded.
    /// - Throws: ``RolloutError/stateFile(path:reason:)`` when it exists but cannot be read.
    public func record(of service: String) throws(RolloutError) -> RolloutRecord? {
        try read(RolloutRecord.self, from: recordFile(service))
    }

    /// The host gateway's state, nil before the first release.
    /// - Throws: ``RolloutError/stateFile(path:reason:)`` when it exists but cannot be read.
    public func gatewayState() throws(RolloutError) -> HostGatewayState? {
        try read(HostGatewayState.self, from: gatewayFile)
    }

    func write(_ record: RolloutRecord) throws(RolloutError) {
        try write(record, to: recordFile(record.service))
    }

    func write(_ state: HostGatewayState) throws(RolloutError) {
        try write(state, to: gatewayFile)
    }

    /// The pending control request of `service`, if any.
    func request(of service: String) -> ControlRequest? {
        try? read(ControlRequest.self, from: requestFile(service))
    }

    /// Leaves a control request for the running executor of `request.service`.
    func post(_ request: ControlRequest) throws(RolloutError) {
        try write(request, to: requestFile(request.service))
    }

    /// Removes the control request of `service`.
    func clearRequest(of service: String) {
        try? FileManager.default.removeItem(at: requestFile(service))
    }

    private func read<T: Decodable>(_ type: T.Type, from file: URL) throws(RolloutError) -> T? {
        guard FileManager.default.fileExists(atPath: file.path) else { return nil }
        do {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            return try decoder.decode(type, from: Data(contentsOf: file))
        } catch {
            throw .stateFile(path: file.path, reason: "cannot read it (\(error)); restore it from a backup or remove it to start over")
        }
    }

    /// Writes `value` as JSON to `file` atomically: temporary file, `fsync`, `rename`,
    /// `fsync` of the directory.
    private func write<T: Encodable>(_ value: T, to file: URL) throws(RolloutError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let data: Data
        do {
            data = try encoder.encode(value) + Data("\n".utf8)
        } catch {
            throw .stateFile(path: file.path, reason: "cannot encode it (\(error))")
        }
        let temporary = file.deletingLastPathComponent().appendingPathComponent(".\(file.lastPathComponent).\(getpid()).tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .stateFile(path: temporary.path, reason: "cannot create it (\(String(cString: strerror(errno))))") }
        let written = data.withUnsafeBytes { posixWrite(descriptor, $0.baseAddress, $0.count) }
        let synced = fsync(descriptor) == 0
        close(descriptor)
        guard written == data.count, synced, rename(temporary.path, file.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary.path)
            throw .stateFile(path: file.path, reason: "cannot write it (\(reason))")
        }
        let directory = open(file.deletingLastPathComponent().path, O_RDONLY | O_CLOEXEC)
        if directory >= 0 {
            fsync(directory)
            close(directory)
        }
    }
}

/// `write(2)`, out of reach of the `write` methods above.
private func posixWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(descriptor, buffer, count)
    #else
    Darwin.write(descriptor, buffer, count)
    #endif
}
