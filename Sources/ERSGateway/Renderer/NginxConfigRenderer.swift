public import ERSModel
import ERSRender
import Mustache

/// Renders the API gateway's `nginx.conf` from a swift-mustache template and a ``SystemSpec``.
///
/// The config (nginx docs: ngx_http_core_module, ngx_http_upstream_module,
/// ngx_http_proxy_module, ngx_http_auth_request_module, ngx_http_limit_req_module,
/// ngx_http_log_module) runs unprivileged, keeps one upstream with `keepalive` per routed
/// service port, maps each route to `location`s, checks protected routes with `auth_request`
/// against the auth service's verify endpoint, passes `X-User`/`X-Roles` only from that answer,
/// limits body size and request rate, logs one JSON object per request with the upstream's
/// address, status and response time, and serves `/healthz` with the config generation.
///
/// Rendering is deterministic: the same spec, target, paths and template give the same bytes.
/// Renders for different targets differ only in upstream `server` addresses (and, as a
/// consequence, in the generation).
public struct NginxConfigRenderer: Sendable {
    private let template: MustacheTemplate

    /// Creates a renderer from template text (the format of `templates/nginx.conf.mustache`).
    /// - Throws: the template's syntax error.
    public init(template: String) throws {
        self.template = try MustacheTemplate(string: template)
    }

    /// Creates a renderer from the template compiled into ERSGateway (see ``bundledTemplate()``).
    /// - Throws: nothing in practice: a test parses the same text.
    public static func bundled() throws -> NginxConfigRenderer {
        try NginxConfigRenderer(template: bundledTemplate())
    }

    /// Renders the config of `spec` for `target`.
    /// - Parameters:
    ///   - spec: the system; `spec.gateway` and the services it names are used.
    ///   - target: how upstream servers are addressed.
    ///   - paths: pid, temp and log locations (default: the container layout).
    ///   - testRoutes: test routing by service name (see ``GatewayTestRoute``); the rollout
    ///     executor sets it during a release, every other render leaves it empty.
    /// - Throws: ``GatewayRenderError`` with every problem that prevents a correct config.
    public func renderConfig(
        _ spec: SystemSpec, target: GatewayTarget, paths: NginxPaths = .container, testRoutes: [String: GatewayTestRoute] = [:]
    ) throws(GatewayRenderError) -> NginxConfig {
        let routing = try GatewayRouting(spec: spec, target: target)
        var view = try NginxConfigView.make(spec: spec, routing: routing, target: target, paths: paths, testRoutes: testRoutes)
        let draft = template.render(view)
        view.configGeneration = String(Checksum.sha256Hex(draft).prefix(16))
        return NginxConfig(text: template.render(view), generation: view.configGeneration, routing: routing)
    }

    /// The `nginx.conf` text of `spec` for `target`; see ``renderConfig(_:target:paths:testRoutes:)``.
    public func render(
        _ spec: SystemSpec, target: GatewayTarget, paths: NginxPaths = .container, testRoutes: [String: GatewayTestRoute] = [:]
    ) throws(GatewayRenderError) -> String {
        try renderConfig(spec, target: target, paths: paths, testRoutes: testRoutes).text
    }
}
