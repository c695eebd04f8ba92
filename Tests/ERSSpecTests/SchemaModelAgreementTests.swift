import ERSModel
import Foundation
import Testing

@testable import ERSSpec

/// The spec schema and the model must describe the same keys: what the structural check
/// accepts must survive decoding into `SystemSpec` and encoding back, key for key.
@Suite struct SchemaModelAgreementTests {
    @Test(arguments: ["base", "development", "staging", "production"])
    func checkedValuesRoundTripThroughTheModel(_ environment: String) throws {
        let path = InMemorySpecs.environments.appendingPathComponent("\(environment).yaml").path
        let result = SpecLoader().load(path: path)
        let spec = try #require(result.spec)
        let tree = try #require(result.sourceMap?.root)
        var checker = StructuralChecker()
        let checked = checker.check(tree, as: SpecSchema.root, at: .root)
        let plain = try #require(checked)
        let options: JSONSerialization.WritingOptions = [.sortedKeys, .prettyPrinted]
        let expected = try JSONSerialization.data(withJSONObject: plain, options: options)
        let encoded = try JSONEncoder().encode(spec)
        let actual = try JSONSerialization.data(withJSONObject: JSONSerialization.jsonObject(with: encoded), options: options)
        #expect(String(decoding: actual, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
    }

    @Test func theJSONSchemaIsValidJSONAndDeterministic() throws {
        let first = try SpecSchema.jsonSchema()
        #expect(first == (try SpecSchema.jsonSchema()))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])
        let definitions = try #require(object["$defs"] as? [String: Any])
        #expect(definitions["Service"] != nil && definitions["Gateway"] != nil)
    }
}
