import ArgumentParser

/// ersctl's exit codes (docs/cli.md). 64 and 74 follow BSD sysexits.h.
enum ExitCodes {
    /// The spec has errors.
    static let specInvalid = ExitCode(1)
    /// `diff` found changes.
    static let changes = ExitCode(3)
    /// `diff` found changes that Kubernetes refuses to apply in place.
    static let refusedChanges = ExitCode(4)
    /// `rollout`: the release ended aborted (a breached gate, an unhealthy new version, an
    /// operator's abort).
    static let rolloutAborted = ExitCode(5)
    /// `rollout`: refused: another release is in progress, an executor runs, or there is no
    /// release to act on.
    static let rolloutRefused = ExitCode(6)
    /// `rollout`: the release failed (gateway reload, deploy or stop command, state file).
    static let rolloutFailed = ExitCode(7)
    /// A file could not be read or written (EX_IOERR).
    static let ioError = ExitCode(74)
}
