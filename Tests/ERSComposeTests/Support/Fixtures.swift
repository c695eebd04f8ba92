import ERSCompose
import ERSGateway
import ERSModel
import ERSRender
import Foundation
import Yams

/// Specs and renders the tests share.
enum Fixtures {
    /// The repository root.
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `environments/base.yaml`, decoded with Yams until the spec loader exists.
    static func baseSpec() throws -> SystemSpec {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("environments/base.yaml"), encoding: .utf8)
        return try YAMLDecoder().decode(SystemSpec.self, from: text)
    }

    /// The text of `compose/compose.yaml` for `spec`.
    static func composeText(_ spec: SystemSpec) throws -> String {
        let files = try ComposeRenderer().render(spec)
        guard files.count == 1, let file = files.first, file.path == ComposeRenderer.composePath else {
            throw Unexpected(description: "expected exactly compose/compose.yaml, got \(files.map(\.path))")
        }
        return file.contents
    }

    /// `compose.yaml` of `spec` read back as plain values.
    static func compose(_ spec: SystemSpec) throws -> [String: Any] {
        guard let document = try Yams.load(yaml: composeText(spec)) as? [String: Any] else {
            throw Unexpected(description: "compose.yaml is not a mapping")
        }
        return document
    }

    /// The compose-target nginx.conf, as the CLI writes it beside compose.yaml.
    static func gatewayConfig(_ spec: SystemSpec) throws -> NginxConfig {
        try NginxConfigRenderer.bundled().renderConfig(spec, target: .compose)
    }

    struct Unexpected: Error, CustomStringConvertible { var description: String }
}

extension [String: Any] {
    /// The mapping at `key`, or empty.
    func mapping(_ key: String) -> [String: Any] { self[key] as? [String: Any] ?? [:] }
    /// The string mapping at `key`, or empty.
    func strings(_ key: String) -> [String: String] { self[key] as? [String: String] ?? [:] }
}
