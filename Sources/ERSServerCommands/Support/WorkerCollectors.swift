import ERSServerCore
import ERSWorker

/// The collectors `ers-server worker` uses, built from the environment.
enum WorkerCollectors {
    /// - Throws: ``ConfigurationError`` when a collector's settings are wrong, or when this
    ///   build has no collector at all (the worker would fail every job).
    static func make(environment: ServerEnvironment) throws -> CollectorSet {
        let set = CollectorSet([:])
        guard !set.collectors.isEmpty else {
            throw ConfigurationError("(build)", "this ers-server has no collectors built in yet (module ERSCollectors); the worker cannot collect reports")
        }
        return set
    }
}
