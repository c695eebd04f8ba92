@testable import ERSGateway
import Foundation
import Testing

/// The compiled-in template is `templates/nginx.conf.mustache`, byte for byte.
@Suite struct BundledTemplateTests {
    static let templateURL = Fixtures.repositoryRoot.appendingPathComponent("templates/nginx.conf.mustache")
    static let generatedURL = Fixtures.repositoryRoot.appendingPathComponent("Sources/ERSGateway/Template/BundledNginxTemplate.swift")

    @Test func compiledCopyMatchesTemplateFile() throws {
        let template = try String(contentsOf: Self.templateURL, encoding: .utf8)
        if Golden.updating {
            try Self.swiftSource(for: template).write(to: Self.generatedURL, atomically: true, encoding: .utf8)
            return
        }
        #expect(NginxConfigRenderer.bundledTemplate() == template,
                "BundledNginxTemplate.swift is out of date; run ERS_UPDATE_GOLDEN=1 swift test --filter ERSGatewayTests")
    }

    @Test func bundledTemplateParses() throws {
        _ = try NginxConfigRenderer.bundled()
    }

    /// The generated Swift file: the template as a raw multi-line string literal.
    static func swiftSource(for template: String) throws -> String {
        struct UnsafeTemplate: Error {}
        // These would end the literal or interpolate into it.
        guard !template.contains("\"\"\"##"), !template.contains("\\##("), !template.contains("\r") else { throw UnsafeTemplate() }
        return """
            // Generated from templates/nginx.conf.mustache by `ERS_UPDATE_GOLDEN=1 swift test --filter ERSGatewayTests`.
            // Do not edit: edit the template and regenerate.

            /// The compiled-in copy of `templates/nginx.conf.mustache`.
            enum BundledNginxTemplate {
                /// The template's text, byte for byte.
                static let text = ##\"\"\"

            """ + template + "\n\"\"\"##\n}\n"
    }
}
