public import ERSGateway
import Foundation

/// Where the host's nginx runs and how the executor drives it. Given to the first
/// `ersctl rollout start` (options `--nginx-prefix`, `--nginx-conf`, `--nginx-binary`,
/// `--gateway-url`) and kept in the state directory for every later command.
public struct HostGatewaySettings: Sendable, Hashable, Codable {
    /// The nginx binary (default `/usr/sbin/nginx`).
    public var nginxBinary: String
    /// nginx's prefix (`-p`): `nginx.pid`, `tmp/` and `logs/` live below it.
    public var prefix: String
    /// The config file nginx runs (`-c`); the executor rewrites it.
    public var configFile: String
    /// The gateway's base URL as seen from this host, e.g. `http://127.0.0.1:8080`: its
    /// `/healthz` reports the serving config generation.
    public var gatewayURL: String
    /// Seconds a reload has to be seen serving (default 10).
    public var reloadTimeoutSeconds: Double

    /// Creates settings.
    public init(nginxBinary: String = "/usr/sbin/nginx", prefix: String, configFile: String, gatewayURL: String, reloadTimeoutSeconds: Double = 10) {
        self.nginxBinary = nginxBinary
        self.prefix = prefix
        self.configFile = configFile
        self.gatewayURL = gatewayURL
        self.reloadTimeoutSeconds = reloadTimeoutSeconds
    }

    /// pid, temp and log paths inside ``prefix``: `nginx.pid`, `tmp/`, `logs/access.log` (the
    /// JSON log the gates read), `logs/error.log`.
    public var paths: NginxPaths {
        let base = prefix.hasSuffix("/") ? String(prefix.dropLast()) : prefix
        return NginxPaths(
            pidFile: "\(base)/nginx.pid", tempDirectory: "\(base)/tmp", accessLog: "\(base)/logs/access.log",
            errorLog: "\(base)/logs/error.log")
    }
}
