public import Foundation

/// A PostgreSQL connection URL as libpq reads it ("Connection URIs", PostgreSQL docs §34.1.1):
/// `postgres://user[:password]@host[:port]/database?sslmode=verify-full&sslrootcert=/ca.pem`.
///
/// The password may instead come from a file (`passwordFile`, e.g. `DATABASE_PASSWORD_FILE`),
/// so it never sits in a URL, an argument list or an environment variable. A `host` query
/// parameter that starts with `/` names a Unix socket directory, as in libpq.
public struct DatabaseURL: Sendable, Hashable, CustomStringConvertible {
    /// Host name or IP address; nil when connecting over a Unix socket.
    public var host: String?
    /// TCP port (default 5432).
    public var port: Int
    /// Unix socket directory (libpq `host=/path`); the socket is `<dir>/.s.PGSQL.<port>`.
    public var socketDirectory: String?
    /// Role name.
    public var username: String
    /// Password, from the URL or the password file; never printed by ``description``.
    public var password: String?
    /// Database name (default: the user name, as libpq does).
    public var database: String
    /// libpq `sslmode` (default `prefer`).
    public var sslMode: SSLMode
    /// CA bundle (PEM) the server's certificate must chain to (libpq `sslrootcert`): checked
    /// for `verify-ca` and `verify-full`, and for `require` too when given (as libpq does when
    /// a root certificate file is present). Nil — or `sslrootcert=system`, as in libpq 16 —
    /// means the operating system's trust store.
    public var rootCertificatePath: String?
    /// Seconds to wait for the connection (libpq `connect_timeout`; default 10).
    public var connectTimeoutSeconds: Int
    /// `application_name` the server shows in `pg_stat_activity` (libpq `application_name`).
    public var applicationName: String?

    /// libpq `sslmode` values.
    public enum SSLMode: String, Sendable, Hashable, CaseIterable {
        case disable, allow, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    /// Parses `text`, reading the password from `passwordFile` when given (trailing newline
    /// removed). A password in both places is an error: one source of truth.
    ///
    /// Query parameters read: `sslmode`, `sslrootcert`, `connect_timeout`, `application_name`,
    /// `host` (a directory: Unix socket), `port`, `user`, `dbname`; others are ignored.
    /// - Throws: ``DatabaseURLError`` naming the part that is wrong and how to write it.
    public init(parsing text: String, passwordFile: String? = nil) throws(DatabaseURLError) {
        guard let components = URLComponents(string: text), let scheme = components.scheme,
              ["postgres", "postgresql"].contains(scheme)
        else {
            throw .invalid("'\(Self.redacted(text))' is not a PostgreSQL URL; write postgres://user@host:5432/database?sslmode=require")
        }
        let query = Dictionary((components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { $1 })
        guard let user = components.percentEncodedUser.flatMap({ $0.removingPercentEncoding }) ?? query["user"], !user.isEmpty else {
            throw .invalid("the URL names no user; write postgres://USER@host/database")
        }
        username = user
        port = components.port ?? query["port"].flatMap(Int.init) ?? 5432
        let queryHost = query["host"]
        if let queryHost, queryHost.hasPrefix("/") {
            socketDirectory = queryHost
            host = nil
        } else {
            host = components.host.flatMap { $0.isEmpty ? nil : $0 } ?? queryHost
            socketDirectory = nil
            if host == nil { throw .invalid("the URL names no host; write postgres://user@HOST:5432/database") }
        }
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        database = path.isEmpty ? (query["dbname"] ?? user) : (path.removingPercentEncoding ?? path)
        let modeText = query["sslmode"] ?? "prefer"
        guard let mode = SSLMode(rawValue: modeText) else {
            throw .invalid("sslmode '\(modeText)' is unknown; use one of \(SSLMode.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        sslMode = mode
        let root = query["sslrootcert"].flatMap { $0.isEmpty ? nil : $0 }
        rootCertificatePath = root == "system" ? nil : root
        if let text = query["connect_timeout"] {
            guard let seconds = Int(text), seconds >= 0 else {
                throw .invalid("connect_timeout '\(text)' is not a whole number of seconds; write e.g. connect_timeout=10")
            }
            // libpq: 0 means wait forever; postgres-nio needs a bound, so a day stands for it.
            connectTimeoutSeconds = seconds == 0 ? 86_400 : max(seconds, 2)
        } else {
            connectTimeoutSeconds = 10
        }
        applicationName = query["application_name"].flatMap { $0.isEmpty ? nil : $0 }
        let urlPassword = components.percentEncodedPassword.flatMap { $0.removingPercentEncoding }
        if let passwordFile {
            if urlPassword != nil {
                throw .invalid("a password is both in the URL and in \(passwordFile); keep only the file")
            }
            do {
                var secret = try String(contentsOfFile: passwordFile, encoding: .utf8)
                while secret.hasSuffix("\n") || secret.hasSuffix("\r") { secret.removeLast() }
                password = secret
            } catch {
                throw .invalid("cannot read the password file \(passwordFile): \(error.localizedDescription)")
            }
        } else {
            password = urlPassword
        }
        if sslMode != .disable, let root = rootCertificatePath, !FileManager.default.isReadableFile(atPath: root) {
            throw .invalid("sslrootcert \(root) cannot be read; give the path of the CA bundle (PEM) that signed the server's certificate, or sslrootcert=system for the system's trust store")
        }
    }

    /// The URL with any password replaced by `***`: safe for logs and errors.
    public var description: String {
        let place = host.map { "\($0):\(port)" } ?? "[\(socketDirectory ?? "")]:\(port)"
        return "postgres://\(username)\(password == nil ? "" : ":***")@\(place)/\(database)?sslmode=\(sslMode.rawValue)"
    }

    /// `text` with a password between `:` and `@` masked, for messages about unparsable URLs.
    static func redacted(_ text: String) -> String {
        guard let at = text.lastIndex(of: "@"), let scheme = text.range(of: "://"),
              let colon = text[scheme.upperBound..<at].firstIndex(of: ":") else { return text }
        return String(text[..<text.index(after: colon)]) + "***" + String(text[at...])
    }
}

/// A connection URL that cannot be used.
public enum DatabaseURLError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong and how to write it.
    case invalid(String)

    /// The message.
    public var description: String {
        switch self {
        case .invalid(let message): "database URL: \(message)"
        }
    }
}
