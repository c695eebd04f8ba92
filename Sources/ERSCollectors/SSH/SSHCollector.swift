import Foundation
import ERSFleet

/// Collects a report through the OpenSSH client: `ssh … -- ADDRESS sh -s` with the report
/// script on stdin (ssh(1), ssh_config(5)). ssh runs in its own session; the overall timeout
/// kills its whole process group. Never throws: failures come back as ``CollectionFailure``
/// (see ``SSHFailureClassifier`` for which are transient and which permanent).
public struct SSHCollector: Collector {
    /// The settings every collection uses (checked by ``init(configuration:)``).
    public let configuration: SSHConfiguration
    let hostKeyAlgorithms: String?

    /// - Throws: ``SSHConfigurationError`` when the control directory cannot be created or
    ///   is not private (0700, owned by this user).
    public init(configuration: SSHConfiguration) throws(SSHConfigurationError) {
        self.configuration = configuration
        self.hostKeyAlgorithms = KnownHostsKeyTypes.hostKeyAlgorithms(knownHostsFile: configuration.knownHostsFile)
        if let reuse = configuration.connectionReuse { try Self.prepareControlDirectory(reuse.directory) }
    }

    /// Collects the report from an `ssh` target (its address, port and user, else
    /// ``SSHConfiguration/defaultUser``); never throws (failures are ``CollectionFailure``s).
    public func collect(_ target: CollectionTarget, reportType: String) async -> CollectionOutcome {
        guard target.transport == .ssh else {
            return .failed(CollectionFailure(.permanent, "host \(target.name): transport is \(target.transport.rawValue), not ssh"))
        }
        return await collect(host: target.address.text, port: target.port, user: (target.sshUser ?? configuration.defaultUser)?.name,
                             reportType: reportType)
    }

    /// The arguments ssh gets for `host` (raw text: anything is placed after `--`).
    func arguments(host: String, port: Int, user: String?) -> [String] {
        SSHArguments.build(configuration, host: host, port: port, user: user, hostKeyAlgorithms: hostKeyAlgorithms)
    }

    /// Collects from `host` given as raw text. Text that begins with `-` is refused before ssh
    /// runs (a second guard besides ``HostAddress`` and `--`).
    func collect(host: String, port: Int, user: String?, reportType: String) async -> CollectionOutcome {
        guard !host.hasPrefix("-"), !host.isEmpty else {
            return .failed(CollectionFailure(.permanent, "host \(host.debugDescription) is not a valid address (empty or begins with '-'); not passed to ssh"))
        }
        guard reportType == "system" else {
            return .failed(CollectionFailure(.permanent, "unknown report type \(reportType.debugDescription); the SSH collector knows \"system\""))
        }
        guard (1...65535).contains(port) else {
            return .failed(CollectionFailure(.permanent, "ssh \(host): port \(port) is out of range 1–65535"))
        }
        let token = ReportScript.makeToken()
        var runner = ProcessRunner()
        runner.outputLimit = configuration.outputLimit
        let timeout = configuration.overallTimeout
        let result: ProcessRunner.Result
        do {
            result = try await runner.run(executable: configuration.sshExecutable, arguments: arguments(host: host, port: port, user: user),
                                          input: ReportScript.text(token: token), timeout: timeout)
        } catch {
            return .failed(Self.failure(error, host: host, port: port, timeout: timeout, executable: configuration.sshExecutable))
        }
        if result.exitCode == 255 {
            return .failed(SSHFailureClassifier.classify(standardError: result.standardError, host: host, port: port))
        }
        return ReportOutcome.make(raw: result.standardOutput, reportType: reportType, seconds: result.seconds,
                                  source: "ssh \(host) port \(port)", exitCode: result.exitCode, signal: result.signal,
                                  standardError: result.standardError)
    }

    static func failure(_ error: ProcessRunner.Failure, host: String, port: Int, timeout: Duration, executable: String) -> CollectionFailure {
        switch error {
        case .timedOut(let seconds):
            CollectionFailure(.transient, "ssh \(host) port \(port): no complete report within the overall timeout of \(timeout) (gave up after \(String(format: "%.1f", seconds)) s; ssh's process group was killed)")
        case .outputTooLarge(let limit):
            CollectionFailure(.permanent, "ssh \(host) port \(port): the report is larger than the \(limit)-byte limit (raise outputLimit if the host is legitimate)")
        case .launchFailed(let message):
            CollectionFailure(.permanent, "could not start \(executable) (install the OpenSSH client or set sshExecutable): \(message)")
        }
    }
}
