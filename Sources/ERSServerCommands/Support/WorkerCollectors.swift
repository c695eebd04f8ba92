import ERSServerCore
import ERSWorker

/// The collectors `ers-server worker` uses, built from the environment.
enum WorkerCollectors {
    /// - Throws: ``ConfigurationError`` when a collector's settings are wrong.
    static func make(environment: ServerEnvironment) throws -> CollectorSet {
        try CollectorSet.fromEnvironment(environment)
    }
}
