import ERSModel
import ERSRender

extension RenderContext {
    /// The traffic split of a canary between `<service>-stable` and `<service>-canary`, at
    /// rest (stable 100, canary 0; `ersctl rollout plan` prints the patch of each step):
    ///
    /// - `gatewayAPI` (default): ``canaryHTTPRoute(for:)``.
    /// - `ingressNginx`: ``canaryIngresses(for:)``.
    /// - `replicas`: nothing; the Service `<service>` selects both tracks' pods.
    func canaryRouting(for service: Service) -> [YAMLValue] {
        switch service.rollout?.canary?.effectiveTrafficRouting ?? .gatewayAPI {
        case .gatewayAPI: [canaryHTTPRoute(for: service)].compactMap { $0 }
        case .ingressNginx: canaryIngresses(for: service, includeCanary: true)
        case .replicas: []
        }
    }

    /// A `gateway.networking.k8s.io/v1` HTTPRoute named `<service>` attached to the Service
    /// `<service>` (Gateway API for service meshes, GAMMA: the mesh applies it to every call
    /// of that Service, including the gateway's). Rule `test-routing` (with `testRouting`)
    /// sends requests with the header, or a `Cookie` header holding the cookie, to the canary
    /// only; rule `split` splits everything else by `backendRefs` weights. Nil without ports.
    /// API reference: Gateway API "HTTPRoute", GEP-1426 (GAMMA).
    func canaryHTTPRoute(for service: Service) -> YAMLValue? {
        guard let port = routedPort(of: service) else { return nil }
        let servicePort = port.effectiveServicePort
        func backend(_ track: String, weight: Int?) -> YAMLValue {
            ["name": .string("\(service.name)-\(track)"), "port": .int(servicePort), "weight": weight.map(YAMLValue.int)]
        }
        var rules: [YAMLValue] = []
        let matches = testRoutingMatches(service.rollout?.testRouting)
        if !matches.isEmpty {
            rules.append(["name": "test-routing", "matches": .sequence(matches), "backendRefs": [backend("canary", weight: nil)]])
        }
        rules.append(["name": "split", "backendRefs": [backend("stable", weight: 100), backend("canary", weight: 0)]])
        let spec: YAMLValue = [
            "parentRefs": [["group": "", "kind": "Service", "name": .string(service.name), "port": .int(servicePort)]],
            "rules": .sequence(rules),
        ]
        return object(
            apiVersion: "gateway.networking.k8s.io/v1", kind: "HTTPRoute", metadata: metadata(name: service.name, labels: labels(for: service)),
            [("spec", spec)])
    }

    /// `HTTPRouteMatch`es of test routing: an exact header match, and a regular expression on
    /// the `Cookie` header for the cookie (HTTPRoute has no cookie match).
    func testRoutingMatches(_ testRouting: TestRouting?) -> [YAMLValue] {
        var matches: [YAMLValue] = []
        if let header = testRouting?.header {
            matches.append(["headers": [["type": "Exact", "name": .string(header.name), "value": .string(header.value)]]])
        }
        if let cookie = testRouting?.cookie {
            let value = cookie.value.replacingOccurrences(of: ".", with: "\\.")
            matches.append(["headers": [["type": "RegularExpression", "name": "Cookie", "value": .string("(^|;\\s*)\(cookie.name)=\(value)(;|$)")]]])
        }
        return matches
    }

    /// ingress-nginx canary Ingresses for the gateway routes of `service`: `<service>-stable`
    /// to the stable Service and, with `includeCanary`, `<service>-canary` to the canary
    /// Service with `nginx.ingress.kubernetes.io/canary: "true"`, `canary-weight: "0"`, and
    /// `canary-by-header` / `canary-by-header-value` / `canary-by-cookie` from `testRouting`
    /// (ingress-nginx honours only the cookie value `always`). Host names and class come from
    /// `gateway.exposure` (class `nginx` when unset). These Ingresses route the service's paths
    /// straight to it, beside the gateway. API reference: "Ingress"; ingress-nginx "Canary".
    func canaryIngresses(for service: Service, includeCanary: Bool) -> [YAMLValue] {
        guard let port = routedPort(of: service) else { return [] }
        let routes = spec.gateway.routes.filter { $0.service == service.name }
        let labels = labels(for: service).all
        func ingress(_ track: String, annotations: [String: String]) -> YAMLValue {
            let paths: [YAMLValue] = routes.map { route in
                [
                    "path": .string(route.path),
                    "pathType": route.effectiveMatch == .exact ? "Exact" : "Prefix",
                    "backend": ["service": ["name": .string("\(service.name)-\(track)"), "port": ["number": .int(port.effectiveServicePort)]]],
                ]
            }
            let http: YAMLValue = ["paths": .sequence(paths)]
            let hostnames = spec.gateway.exposure?.hostnames ?? []
            let rules: [YAMLValue] = hostnames.isEmpty ? [["http": http]] : hostnames.map { ["host": .string($0), "http": http] }
            let ingressSpec: YAMLValue = [
                "ingressClassName": .string(spec.gateway.exposure?.ingressClassName ?? "nginx"),
                "rules": .sequence(rules),
            ]
            return object(
                apiVersion: "networking.k8s.io/v1", kind: "Ingress",
                metadata: metadata(name: "\(service.name)-\(track)", labels: labels, annotations: annotations), [("spec", ingressSpec)])
        }
        var objects = [ingress("stable", annotations: [:])]
        if includeCanary {
            objects.append(ingress("canary", annotations: ingressNginxCanaryAnnotations(service.rollout?.testRouting, weight: 0)))
        }
        return objects
    }

    /// The ingress-nginx canary annotations: `canary`, `canary-weight` and test routing.
    func ingressNginxCanaryAnnotations(_ testRouting: TestRouting?, weight: Int?) -> [String: String] {
        let prefix = "nginx.ingress.kubernetes.io/"
        var annotations: [String: String] = [:]
        if let weight {
            annotations[prefix + "canary"] = "true"
            annotations[prefix + "canary-weight"] = "\(weight)"
        }
        if let header = testRouting?.header {
            annotations[prefix + "canary-by-header"] = header.name
            annotations[prefix + "canary-by-header-value"] = header.value
        }
        if let cookie = testRouting?.cookie {
            annotations[prefix + "canary-by-cookie"] = cookie.name
        }
        return annotations
    }
}
