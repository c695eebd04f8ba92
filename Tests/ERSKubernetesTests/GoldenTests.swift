import ERSKubernetes
import ERSModel
import Testing

/// The rendered manifests, byte for byte (`ERS_UPDATE_GOLDEN=1 swift test` rewrites them).
@Suite struct GoldenTests {
    @Test func baseRendersAsGolden() throws {
        try TestSupport.checkGolden(TestSupport.render(try TestSupport.spec()), name: "base")
    }

    @Test func ingressExposureRendersAsGolden() throws {
        var spec = try TestSupport.spec()
        spec.gateway.exposure?.ingressClassName = "nginx"
        spec.gateway.exposure?.tlsSecretName = "ers-tls"
        let files = TestSupport.render(spec, options: KubernetesRenderOptions(exposure: .ingress))
        try TestSupport.checkGolden(files.filter { $0.key == "kubernetes/gateway-route.yaml" }, name: "base-ingress")
    }

    @Test func externalDatastoresRenderAsGolden() throws {
        var spec = try TestSupport.spec()
        spec.datastores = spec.datastores.map { datastore in
            var datastore = datastore
            datastore.placement = .external
            datastore.host = "\(datastore.name).db.example.com"
            datastore.cidr = datastore.engine == .postgresql ? "10.20.0.0/24" : "10.20.1.0/24"
            datastore.sslmode = datastore.engine == .postgresql ? .verifyFull : nil
            return datastore
        }
        let files = TestSupport.render(spec)
        #expect(files["kubernetes/postgres.yaml"] == nil)
        #expect(files["kubernetes/redis.yaml"] == nil)
        try TestSupport.checkGolden(files.filter { $0.key == "kubernetes/auth.yaml" }, name: "base-external-datastores")
    }
}
