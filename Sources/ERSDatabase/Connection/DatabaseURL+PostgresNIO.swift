public import NIOSSL
public import PostgresNIO

extension DatabaseURL {
    /// The TLS configuration `sslMode` calls for, following libpq ("SSL Support", table
    /// "SSL Mode Descriptions"):
    ///
    /// | sslmode | encryption | certificate chain | host name |
    /// |---|---|---|---|
    /// | `disable` | no | – | – |
    /// | `allow`, `prefer` | if the server offers it | not checked | not checked |
    /// | `require` | yes | checked against `sslrootcert` when one is given (libpq does the same when a root certificate file exists), else not checked | not checked |
    /// | `verify-ca` | yes | checked | not checked |
    /// | `verify-full` | yes | checked | checked (DNS name or IP address in the certificate) |
    ///
    /// The chain is checked against `rootCertificatePath`, or the system's trust store when
    /// there is none (libpq 16's `sslrootcert=system`; older libpq would read
    /// `~/.postgresql/root.crt`, which a container does not have).
    /// - Throws: NIOSSL's error when the CA bundle cannot be loaded.
    public func tlsConfiguration() throws -> TLSConfiguration? {
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch sslMode {
        case .disable:
            return nil
        case .allow, .prefer:
            configuration.certificateVerification = .none
        case .require:
            configuration.certificateVerification = rootCertificatePath == nil ? .none : .noHostnameVerification
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

    /// A postgres-nio pool configuration for this URL (TLS per `sslMode`; see
    /// ``tlsConfiguration()``). For `verify-full` postgres-nio checks the URL's host: a DNS
    /// name against the certificate's DNS names (and sends it as SNI), an IP address against
    /// its IP addresses.
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
        result.options.connectTimeout = .seconds(Int64(connectTimeoutSeconds))
        if let applicationName { result.options.additionalStartupParameters = [("application_name", applicationName)] }
        return result
    }

    /// A single-connection configuration (for session state such as advisory locks), with
    /// `application_name` set to the URL's or, when it has none, to `defaultApplicationName`.
    /// - Throws: NIOSSL's error when the CA bundle cannot be loaded or the context not built.
    public func connectionConfiguration(defaultApplicationName: String? = nil) throws -> PostgresConnection.Configuration {
        var result: PostgresConnection.Configuration
        if let socketDirectory {
            result = PostgresConnection.Configuration(
                unixSocketPath: "\(socketDirectory)/.s.PGSQL.\(port)", username: username, password: password, database: database)
        } else {
            let tls: PostgresConnection.Configuration.TLS
            switch (sslMode, try tlsConfiguration()) {
            case (_, nil): tls = .disable
            case (.allow, let configuration?), (.prefer, let configuration?): tls = .prefer(try NIOSSLContext(configuration: configuration))
            case (_, let configuration?): tls = .require(try NIOSSLContext(configuration: configuration))
            }
            result = PostgresConnection.Configuration(
                host: host ?? "localhost", port: port, username: username, password: password, database: database, tls: tls)
        }
        result.options.connectTimeout = .seconds(Int64(connectTimeoutSeconds))
        if let name = applicationName ?? defaultApplicationName {
            result.options.additionalStartupParameters = [("application_name", name)]
        }
        return result
    }
}
