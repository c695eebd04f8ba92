import ERSModel

/// What runs in a service's container, which decides how compose checks its health.
enum ServiceRuntime: Sendable, Hashable {
    /// nginx (the service `gateway.service` names): checked with BusyBox `wget --spider`,
    /// which the alpine-based nginx-unprivileged image has.
    case nginx
    /// `ers-server` (its `command` starts with `ers-server`, or its image repository is
    /// `…/ers-server`): checked with `ers-server healthcheck URL`; the image has no curl.
    case ersServer
    /// Anything else: no healthcheck, so dependents wait for `service_started` only.
    case other

    /// The runtime of `service` in `spec`.
    init(of service: Service, in spec: SystemSpec) {
        if service.name == spec.gateway.service {
            self = .nginx
        } else if service.command?.first == "ers-server" || service.image.repository.split(separator: "/").last == "ers-server" {
            self = .ersServer
        } else {
            self = .other
        }
    }

    /// The exec-form healthcheck test for `url`, nil when there is none.
    func test(url: String) -> [String]? {
        switch self {
        case .nginx: ["CMD", "wget", "-q", "--spider", url]
        case .ersServer: ["CMD", "ers-server", "healthcheck", url]
        case .other: nil
        }
    }
}
