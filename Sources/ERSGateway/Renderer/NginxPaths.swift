/// Where the running nginx keeps its pid file, temp files and logs. The default fits the
/// nginx-unprivileged container with a read-only root filesystem and `/tmp` as an emptyDir or
/// tmpfs: logs go to the container's stdout and stderr.
public struct NginxPaths: Sendable, Hashable {
    /// `pid`: the master's pid file (default `/tmp/nginx.pid`).
    public var pidFile: String
    /// Directory for `client_body_temp_path`, `proxy_temp_path` and the other temp paths
    /// (default `/tmp`); nginx creates the subdirectories.
    public var tempDirectory: String
    /// `access_log` target of the JSON log `ers_json` (default `/dev/stdout`); the rollout
    /// executor points it at a file it reads.
    public var accessLog: String
    /// `error_log` target (default `/dev/stderr`), level `warn`.
    public var errorLog: String

    /// Creates paths; every path must be absolute.
    public init(pidFile: String = "/tmp/nginx.pid", tempDirectory: String = "/tmp", accessLog: String = "/dev/stdout", errorLog: String = "/dev/stderr") {
        self.pidFile = pidFile
        self.tempDirectory = tempDirectory
        self.accessLog = accessLog
        self.errorLog = errorLog
    }

    /// The container layout (the defaults).
    public static let container = NginxPaths()
}
