import Testing

/// Regression: `set_real_ip_from` without `real_ip_header X-Forwarded-For` makes nginx read the
/// client address from X-Real-IP; both must be rendered together (a computed template flag
/// once left the header out).
@Suite struct TrustedProxiesTests {
    @Test(arguments: ["compose/nginx/nginx.conf"])
    func realIPHeaderComesWithTrustedProxies(_ path: String) throws {
        let config = try #require(RenderedEnvironment.files("production")[path])
        #expect(config.contains("set_real_ip_from 10.0.0.0/8;"))
        #expect(config.contains("real_ip_header X-Forwarded-For;"))
        #expect(config.contains("real_ip_recursive on;"))
    }
}
