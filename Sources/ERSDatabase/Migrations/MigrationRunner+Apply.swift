extension MigrationRunner {
    /// Applies one file and records it; on failure records the failed attempt and throws.
    /// - Throws: ``MigrationError/statementFailed(file:line:statementNumber:transactional:error:)``,
    ///   ``DatabaseError``.
    func apply(_ file: MigrationFile) async throws {
        let clock = ContinuousClock()
        let start = clock.now
        func elapsed() -> Int64 {
            let duration = clock.now - start
            return duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
        }
        log("applying \(file.path) (\(file.statements.count) statements, \(file.modeDescription)) …")
        if file.isNonTransactional {
            for (index, statement) in file.statements.enumerated() {
                do {
                    try await session.execute(statement.sql)
                } catch let error as DatabaseError {
                    try await fail(file, statement: statement, number: index + 1, error: error, milliseconds: elapsed())
                }
            }
            try await MigrationHistory.record(file, durationMilliseconds: elapsed(), error: nil, in: session)
        } else {
            try await session.execute("BEGIN")
            for (index, statement) in file.statements.enumerated() {
                do {
                    try await session.execute(statement.sql)
                } catch let error as DatabaseError {
                    try? await session.execute("ROLLBACK")
                    try await fail(file, statement: statement, number: index + 1, error: error, milliseconds: elapsed())
                }
            }
            let milliseconds = elapsed()
            do {
                try await MigrationHistory.record(file, durationMilliseconds: milliseconds, error: nil, in: session)
                try await session.execute("COMMIT")
            } catch let error as DatabaseError {
                try? await session.execute("ROLLBACK")
                let last = file.statements[file.statements.count - 1]
                try await fail(file, statement: last, number: file.statements.count, error: error, milliseconds: elapsed())
            }
        }
        log("applied \(file.path) in \(elapsed()) ms")
    }

    /// Records the failed attempt (best effort: with a broken connection the statement's error
    /// matters more) and throws the error for it.
    private func fail(_ file: MigrationFile, statement: MigrationStatement, number: Int, error: DatabaseError, milliseconds: Int64) async throws -> Never {
        let summary = error.serverError.map { "\($0)" } ?? "\(error)"
        try? await MigrationHistory.record(
            file, durationMilliseconds: milliseconds, error: "line \(statement.line), statement \(number): \(summary)", in: session)
        throw MigrationError.statementFailed(
            file: file.path, line: statement.line, statementNumber: number, transactional: !file.isNonTransactional, error: error)
    }
}
