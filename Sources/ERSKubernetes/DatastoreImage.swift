import ERSModel

/// The image of an in-cluster datastore: the spec's, or the engine's official image when the
/// spec names none (spec validation requires one; the renderer never stops on it).
enum DatastoreImage {
    /// `datastore.image`, or `docker.io/library/postgres:15-bookworm` /
    /// `docker.io/library/redis:7.2-bookworm`.
    static func reference(of datastore: Datastore) -> ImageReference {
        if let image = datastore.image { return image }
        switch datastore.engine {
        case .postgresql: return ImageReference(repository: "docker.io/library/postgres", tag: "15-bookworm")
        case .redis: return ImageReference(repository: "docker.io/library/redis", tag: "7.2-bookworm")
        }
    }
}
