import ERSModel
import ERSRender

extension RenderContext {
    /// How the gateway is exposed: the option's override, else the spec's
    /// `gateway.exposure.kind`, else `httpRoute`.
    var exposureKind: ExposureKind {
        options.exposure ?? spec.gateway.exposure?.kind ?? .httpRoute
    }

    /// `kubernetes/gateway-route.yaml`: all traffic for the exposure's host names goes to the
    /// gateway's Service (nginx does the routing, authentication and limits).
    ///
    /// - `httpRoute`: a `gateway.networking.k8s.io/v1` HTTPRoute attached to the exposure's
    ///   `parentRefs`, one rule `PathPrefix /` to the Service port. API reference: Gateway API
    ///   "HTTPRoute".
    /// - `ingress`: a `networking.k8s.io/v1` Ingress with `ingressClassName`, TLS from
    ///   `tlsSecretName` for the host names, and one `Prefix /` path per host name (or one rule
    ///   for every host without host names). API reference: "Ingress".
    ///
    /// Nil when the spec has no exposure and the options set none, or the gateway service or
    /// its port does not exist.
    func gatewayRouteFile() -> ManifestFile? {
        guard spec.gateway.exposure != nil || options.exposure != nil,
            let gateway = service(named: spec.gateway.service),
            let port = gateway.port(named: spec.gateway.port)
        else { return nil }
        let exposure = spec.gateway.exposure
        let labels = labels(for: gateway).all
        let route: YAMLValue
        switch exposureKind {
        case .httpRoute:
            let parents: [YAMLValue] = (exposure?.parentRefs ?? []).map { parent in
                [
                    "name": .string(parent.name),
                    "namespace": parent.namespace.map(YAMLValue.string),
                    "sectionName": parent.sectionName.map(YAMLValue.string),
                ]
            }
            let rule: YAMLValue = [
                "matches": [["path": ["type": "PathPrefix", "value": "/"]]],
                "backendRefs": [["name": .string(gateway.name), "port": .int(port.effectiveServicePort)]],
            ]
            let routeSpec: YAMLValue = [
                "parentRefs": YAMLValue.sequence(parents).nonEmpty,
                "hostnames": YAMLValue.sequence((exposure?.hostnames ?? []).map(YAMLValue.string)).nonEmpty,
                "rules": [rule],
            ]
            route = object(
                apiVersion: "gateway.networking.k8s.io/v1", kind: "HTTPRoute",
                metadata: metadata(name: gateway.name, labels: labels), [("spec", routeSpec)])
        case .ingress:
            route = ingress(for: gateway, port: port, exposure: exposure, labels: labels)
        }
        return ManifestFile(name: "gateway-route.yaml", objects: [route])
    }

    /// The Ingress variant of ``gatewayRouteFile()``.
    private func ingress(for gateway: Service, port: ContainerPort, exposure: GatewayExposure?, labels: [String: String]) -> YAMLValue {
        let hostnames = exposure?.hostnames ?? []
        let path: YAMLValue = [
            "path": "/",
            "pathType": "Prefix",
            "backend": ["service": ["name": .string(gateway.name), "port": ["number": .int(port.effectiveServicePort)]]],
        ]
        let http: YAMLValue = ["paths": [path]]
        let rules: [YAMLValue] = hostnames.isEmpty ? [["http": http]] : hostnames.map { ["host": .string($0), "http": http] }
        let tls: YAMLValue? = exposure?.tlsSecretName.map { secret in
            [["hosts": YAMLValue.sequence(hostnames.map(YAMLValue.string)).nonEmpty, "secretName": .string(secret)]]
        }
        let ingressSpec: YAMLValue = [
            "ingressClassName": exposure?.ingressClassName.map(YAMLValue.string),
            "tls": tls,
            "rules": .sequence(rules),
        ]
        return object(
            apiVersion: "networking.k8s.io/v1", kind: "Ingress", metadata: metadata(name: gateway.name, labels: labels),
            [("spec", ingressSpec)])
    }
}
