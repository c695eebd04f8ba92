import ArgumentParser
import ERSRollout
import Foundation

/// `ersctl rollout start SERVICE --to VERSION ENV_FILE`: runs a release on this host.
struct RolloutStartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "Release a new version on this host behind the nginx gateway, step by step, gated.",
        discussion: """
            Runs in the foreground until the release completes (exit 0) or aborts (exit 5). The \
            state directory records every step: after the process is killed, `status`, `abort` \
            and `resume` go on from there. The first start in a state directory needs \
            --nginx-prefix (and the running nginx); later ones reuse the recorded settings.
            """
    )

    @Argument(help: "The service to release.")
    var service: String

    @Option(help: "The version (image tag) to release.")
    var to: String

    @Argument(help: "The environment spec, e.g. environments/production.yaml.")
    var envFile: String

    @OptionGroup var state: StateDirectoryOption

    @Option(help: "nginx's prefix directory (-p): nginx.pid, tmp/ and logs/ (the JSON access log) live below it.")
    var nginxPrefix: String?

    @Option(help: "The config file nginx runs (default PREFIX/nginx.conf); it is rewritten at each step.")
    var nginxConf: String?

    @Option(help: "The nginx binary.")
    var nginxBinary: String = "/usr/sbin/nginx"

    @Option(help: "The gateway's URL from this host (default http://127.0.0.1:<gateway port>).")
    var gatewayURL: String?

    @Flag(help: "Abort a release of the service in progress first, instead of refusing.")
    var supersede = false

    func run() async throws {
        let spec = try RolloutSupport.loadSpec(envFile)
        var settings: HostGatewaySettings?
        if let nginxPrefix {
            let prefix = URL(fileURLWithPath: nginxPrefix).standardizedFileURL.path
            let port = spec.service(named: spec.gateway.service)?.port(named: spec.gateway.port)?.containerPort ?? 8080
            settings = HostGatewaySettings(
                nginxBinary: nginxBinary, prefix: prefix,
                configFile: nginxConf.map { URL(fileURLWithPath: $0).standardizedFileURL.path } ?? "\(prefix)/nginx.conf",
                gatewayURL: gatewayURL ?? "http://127.0.0.1:\(port)")
        }
        let rollouts = HostRollouts(state: state.directory, report: RolloutSupport.report)
        let record: RolloutRecord
        do {
            record = try await rollouts.start(spec: spec, service: service, version: to, settings: settings, supersede: supersede)
        } catch {
            throw RolloutSupport.fail(error)
        }
        throw RolloutSupport.exitCode(of: record)
    }
}
