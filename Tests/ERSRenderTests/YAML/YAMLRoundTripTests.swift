import ERSRender
import Testing

/// Writes values, reads them back with PyYAML, and expects exactly what was written.
@Suite("YAML round trip through PyYAML")
struct YAMLRoundTripTests {
    /// Documents that put `text` in every position: mapping value and key, sequence item,
    /// nested two levels deep, and the document root.
    static func documents(for text: String) -> [YAMLValue] {
        let string = YAMLValue.string(text)
        let asKey = YAMLValue.mapping(YAMLMapping([(key: text, value: string)]))
        return [
            [
                "value": string,
                "items": [string, ["k": string], [string], asKey],
                "keyed": asKey,
                "deep": ["a": [["b": ["c": string]], [[string]]]],
                "after": 1,
            ],
            string,
            [string, asKey],
        ]
    }

    @Test("every tricky string comes back as the identical string, in every position")
    func trickyStrings() throws {
        let values = TrickyStrings.all.flatMap(Self.documents(for:))
        try expectRoundTrip(values)
    }

    @Test("nested structures, empty collections and scalars come back unchanged")
    func structures() throws {
        let values: [YAMLValue] = [
            DeploymentFixture.deployment(index: 7),
            DeploymentFixture.configMap(index: 7),
            ["labels": [:], "args": [], "items": [[], [:], .null, 0, -5, .int(.max), true, false]],
            [[["deep": [[["deeper": ["x"]]]]]]],
            [:], [], .null, 1, "plain",
            [String(repeating: "long key ", count: 200): ["a", ["b": "c\nd"]], "next": ["k": 1]],
            [[String(repeating: "long key ", count: 200): ["k": "v", "l": [1]], "m": " x\ny"]],
        ]
        try expectRoundTrip(values)
    }

    /// Writes `values` as one multi-document stream, loads it with PyYAML (and libyaml), and
    /// compares each document with its expected JSON.
    private func expectRoundTrip(_ values: [YAMLValue], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let yaml = YAMLWriter.documents(values)
        guard let readings = try PyYAML.load(yaml, sourceLocation: sourceLocation) else { return }
        #expect(!readings.isEmpty, sourceLocation: sourceLocation)
        let expected = values.map(PythonJSON.encode)
        for reading in readings {
            #expect(reading.documents.count == values.count, "\(reading.reader)", sourceLocation: sourceLocation)
            for (value, (json, expectedJSON)) in zip(values, zip(reading.documents, expected)) {
                #expect(
                    json == expectedJSON,
                    "\(reading.reader) read the document written as:\n\(YAMLWriter.document(value))",
                    sourceLocation: sourceLocation
                )
            }
        }
    }
}
