extension SystemSpec {
    /// Images: a tag is required and `latest` is refused outside development; a tag belongs
    /// in `tag`, not in `repository`.
    func validateImages() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let isDevelopment = environment == "development"
        func check(_ image: ImageReference, _ path: FieldPath) {
            let lastComponent = image.repository.split(separator: "/").last ?? ""
            if lastComponent.contains(":") || image.repository.contains("@") {
                diagnostics.append(.error(path.key("repository"), "'\(image.repository)' carries a tag or digest; put it in tag (or digest) and keep only the repository here"))
                return
            }
            let tag = image.tag ?? images.tag
            if tag.isEmpty {
                diagnostics.append(.error(path.key("tag"), "the image has no tag; pin a version, e.g. tag: \"1.4.2\""))
            } else if tag == "latest", !isDevelopment, image.digest == nil {
                diagnostics.append(.error(image.tag == nil ? [.key("images"), .key("tag")] : path.key("tag"), "'latest' is not a version: every restart may run other code; pin a version (latest is allowed only in development)"))
            }
            if let digest = image.digest, !digest.hasPrefix("sha256:") || digest.count != 71 {
                diagnostics.append(.error(path.key("digest"), "'\(digest)' is not a digest; write sha256: followed by 64 hex digits"))
            }
        }
        if images.tag == "latest", !isDevelopment {
            diagnostics.append(.error([.key("images"), .key("tag")], "'latest' is not a version: every restart may run other code; pin a version (latest is allowed only in development)"))
        }
        for service in services {
            var copy = service.image
            if copy.tag == nil, images.tag == "latest" { copy.tag = "pinned" }  // reported once above
            check(copy, [.key("services"), .name(service.name), .key("image")])
        }
        for datastore in datastores {
            if let image = datastore.image { check(image, [.key("datastores"), .name(datastore.name), .key("image")]) }
        }
        return diagnostics
    }
}
