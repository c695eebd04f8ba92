import ERSModel
import ERSRender

/// The data of a service's ConfigMap `<service>-config`, and the checksum the pod template
/// carries in `checksum/config` so a change of exactly this data rolls exactly these pods.
struct ConfigData: Sendable, Hashable {
    /// The ConfigMap key the gateway's `nginx.conf` is stored under.
    static let nginxConfigKey = "nginx.conf"
    /// Where the gateway's container reads `nginx.conf` (mounted with `subPath`).
    static let nginxConfigPath = "/etc/nginx/nginx.conf"

    /// The service's `config` (env var name to value).
    var environment: [String: String]
    /// The gateway's `nginx.conf`, for the gateway service only.
    var nginxConfig: String?

    /// The config `service` consumes in `context`.
    init(service: Service, context: RenderContext) {
        environment = ServiceConfig.environment(of: service, in: context.spec)
        nginxConfig = context.isGateway(service) ? context.gatewayConfig : nil
    }

    /// The ConfigMap name: `<service>-config`.
    static func configMapName(of service: Service) -> String { "\(service.name)-config" }

    /// Whether there is anything to put in a ConfigMap.
    var isEmpty: Bool { environment.isEmpty && nginxConfig == nil }

    /// Every key and value of the ConfigMap.
    var data: [String: String] {
        var data = environment
        if let nginxConfig { data[ConfigData.nginxConfigKey] = nginxConfig }
        return data
    }

    /// Lower-case hex SHA-256 of the data: each entry in key order (UTF-8 byte order) as
    /// netstrings `<length>:<key>,<length>:<value>,` so no two different maps hash alike.
    /// Independent of how the YAML is laid out.
    var checksum: String {
        var text = ""
        for (key, value) in data.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            text += "\(key.utf8.count):\(key),\(value.utf8.count):\(value),"
        }
        return Checksum.sha256Hex(text)
    }
}
