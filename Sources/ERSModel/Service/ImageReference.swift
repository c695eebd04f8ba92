/// A container image: a repository and a tag or digest (`image:` of a service or datastore).
///
/// A repository whose first path component contains a `.` or `:` or is `localhost` names its
/// own registry (`docker.io/library/postgres`); any other is put under `images.registry`.
public struct ImageReference: Sendable, Hashable, Codable {
    /// Repository, e.g. `ers-server` or `docker.io/nginxinc/nginx-unprivileged`.
    public var repository: String
    /// Tag, e.g. `1.4.2`; nil takes `images.tag`. Never `latest` outside development.
    public var tag: String?
    /// Digest, e.g. `sha256:…`; pins the image whatever the tag says.
    public var digest: String?

    /// Creates a reference.
    public init(repository: String, tag: String? = nil, digest: String? = nil) {
        self.repository = repository
        self.tag = tag
        self.digest = digest
    }

    /// Whether the repository names its own registry host.
    public var hasRegistryHost: Bool {
        guard let first = repository.split(separator: "/").first, repository.contains("/") else { return false }
        return first.contains(".") || first.contains(":") || first == "localhost"
    }

    /// `registry/repository:tag[@digest]` with the defaults filled in.
    public func resolved(registry: String, defaultTag: String) -> String {
        let base = hasRegistryHost || registry.isEmpty ? repository : "\(registry)/\(repository)"
        var result = "\(base):\(tag ?? defaultTag)"
        if let digest { result += "@\(digest)" }
        return result
    }
}
