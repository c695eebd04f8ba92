import ERSModel
import Foundation
import Testing

@Suite("Quantity Codable")
struct QuantityCodableTests {
    struct Resources: Codable, Equatable {
        var cpu: Quantity
        var memory: Quantity
    }

    @Test(
        "decodes strings and numbers",
        arguments: [
            (#""500m""#, "500m"), (#""1.5Gi""#, "1536Mi"), (#"" 1 ""#, "1"), ("2", "2"), ("0.5", "500m"),
            ("0.1", "100m"), ("-1", "-1"), ("1e3", "1k"), ("1.5e-5", "15e-6"),
        ])
    func decodes(json: String, canonical: String) throws {
        let decoded = try JSONDecoder().decode([Quantity].self, from: Data("[\(json)]".utf8))
        #expect(decoded.map(\.description) == [canonical])
    }

    @Test("encodes the canonical string")
    func encodes() throws {
        let resources = Resources(cpu: try Quantity(parsing: "0.25"), memory: try Quantity(parsing: "1024Mi"))
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(resources), as: UTF8.self)
        #expect(json == #"{"cpu":"250m","memory":"1Gi"}"#)
        #expect(try JSONDecoder().decode(Resources.self, from: Data(json.utf8)) == resources)
    }

    @Test("a bad quantity fails decoding with the quantity message", arguments: [#""256MB""#, #""""#, "true"])
    func rejects(json: String) {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([Quantity].self, from: Data("[\(json)]".utf8))
        }
    }

    @Test("the decoding error carries the human message")
    func decodingErrorMessage() {
        do {
            _ = try JSONDecoder().decode([Quantity].self, from: Data(#"["256MB"]"#.utf8))
            Issue.record("decoded 256MB")
        } catch DecodingError.dataCorrupted(let context) {
            #expect(context.debugDescription.contains("use Mi (mebibytes) or M (megabytes)"))
            #expect(context.underlyingError as? QuantityError != nil)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
