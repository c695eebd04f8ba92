public import ArgumentParser

/// `ersctl`: renders every deployment artifact of the Enterprise Reporting System from one
/// typed spec, checks specs, and carries out blue-green and canary releases. Exit codes are documented in docs/cli.md.
public struct ERSCtl: AsyncParsableCommand {
    /// The command tree.
    public static let configuration = CommandConfiguration(
        commandName: "ersctl",
        abstract: "Render and check the deployment of the Enterprise Reporting System.",
        discussion: """
            One spec per environment (environments/<env>.yaml, overlaying base.yaml) renders \
            Kubernetes manifests, a compose file, the nginx gateway config and PostgreSQL DDL.

            `ersctl migrate` and `ersctl partitions` run ersctl-db, the database part of ersctl, \
            installed beside it.

            Exit codes: 0 success; 1 the spec has errors; 3 diff found changes; 4 diff found \
            changes Kubernetes refuses; 5 a release was aborted; 6 a release action was refused; \
            7 a release failed; 64 bad command line; 74 a file could not be read or written; 127 \
            ersctl-db not found (migrate, partitions: otherwise ersctl-db's codes).
            """,
        version: "0.1.0",
        subcommands: [
            RenderCommand.self, ValidateCommand.self, SchemaCommand.self, DiffCommand.self,
            MigratePassthroughCommand.self, PartitionsPassthroughCommand.self, RolloutCommand.self,
        ]
    )

    /// Creates the command (ArgumentParser calls this).
    public init() {}
}
