import ArgumentParser

/// ersctl-db's exit codes (docs/cli.md); 64 and 69 follow BSD sysexits.h.
enum DatabaseExitCode {
    /// Something failed.
    static let failure = ExitCode(1)
    /// `status`: work is pending.
    static let pending = ExitCode(3)
    /// Bad command line (EX_USAGE).
    static let usage = ExitCode(64)
    /// The database cannot be reached, or the schema lock stayed busy (EX_UNAVAILABLE).
    static let unavailable = ExitCode(69)
}
