import ERSModel
import ERSRender

extension RenderContext {
    /// The `v1` ConfigMap `<service>-config` with the service's `config` (and, for the
    /// gateway, `nginx.conf`); data sorted by key. Nil when the service consumes no config.
    /// API reference: "ConfigMap".
    func configMap(for service: Service, config: ConfigData) -> YAMLValue? {
        guard !config.isEmpty else { return nil }
        return object(
            apiVersion: "v1", kind: "ConfigMap",
            metadata: metadata(name: ConfigData.configMapName(of: service), labels: labels(for: service)),
            [("data", .sortedMapping(config.data))])
    }
}
