import ArgumentParser

/// ersctl's exit codes (docs/cli.md). 64 and 74 follow BSD sysexits.h.
enum ExitCodes {
    /// The spec has errors.
    static let specInvalid = ExitCode(1)
    /// `diff` found changes.
    static let changes = ExitCode(3)
    /// `diff` found changes that Kubernetes refuses to apply in place.
    static let refusedChanges = ExitCode(4)
    /// A file could not be read or written (EX_IOERR).
    static let ioError = ExitCode(74)
}
