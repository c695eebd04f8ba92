import ArgumentParser
import ERSDatabase

extension MigrationOptions {
    /// Reads the directory, connects, and runs `body` with a runner; errors become exit codes.
    func withRunner<Result: Sendable>(_ application: String, _ body: (MigrationRunner) async throws -> Result) async throws -> Result {
        let directory: MigrationDirectory
        do {
            directory = try MigrationDirectory(path: migrations)
        } catch {
            Console.error("\(error)")
            throw DatabaseExitCode.failure
        }
        return try await database.withSession(application: application) { session in
            let runner = MigrationRunner(
                session: session, directory: directory, lockWait: .seconds(max(lockWait, 0)), repairCommand: repairCommand,
                log: { Console.err($0) })
            return try await body(runner)
        }
    }
}
