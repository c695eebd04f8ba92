import ERSModel
import ERSRender

extension RenderContext {
    /// When the CronJob runs: daily at 03:17 UTC (off the hour, when little else is scheduled).
    static let partitionMaintenanceSchedule = "17 3 * * *"

    /// `kubernetes/partition-maintenance.yaml`: ServiceAccount, ConfigMap (`partitions.yaml`:
    /// the spec's `partitionedTables`), NetworkPolicy and the daily CronJob
    /// `<system>-partition-maintenance` running `ersctl-db partitions maintain`. Nil when the
    /// spec has no partitioned tables, no PostgreSQL datastore or no auth service.
    ///
    /// The CronJob: `concurrencyPolicy: Forbid` (one run at a time; the advisory lock guards
    /// against manual runs too), `startingDeadlineSeconds` so a missed run still happens
    /// within the hour, `timeZone: Etc/UTC`, a failed run retried twice (`backoffLimit`), and
    /// finished Jobs kept three days for their logs. A failed Job is the alert: maintenance
    /// exits non-zero when a partition could not be created.
    func partitionMaintenanceFile() -> ManifestFile? {
        guard !spec.partitionedTables.isEmpty, let runtime = DatabaseJobRuntime(context: self) else { return nil }
        let name = partitionMaintenanceName
        let labels = databaseJobLabels(name: name, component: "partition-maintenance", runtime: runtime)
        let configMap = object(
            apiVersion: "v1", kind: "ConfigMap", metadata: metadata(name: name, labels: labels),
            [("data", [DatabaseJobRuntime.partitionsFile: .string(partitionsDocument())])])
        let template = databaseJobPodTemplate(
            labels: labels, runtime: runtime,
            args: ["partitions", "maintain", "\(DatabaseJobRuntime.partitionsDirectory)/\(DatabaseJobRuntime.partitionsFile)"],
            configMap: name, mountPath: DatabaseJobRuntime.partitionsDirectory)
        let cronJob = object(
            apiVersion: "batch/v1", kind: "CronJob", metadata: metadata(name: name, labels: labels),
            [("spec", [
                "schedule": .string(Self.partitionMaintenanceSchedule),
                "timeZone": "Etc/UTC",
                "concurrencyPolicy": "Forbid",
                "startingDeadlineSeconds": 3600,
                "successfulJobsHistoryLimit": 3,
                "failedJobsHistoryLimit": 3,
                "jobTemplate": [
                    "metadata": ["labels": labels.sortedAll],
                    "spec": [
                        "backoffLimit": 2,
                        "activeDeadlineSeconds": 3600,
                        "ttlSecondsAfterFinished": 259200,
                        "template": template,
                    ],
                ],
            ])])
        return ManifestFile(
            name: "partition-maintenance.yaml",
            objects: [serviceAccount(name: name, labels: labels), configMap, databaseJobNetworkPolicy(labels: labels, runtime: runtime), cronJob])
    }
}
