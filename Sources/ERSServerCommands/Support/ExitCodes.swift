import ArgumentParser

/// sysexits(3) codes the commands use.
enum ExitCodes {
    /// EX_USAGE: bad input (a password that breaks the policy, an unknown user).
    static let usage = ExitCode(64)
    /// EX_UNAVAILABLE: a service (PostgreSQL, Redis, the HTTP endpoint) could not be used.
    static let unavailable = ExitCode(69)
    /// EX_CONFIG: a missing or wrong setting.
    static let configuration = ExitCode(78)
}
