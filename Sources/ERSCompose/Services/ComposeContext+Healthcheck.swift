import ERSModel
import ERSRender

extension ComposeContext {
    /// The healthcheck of a service (compose spec "healthcheck"), from its readiness probe (or
    /// liveness probe when it has none), since `depends_on: service_healthy` means "ready":
    /// the probe's URL on 127.0.0.1 and its port, `interval` = `periodSeconds` (default 10),
    /// `timeout` = `timeoutSeconds` (default 1), `retries` = `failureThreshold` (default 3),
    /// `start_period` = the startup probe's budget (`initialDelaySeconds` + `periodSeconds` ×
    /// `failureThreshold`) or else the probe's `initialDelaySeconds`. Nil when the service has
    /// no probe or its runtime offers no check command (see ``ServiceRuntime``).
    mutating func healthcheck(of service: Service, at path: FieldPath) -> YAMLValue? {
        let probes = service.probes
        guard let (probe, field) = probes?.readiness.map({ ($0, "readiness") }) ?? probes?.liveness.map({ ($0, "liveness") }) else { return nil }
        guard let port = service.port(named: probe.port) else {
            fail(path.key("probes").key(field).key("port"), "service '\(service.name)' has no port named '\(probe.port)'; use one of: \(service.ports.map(\.name).joined(separator: ", "))")
            return nil
        }
        guard let test = ServiceRuntime(of: service, in: spec).test(url: "http://127.0.0.1:\(port.containerPort)\(probe.path)") else { return nil }
        var startPeriod = probe.initialDelaySeconds ?? 0
        if let startup = probes?.startup {
            startPeriod = (startup.initialDelaySeconds ?? 0) + (startup.periodSeconds ?? 10) * (startup.failureThreshold ?? 3)
        }
        return ComposeContext.healthcheck(
            test: test, intervalSeconds: probe.periodSeconds ?? 10, timeoutSeconds: probe.timeoutSeconds ?? 1,
            retries: probe.failureThreshold ?? 3, startPeriodSeconds: startPeriod)
    }

    /// A healthcheck mapping; `start_period` only when positive.
    static func healthcheck(test: [String], intervalSeconds: Int, timeoutSeconds: Int, retries: Int, startPeriodSeconds: Int) -> YAMLValue {
        [
            "test": .sequence(test.map(YAMLValue.string)),
            "interval": .string("\(intervalSeconds)s"),
            "timeout": .string("\(timeoutSeconds)s"),
            "retries": .int(retries),
            "start_period": startPeriodSeconds > 0 ? .string("\(startPeriodSeconds)s") : nil,
        ]
    }

    /// Whether compose can tell when `service` is healthy.
    func hasHealthcheck(_ service: Service) -> Bool {
        let probes = service.probes
        guard let probe = probes?.readiness ?? probes?.liveness, service.port(named: probe.port) != nil else { return false }
        return ServiceRuntime(of: service, in: spec).test(url: "") != nil
    }
}
