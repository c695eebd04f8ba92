import ERSModel
import Foundation

/// Why a rollout command could not do what it was asked. Every case says what went wrong,
/// where (service, file, URL, command) and what to do about it.
public enum RolloutError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The spec has no service of that name.
    case unknownService(String, known: [String])
    /// The service has no blue-green or canary strategy, or no `rollout.host`.
    case notReleasable(service: String, reason: String)
    /// Another release of the service is in progress.
    case inProgress(service: String, phase: RolloutPhase, step: String, executorRunning: Bool)
    /// No release of the service is recorded in the state directory.
    case noRollout(service: String, stateDirectory: String)
    /// The release is over; the action needs one in progress.
    case finished(service: String, phase: RolloutPhase)
    /// An executor runs for the service; the action must not run beside it.
    case executorRunning(service: String)
    /// A state file cannot be read, decoded or written.
    case stateFile(path: String, reason: String)
    /// The gateway config cannot be rendered.
    case render(reasons: [String])
    /// `nginx -t` refused the rendered config.
    case configTest(file: String, output: String)
    /// nginx is not running with the settings' prefix and config.
    case nginxNotRunning(pidFile: String, command: String)
    /// `nginx -s reload` failed, or the new config did not serve in time.
    case reload(expected: String, serving: String?, detail: String)
    /// An HTTP request failed.
    case http(url: String, reason: String)
    /// The new version did not become healthy with the expected version in time.
    case unhealthy(service: String, url: String, expectedVersion: String, last: String)
    /// A deploy or stop command failed.
    case command(arguments: [String], status: Int32, output: String)
    /// A control request was not taken up by the running executor.
    case requestTimeout(service: String, action: String)

    /// What went wrong, where, and what to do.
    public var description: String {
        switch self {
        case .unknownService(let name, let known):
            "service '\(name)' is not in the spec; use one of: \(known.joined(separator: ", "))"
        case .notReleasable(let service, let reason):
            "service '\(service)' has no such release: \(reason)"
        case .inProgress(let service, let phase, let step, let running):
            "a release of '\(service)' is in progress (\(phase.rawValue), \(step); executor \(running ? "running" : "not running")); "
                + "wait for it, `ersctl rollout abort \(service)` it, `resume` it, or start with --supersede to abort it first"
        case .noRollout(let service, let directory):
            "no release of '\(service)' is recorded in \(directory); start one with `ersctl rollout start \(service) --to VERSION ENV_FILE`"
        case .finished(let service, let phase):
            "the release of '\(service)' is \(phase.rawValue); start a new one with `ersctl rollout start`"
        case .executorRunning(let service):
            "an executor is running the release of '\(service)'; use `ersctl rollout promote|abort \(service)`, which it takes up"
        case .stateFile(let path, let reason):
            "\(path): \(reason); check the state directory (--state-dir) and its permissions"
        case .render(let reasons):
            "the gateway config cannot be rendered: \(reasons.joined(separator: "; "))"
        case .configTest(let file, let output):
            "nginx -t refused \(file): \(output.trimmingCharacters(in: .whitespacesAndNewlines)); nothing was reloaded, the previous config still serves"
        case .nginxNotRunning(let pidFile, let command):
            "nginx is not running (no live process in \(pidFile)); start it with `\(command)` and run the command again"
        case .reload(let expected, let serving, let detail):
            "the reload did not take effect: /healthz serves generation \(serving ?? "unknown") instead of \(expected) (\(detail)); the previous config still serves — see nginx's error.log"
        case .http(let url, let reason):
            "GET \(url) failed: \(reason)"
        case .unhealthy(let service, let url, let version, let last):
            "the new version of '\(service)' did not become healthy as \(version) at \(url) (last: \(last)); check its deploy command and logs, or raise rollout.host.startTimeoutSeconds"
        case .command(let arguments, let status, let output):
            "`\(arguments.joined(separator: " "))` exited with status \(status): \(output.suffix(2000).trimmingCharacters(in: .whitespacesAndNewlines))"
        case .requestTimeout(let service, let action):
            "the executor of '\(service)' did not take up \(action) in time; check it runs (`ersctl rollout status \(service)`)"
        }
    }
}
