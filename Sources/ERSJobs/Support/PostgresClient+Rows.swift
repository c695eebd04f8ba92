import ERSDatabase
import Logging
import PostgresNIO

extension PostgresClient {
    /// Runs `query` and collects its rows; failures become ``DatabaseError`` naming the statement.
    func rows(_ query: PostgresQuery, logger: Logger) async throws -> [PostgresRow] {
        do {
            return try await self.query(query, logger: logger).collect()
        } catch {
            throw DatabaseError.statement(query.sql, failedWith: error)
        }
    }
}

extension PostgresConnection {
    /// Runs `query` and collects its rows; failures become ``DatabaseError`` naming the statement.
    func rows(_ query: PostgresQuery, logger: Logger) async throws -> [PostgresRow] {
        do {
            return try await self.query(query, logger: logger).collect()
        } catch {
            throw DatabaseError.statement(query.sql, failedWith: error)
        }
    }
}

/// A failure the queue found itself (not PostgreSQL's): what, why and how to fix it.
public struct JobsError: Error, Sendable, CustomStringConvertible {
    /// The message.
    public let description: String
    init(_ description: String) { self.description = description }
}
