public import NIOSSL
public import PostgresNIO

extension DatabaseURL {
    /// The TLS configuration `sslMode` calls for: none for `disable`; encryption without
    /// certificate checks for `allow`, `prefer` and `require` (as libpq does without a root
    /// certificate); the chain checked against `rootCertificatePath` (or the system's trust
    /// store) for `verify-ca`, and the host name too for `verify-full`.
    /// - Throws: NIOSSL's error when the CA bundle cannot be loaded.
    public func tlsConfiguration() throws -> TLSConfiguration? {
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch sslMode {
        case .disable:
            return nil
        case .allow, .prefer, .require:
            configuration.certificateVerification = .none
        case .verifyCA:
            configuration.certificateVerification = .noHostnameVerification
        case .verifyFull:
            configuration.certificateVerification = .fullVerification
        }
        if let rootCertificatePath {
            configuration.trustRoots = .file(rootCertificatePath)
        }
        return configuration
    }

    /// A postgres-nio pool configuration for this URL (TLS per `sslMode`).
    /// - Throws: NIOSSL's error when the CA bundle cannot be loaded.
    public func clientConfiguration() throws -> PostgresClient.Configuration {
        if let socketDirectory {
            return PostgresClient.Configuration(
                unixSocketPath: "\(socketDirectory)/.s.PGSQL.\(port)", username: username, password: password, database: database)
        }
        let tls: PostgresClient.Configuration.TLS
        switch (sslMode, try tlsConfiguration()) {
        case (_, nil): tls = .disable
        case (.allow, let configuration?), (.prefer, let configuration?): tls = .prefer(configuration)
        case (_, let configuration?): tls = .require(configuration)
        }
        var result = PostgresClient.Configuration(
            host: host ?? "localhost", port: port, username: username, password: password, database: database, tls: tls)
        if sslMode == .verifyFull { result.options.tlsServerName = host }
        return result
    }

    /// A single-connection configuration (for session state such as advisory locks).
    /// - Throws: NIOSSL's error when the CA bundle cannot be loaded or the context not built.
    public func connectionConfiguration() throws -> PostgresConnection.Configuration {
        if let socketDirectory {
            return PostgresConnection.Configuration(
                unixSocketPath: "\(socketDirectory)/.s.PGSQL.\(port)", username: username, password: password, database: database)
        }
        let tls: PostgresConnection.Configuration.TLS
        switch (sslMode, try tlsConfiguration()) {
        case (_, nil): tls = .disable
        case (.allow, let configuration?), (.prefer, let configuration?): tls = .prefer(try NIOSSLContext(configuration: configuration))
        case (_, let configuration?): tls = .require(try NIOSSLContext(configuration: configuration))
        }
        var result = PostgresConnection.Configuration(
            host: host ?? "localhost", port: port, username: username, password: password, database: database, tls: tls)
        if sslMode == .verifyFull { result.options.tlsServerName = host }
        return result
    }
}
