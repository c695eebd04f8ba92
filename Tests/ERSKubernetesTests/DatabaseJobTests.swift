import ERSKubernetes
import ERSModel
import ERSRender
import Foundation
import Testing
import Yams

/// The migration Job and the partition-maintenance CronJob.
@Suite struct DatabaseJobTests {
    /// Stand-ins for the SQL renderer's files.
    static let migrations = [
        RenderedFile(path: "sql/0001_create_reports.sql", contents: "CREATE TABLE reports (id bigint);\n"),
        RenderedFile(path: "sql/R__partitions.sql", contents: "-- partitions\n"),
    ]

    static func render(_ spec: SystemSpec, migrations: [RenderedFile] = migrations) -> [String: String] {
        let files = KubernetesRenderer().render(spec, gatewayConfig: TestSupport.gatewayConfig, migrations: migrations)
        return Dictionary(files.map { ($0.path, $0.contents) }, uniquingKeysWith: { first, _ in first })
    }

    /// The one container of a pod template.
    static func container(_ template: Any?) -> [String: Any] {
        ((template as? [String: Any]).flatMap { TestSupport.value($0, "spec", "containers") } as? [[String: Any]])?.first ?? [:]
    }

    @Test func cronJobRunsDailyOneAtATimeFromTheRuntimeImageWithTheDatabaseSecretReference() throws {
        let files = Self.render(try TestSupport.spec())
        let text = try #require(files["kubernetes/partition-maintenance.yaml"])
        let cronJob = try #require(try TestSupport.object("CronJob", "ers-partition-maintenance", in: text))
        #expect(TestSupport.value(cronJob, "spec", "concurrencyPolicy") as? String == "Forbid")
        #expect(TestSupport.value(cronJob, "spec", "schedule") as? String == "17 3 * * *")
        #expect(TestSupport.value(cronJob, "spec", "jobTemplate", "spec", "backoffLimit") as? Int == 2)
        #expect(TestSupport.value(cronJob, "spec", "jobTemplate", "spec", "ttlSecondsAfterFinished") as? Int == 259200)
        let template = TestSupport.value(cronJob, "spec", "jobTemplate", "spec", "template")
        let container = Self.container(template)
        #expect(container["image"] as? String == "registry.example.com/ers/ers-server:1.0.0")
        #expect(container["command"] as? [String] == ["ersctl-db"])
        #expect(container["args"] as? [String] == ["partitions", "maintain", "/etc/ers/partitions/partitions.yaml"])
        let env = (container["env"] as? [[String: Any]] ?? []).map { "\($0["name"] ?? "")=\($0["value"] ?? "")" }
        #expect(env == [
            "DATABASE_URL=postgres://ers@postgres.ers.svc.cluster.local:5432/ers?sslmode=disable",
            "DATABASE_PASSWORD_FILE=/run/secrets/postgres-password",
        ])
        let security = container["securityContext"] as? [String: Any] ?? [:]
        #expect(security["readOnlyRootFilesystem"] as? Bool == true && security["allowPrivilegeEscalation"] as? Bool == false)
        let podSpec = (template as? [String: Any])?["spec"] as? [String: Any] ?? [:]
        #expect(podSpec["restartPolicy"] as? String == "Never" && podSpec["automountServiceAccountToken"] as? Bool == false)
        let volumes = (podSpec["volumes"] as? [[String: Any]] ?? []).compactMap { TestSupport.value($0, "secret", "secretName") as? String }
        #expect(volumes == ["ers-postgres"])
        #expect(!text.contains("password:"), "only a reference to the Secret")
        #expect((files["kubernetes/kustomization.yaml"] ?? "").contains("- partition-maintenance.yaml"))
    }

    @Test func thePartitionsFileHoldsTheSpecsTablesFieldForField() throws {
        var spec = try TestSupport.spec()
        spec.partitionedTables[0].retention = Retention(months: 24, action: .drop)
        spec.partitionedTables[1].defaultPartition = true
        spec.partitionedTables[1].indexes?[0].method = .brin
        let text = try #require(Self.render(spec)["kubernetes/partition-maintenance.yaml"])
        let configMap = try #require(try TestSupport.object("ConfigMap", "ers-partition-maintenance", in: text))
        let document = try #require(TestSupport.value(configMap, "data", "partitions.yaml") as? String)
        struct Document: Decodable { var partitionedTables: [PartitionedTable] }
        #expect(try YAMLDecoder().decode(Document.self, from: document).partitionedTables == spec.partitionedTables)
    }

    @Test func migrationJobHasItsOwnKustomizationAndCarriesTheSQLFiles() throws {
        let files = Self.render(try TestSupport.spec())
        #expect(!(files["kubernetes/kustomization.yaml"] ?? "").contains("migrate"), "applied on its own, before the rest")
        let kustomization = try #require(files["kubernetes/migrate/kustomization.yaml"])
        #expect(kustomization.contains("- job.yaml"))
        let text = try #require(files["kubernetes/migrate/job.yaml"])
        #expect(text.contains("kubectl -n ers wait --for=condition=complete --timeout=30m job/ers-migrate"))
        let configMap = try #require(try TestSupport.object("ConfigMap", "ers-migrations", in: text))
        #expect((configMap["data"] as? [String: String])?.keys.sorted() == ["0001_create_reports.sql", "R__partitions.sql"])
        #expect(TestSupport.value(configMap, "data", "0001_create_reports.sql") as? String == "CREATE TABLE reports (id bigint);\n")
        let job = try #require(try TestSupport.object("Job", "ers-migrate", in: text))
        #expect(TestSupport.value(job, "spec", "backoffLimit") as? Int == 4)
        let container = Self.container(TestSupport.value(job, "spec", "template"))
        #expect(container["args"] as? [String] == ["migrate", "up", "--migrations", "/etc/ers/migrations"])
        let mounts = (container["volumeMounts"] as? [[String: Any]] ?? []).compactMap { $0["mountPath"] as? String }
        #expect(mounts == ["/etc/ers/migrations", "/tmp", "/run/secrets/postgres-password"])
        #expect(Self.render(try TestSupport.spec(), migrations: [])["kubernetes/migrate/job.yaml"] == nil)
    }

    @Test func theJobsReachOnlyTheDatabaseAndTheDatabaseAdmitsThem() throws {
        let files = Self.render(try TestSupport.spec())
        let policy = try #require(try TestSupport.object("NetworkPolicy", "ers-migrate", in: files["kubernetes/migrate/job.yaml"] ?? ""))
        #expect(TestSupport.value(policy, "spec", "ingress") == nil)
        let egress = TestSupport.value(policy, "spec", "egress") as? [[String: Any]] ?? []
        #expect(egress.count == 1)
        let peer = (egress.first?["to"] as? [[String: Any]])?.first ?? [:]
        #expect(TestSupport.value(peer, "podSelector", "matchLabels", "app.kubernetes.io/name") as? String == "postgres")
        let database = try #require(try TestSupport.object("NetworkPolicy", "postgres", in: files["kubernetes/postgres.yaml"] ?? ""))
        let rules = TestSupport.value(database, "spec", "ingress") as? [[String: Any]] ?? []
        let peers = (rules.first?["from"] as? [[String: Any]] ?? []).compactMap {
            TestSupport.value($0, "podSelector", "matchLabels", "app.kubernetes.io/name") as? String
        }
        #expect(peers == ["auth", "collection", "worker", "scheduler", "ers-migrate", "ers-partition-maintenance"])
    }

    @Test func nothingIsRenderedWithoutAPostgreSQLDatastoreOrPartitionedTables() throws {
        var spec = try TestSupport.spec()
        spec.partitionedTables = []
        #expect(Self.render(spec)["kubernetes/partition-maintenance.yaml"] == nil)
        spec = try TestSupport.spec()
        spec.datastores.removeAll { $0.engine == .postgresql }
        let files = Self.render(spec)
        #expect(files["kubernetes/partition-maintenance.yaml"] == nil && files["kubernetes/migrate/job.yaml"] == nil)
    }

    @Test func migrationJobRendersAsGolden() throws {
        let files = Self.render(try TestSupport.spec())
        try TestSupport.checkGolden(files.filter { $0.key.hasPrefix("kubernetes/migrate/") }, name: "base-migrations")
    }
}
