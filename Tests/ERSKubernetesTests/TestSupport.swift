import ERSKubernetes
import ERSModel
import ERSRender
import Foundation
import Testing
import Yams

/// Shared fixtures: the base spec, a fixed gateway config, rendering and golden files.
enum TestSupport {
    /// The package root (three levels above this file).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    /// This test target's directory.
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    /// A fixed stand-in for the gateway renderer's `nginx.conf`.
    static let gatewayConfig = """
        # fake nginx.conf for the Kubernetes renderer's tests
        worker_processes auto;
        pid /tmp/nginx.pid;
        events { worker_connections 1024; }
        http {
            server { listen 8080; location = /healthz { return 200 "ok\\n"; } }
        }

        """

    /// `environments/<name>.yaml` decoded straight into the model (no overlay).
    static func spec(_ name: String = "base") throws -> SystemSpec {
        let url = packageRoot.appendingPathComponent("environments/\(name).yaml")
        let text = try String(contentsOf: url, encoding: .utf8)
        return try YAMLDecoder().decode(SystemSpec.self, from: text)
    }

    /// The rendered files of `spec` as a path-to-contents map.
    static func render(
        _ spec: SystemSpec, options: KubernetesRenderOptions = .init(), gatewayConfig: String = gatewayConfig
    ) -> [String: String] {
        let files = KubernetesRenderer(options: options).render(spec, gatewayConfig: gatewayConfig)
        return Dictionary(files.map { ($0.path, $0.contents) }, uniquingKeysWith: { first, _ in first })
    }

    /// Every YAML document of a rendered file, parsed.
    static func documents(_ text: String) throws -> [[String: Any]] {
        try Yams.load_all(yaml: text).compactMap { $0 as? [String: Any] }
    }

    /// The document of `kind` named `name` in `text`.
    static func object(_ kind: String, _ name: String, in text: String) throws -> [String: Any]? {
        try documents(text).first { ($0["kind"] as? String) == kind && (metadata($0)["name"] as? String) == name }
    }

    /// `metadata` of an object.
    static func metadata(_ object: [String: Any]) -> [String: Any] { object["metadata"] as? [String: Any] ?? [:] }

    /// The value at a key path of nested mappings.
    static func value(_ object: [String: Any], _ path: String...) -> Any? {
        var current: Any? = object
        for key in path { current = (current as? [String: Any])?[key] }
        return current
    }

    /// Compares `files` with `Golden/<name>/…` byte for byte, or rewrites the golden files
    /// when `ERS_UPDATE_GOLDEN=1`.
    static func checkGolden(_ files: [String: String], name: String) throws {
        let directory = testsDirectory.appendingPathComponent("Golden/\(name)")
        let manager = FileManager.default
        if ProcessInfo.processInfo.environment["ERS_UPDATE_GOLDEN"] == "1" {
            try? manager.removeItem(at: directory)
            for (path, contents) in files {
                let url = directory.appendingPathComponent(path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(contents.utf8).write(to: url)
            }
            return
        }
        var expectedPaths: Set<String> = []
        if let enumerator = manager.enumerator(at: directory, includingPropertiesForKeys: nil) {
            for case let url as URL in enumerator where !url.hasDirectoryPath {
                expectedPaths.insert(String(url.standardizedFileURL.path.dropFirst(directory.standardizedFileURL.path.count + 1)))
            }
        }
        #expect(Set(files.keys) == expectedPaths, "rendered files differ from Golden/\(name); rerun with ERS_UPDATE_GOLDEN=1 to accept")
        for (path, contents) in files.sorted(by: { $0.key < $1.key }) {
            let url = directory.appendingPathComponent(path)
            guard let golden = try? Data(contentsOf: url) else { continue }
            #expect(
                Data(contents.utf8) == golden,
                "\(path) differs from Golden/\(name)/\(path); rerun with ERS_UPDATE_GOLDEN=1 to accept")
        }
    }
}
