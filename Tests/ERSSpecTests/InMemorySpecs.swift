import ERSModel
import ERSSpec
import Foundation

/// Spec files held in memory, for loader tests.
struct InMemorySpecs {
    var files: [String: String]

    /// Loads `path` from the in-memory files.
    func load(_ path: String) -> SpecLoadResult {
        let files = files
        return SpecLoader(readFile: { path in
            guard let text = files[path] else { throw CocoaError(.fileNoSuchFile) }
            return text
        }).load(path: path)
    }

    /// The repository's environments/ folder, found from this source file.
    static let environments: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("environments")

    /// A minimal valid spec; `extra` is appended verbatim (YAML at the root level).
    static func minimal(_ extra: String = "") -> String {
        """
        name: ers
        environment: test
        namespace: ers-test
        images: {registry: registry.example.com/ers, tag: "1.0.0"}
        services:
          - name: api
            image: {repository: ers-server}
            ports:
              - {name: http, containerPort: 8080}
          - name: gw
            image: {repository: nginx, tag: "1.27"}
            ports:
              - {name: http, containerPort: 8081}
        gateway:
          service: gw
          port: http
          auth: {service: api, port: http, verifyPath: /auth/verify}
          routes:
            - {name: api, path: /api, service: api, port: http}
        \(extra)
        """
    }
}
