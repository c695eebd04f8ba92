public import ERSModel
public import ERSRender

/// Renders `compose.yaml` (the Compose Specification, compose-spec.io; no `version:` key) for a
/// developer's machine from a ``SystemSpec``: every service with the image, entrypoint, command,
/// environment and ports of its Kubernetes Deployment, every datastore as a local container
/// with a named volume, secrets as files under `./secrets/`, healthchecks from the probes and
/// `depends_on` conditions from them.
///
/// The output is deterministic, and every `$` in a value is written `$$`, so compose's
/// interpolation leaves all values exactly as the spec states them.
public struct ComposeRenderer: Sendable {
    /// The file the renderer produces, relative to the output directory.
    public static let composePath = "compose/compose.yaml"
    /// Where the gateway's compose-target `nginx.conf` goes by default, relative to
    /// `compose.yaml`'s directory (the CLI writes it as `compose/nginx/nginx.conf`).
    public static let defaultGatewayConfigPath = "nginx/nginx.conf"
    /// Where the secret files are read from, relative to `compose.yaml`'s directory.
    public static let secretsDirectory = "secrets"

    /// Rendering choices.
    public var options: ComposeRenderOptions

    /// Creates a renderer.
    public init(options: ComposeRenderOptions = ComposeRenderOptions()) {
        self.options = options
    }

    /// Renders `compose/compose.yaml`.
    /// - Parameters:
    ///   - spec: the system.
    ///   - gatewayConfigPath: the gateway's `nginx.conf` (rendered for the compose target,
    ///     upstreams `<service>:<containerPort>`), relative to `compose.yaml`'s directory;
    ///     bind-mounted read-only at `/etc/nginx/nginx.conf`.
    /// - Throws: ``ComposeRenderError`` with every reference that cannot be rendered.
    public func render(_ spec: SystemSpec, gatewayConfigPath: String = defaultGatewayConfigPath) throws(ComposeRenderError) -> [RenderedFile] {
        var context = ComposeContext(spec: spec, options: options, gatewayConfigPath: gatewayConfigPath)
        let document = context.document()
        guard context.diagnostics.isEmpty else { throw ComposeRenderError(diagnostics: context.diagnostics) }
        return [RenderedFile(path: ComposeRenderer.composePath, contents: YAMLWriter.document(document.escapingInterpolation()))]
    }
}
