import ERSCompose
import ERSGateway
import ERSKubernetes
import ERSModel
import ERSRender
import ERSSQL

/// Runs every renderer on a loaded spec and collects their files. Pure: no I/O.
///
/// Output layout: `kubernetes/` (manifests and `kustomization.yaml`; the gateway's nginx.conf
/// with Kubernetes Service addresses inside its ConfigMap; the migration Job in
/// `kubernetes/migrate/`), `compose/compose.yaml` and
/// `compose/nginx/nginx.conf` (compose service addresses), `sql/` (migrations).
struct RenderPipeline {
    /// The first month of the initial partitions in the SQL render.
    var asOf: YearMonth

    /// What the renderers produced.
    struct Output {
        /// Every file, sorted by path; empty when any renderer found an error.
        var files: [RenderedFile]
        /// Problems the renderers found that spec validation does not cover (errors and
        /// warnings), each with a field path, each once.
        var diagnostics: [Diagnostic]
    }

    /// Renders everything. Never throws: renderer problems come back as diagnostics.
    func render(_ spec: SystemSpec) -> Output {
        var problems = PartitionDDLRenderer(asOf: asOf).validate(spec).filter { $0.severity == .warning }
        var files: [RenderedFile] = []
        // The SQL first: the Kubernetes migration Job carries the migration files.
        var migrations: [RenderedFile] = []
        do {
            migrations = try PartitionDDLRenderer(asOf: asOf).render(spec)
        } catch {
            problems += error.problems
        }
        do {
            let nginx = try NginxConfigRenderer.bundled()
            let kubernetesConfig = try nginx.render(spec, target: .kubernetes())
            let composeConfig = try nginx.render(spec, target: .compose)
            files += KubernetesRenderer().render(spec, gatewayConfig: kubernetesConfig, migrations: migrations)
            files.append(RenderedFile(path: "compose/\(ComposeRenderer.defaultGatewayConfigPath)", contents: composeConfig))
        } catch let error as GatewayRenderError {
            problems += error.diagnostics
        } catch {
            problems.append(.error(.root, "the bundled nginx template does not compile (\(error)); this is a bug in ersctl, please report it"))
        }
        do {
            files += try ComposeRenderer().render(spec)
        } catch {
            problems += error.diagnostics
        }
        files += migrations
        // The same problem may be found by more than one renderer: report it once.
        var seen: Set<String> = []
        problems = problems.filter { seen.insert("\($0.path) \($0.message)").inserted }
        if problems.contains(where: { $0.severity == .error }) { return Output(files: [], diagnostics: problems) }
        return Output(files: files.sorted { $0.path < $1.path }, diagnostics: problems)
    }
}
