/// A reference to one key of a Kubernetes Secret, never its value. Rendered as a file under
/// `/run/secrets/<name>` (a Secret volume in Kubernetes, a `secrets:` file in compose) and an
/// environment variable `<env>_FILE` holding that path.
public struct SecretReference: Sendable, Hashable, Codable {
    /// File name under `/run/secrets` and the compose secret's name (DNS-1123 label).
    public var name: String
    /// The variable the program reads, e.g. `JWT_SECRET`; the container gets `JWT_SECRET_FILE`.
    public var env: String
    /// The Kubernetes Secret's name (DNS-1123 subdomain).
    public var secretName: String
    /// The key inside that Secret.
    public var key: String

    /// Creates a reference.
    public init(name: String, env: String, secretName: String, key: String) {
        self.name = name
        self.env = env
        self.secretName = secretName
        self.key = key
    }

    /// The path the secret is mounted at: `/run/secrets/<name>`.
    public var mountPath: String { "/run/secrets/\(name)" }
    /// The environment variable that carries `mountPath`: `<env>_FILE`.
    public var fileEnvName: String { "\(env)_FILE" }
}
