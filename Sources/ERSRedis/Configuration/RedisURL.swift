public import Foundation

/// A Redis server address as a URL (the `redis` and `rediss` schemes registered with IANA:
/// https://www.iana.org/assignments/uri-schemes/prov/redis):
/// `redis://[user[:password]@]host[:port][/db]`, or `rediss://…` for TLS.
///
/// The password should come from a file (`passwordFile`, e.g. `REDIS_PASSWORD_FILE`) so it never
/// sits in a URL, an argument list or an environment variable. A `sslrootcert=PATH` query
/// parameter names a CA bundle for `rediss://` (default: the system's trust store); the server's
/// host name is always verified.
public struct RedisURL: Sendable, Hashable, CustomStringConvertible {
    /// Host name or IP address.
    public var host: String
    /// TCP port (default 6379).
    public var port: Int
    /// ACL user (Redis 6+ `AUTH user password`); nil for the `default` user.
    public var user: String?
    /// Password; never printed by ``description``.
    public var password: String?
    /// Logical database number (`SELECT`), 0 by default.
    public var database: Int
    /// Whether the connection uses TLS (`rediss://`).
    public var usesTLS: Bool
    /// CA bundle for TLS (query parameter `sslrootcert`); nil for the system trust store.
    public var rootCertificatePath: String?

    /// Creates a URL from its parts.
    public init(host: String, port: Int = 6379, user: String? = nil, password: String? = nil, database: Int = 0,
                usesTLS: Bool = false, rootCertificatePath: String? = nil) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.database = database
        self.usesTLS = usesTLS
        self.rootCertificatePath = rootCertificatePath
    }

    /// Parses `text`, reading the password from `passwordFile` when given (trailing newlines
    /// removed). A password both in the URL and in a file is an error.
    /// - Throws: ``RedisURLError`` naming the part that is wrong and how to write it.
    public init(parsing text: String, passwordFile: String? = nil) throws(RedisURLError) {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              scheme == "redis" || scheme == "rediss"
        else {
            throw .invalid("'\(Self.redacted(text))' is not a Redis URL; write redis://user@host:6379/0 (or rediss:// for TLS)")
        }
        guard let host = components.host, !host.isEmpty else {
            throw .invalid("'\(Self.redacted(text))' names no host; write redis://user@HOST:6379")
        }
        self.host = host
        port = components.port ?? 6379
        guard (1...65535).contains(port) else { throw .invalid("port \(port) is outside 1…65535") }
        usesTLS = scheme == "rediss"
        user = components.percentEncodedUser.flatMap { $0.removingPercentEncoding }.flatMap { $0.isEmpty ? nil : $0 }
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        if path.isEmpty {
            database = 0
        } else if let number = Int(path), number >= 0 {
            database = number
        } else {
            throw .invalid("'/\(path)' is not a database number; write redis://host:6379/0")
        }
        rootCertificatePath = components.queryItems?.first { $0.name == "sslrootcert" }?.value
        if rootCertificatePath != nil && !usesTLS {
            throw .invalid("sslrootcert is set but the scheme is redis://; use rediss:// for TLS")
        }
        let urlPassword = components.percentEncodedPassword.flatMap { $0.removingPercentEncoding }
        if let passwordFile {
            if urlPassword != nil {
                throw .invalid("a password is both in the URL and in \(passwordFile); keep only the file")
            }
            do {
                var secret = try String(contentsOfFile: passwordFile, encoding: .utf8)
                while secret.hasSuffix("\n") || secret.hasSuffix("\r") { secret.removeLast() }
                guard !secret.isEmpty else { throw RedisURLError.invalid("the password file \(passwordFile) is empty") }
                password = secret
            } catch let error as RedisURLError {
                throw error
            } catch {
                throw .invalid("cannot read the password file \(passwordFile): \(error.localizedDescription)")
            }
        } else {
            password = urlPassword
        }
    }

    /// `host:port`, for messages.
    public var address: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }

    /// The URL with any password replaced by `***`: safe for logs and errors.
    public var description: String {
        let credentials = switch (user, password) {
        case (nil, nil): ""
        case (let user?, nil): "\(user)@"
        case (let user, _?): "\(user ?? ""):***@"
        }
        return "\(usesTLS ? "rediss" : "redis")://\(credentials)\(address)/\(database)"
    }

    /// `text` with a password between `:` and `@` masked.
    static func redacted(_ text: String) -> String {
        guard let at = text.lastIndex(of: "@"), let scheme = text.range(of: "://"),
              let colon = text[scheme.upperBound..<at].firstIndex(of: ":") else { return text }
        return String(text[..<text.index(after: colon)]) + "***" + String(text[at...])
    }
}

/// A Redis URL that cannot be used.
public enum RedisURLError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong and how to write it.
    case invalid(String)

    /// The message.
    public var description: String {
        switch self {
        case .invalid(let message): "redis URL: \(message)"
        }
    }
}
