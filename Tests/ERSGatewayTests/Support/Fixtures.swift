import ERSGateway
import ERSModel
import Foundation
import Yams

/// Specs, targets and paths the tests share.
enum Fixtures {
    /// The repository root (three levels above this file's directory).
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `environments/base.yaml`, decoded with Yams until the spec loader exists.
    static func baseSpec() throws -> SystemSpec {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("environments/base.yaml"), encoding: .utf8)
        return try YAMLDecoder().decode(SystemSpec.self, from: text)
    }

    /// Every service on 127.0.0.1 at `firstPort`, `firstPort + 1`, … in spec order: a render
    /// nginx can check and run without name resolution.
    static func loopbackTarget(for spec: SystemSpec, firstPort: Int = 18080) -> GatewayTarget {
        var ports: [String: Int] = [:]
        for (index, service) in spec.services.enumerated() { ports[service.name] = firstPort + index }
        return .host(address: "127.0.0.1", ports: ports)
    }

    /// A renderer from `templates/nginx.conf.mustache` as it is on disk, so one
    /// `ERS_UPDATE_GOLDEN=1` run refreshes the compiled-in copy and the golden files together
    /// (`BundledTemplateTests` checks that the two are the same).
    static func renderer() throws -> NginxConfigRenderer {
        let url = repositoryRoot.appendingPathComponent("templates/nginx.conf.mustache")
        return try NginxConfigRenderer(template: String(contentsOf: url, encoding: .utf8))
    }
}
