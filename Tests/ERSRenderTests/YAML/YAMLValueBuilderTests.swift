import ERSRender
import Testing

/// Building values: literals, omitted entries, sorted maps, mapping edits.
@Suite("YAML value builders")
struct YAMLValueBuilderTests {
    @Test("literals build the matching cases")
    func literals() {
        let value: YAMLValue = ["s": "x", "i": 3, "b": true, "seq": [1, "two"], "null": .null]
        let expected = YAMLValue.mapping(
            YAMLMapping([
                (key: "s", value: .string("x")), (key: "i", value: .int(3)), (key: "b", value: .bool(true)),
                (key: "seq", value: .sequence([.int(1), .string("two")])), (key: "null", value: .null),
            ])
        )
        #expect(value == expected)
    }

    @Test("entries whose value is nil are left out")
    func nilEntriesOmitted() {
        let replicas: Int? = nil
        let image: String? = "nginx"
        let labels: [String: String] = [:]
        let value: YAMLValue = [
            "replicas": replicas.map(YAMLValue.int),
            "image": image.map(YAMLValue.string),
            "labels": .sortedMapping(labels).nonEmpty,
            "args": YAMLValue.sequence([]).nonEmpty,
            "note": YAMLValue.string("").nonEmpty,
            "kept": YAMLValue.sequence(["a"]).nonEmpty,
        ]
        #expect(YAMLWriter.document(value) == "image: nginx\nkept:\n- a\n")
    }

    @Test("sortedMapping orders keys by Unicode scalar values")
    func sortedMapping() {
        let labels = ["b": "2", "a": "1", "B": "0", "é": "4", "z": "3", "app.kubernetes.io/name": "x"]
        #expect(
            YAMLWriter.document(.sortedMapping(labels))
                == "B: \"0\"\na: \"1\"\napp.kubernetes.io/name: x\nb: \"2\"\nz: \"3\"\né: \"4\"\n"
        )
        let values: [String: YAMLValue] = ["y": 1, "x": ["n": 2]]
        #expect(YAMLWriter.document(.sortedMapping(values)) == "x:\n  \"n\": 2\n\"y\": 1\n")
    }

    @Test("a key set twice keeps its first position and takes the last value")
    func duplicateKeys() {
        let literal: YAMLMapping = ["a": 1, "b": 2, "a": 3]
        #expect(literal == ["a": 3, "b": 2])
        let pairs = (0..<20).map { (key: "k\($0 % 10)", value: YAMLValue.int($0)) }
        let mapping = YAMLMapping(pairs)
        #expect(mapping.count == 10)
        #expect(mapping.entries.first?.key == "k0")
        #expect(mapping["k0"] == .int(10))
    }

    @Test("the subscript replaces in place, appends, and removes")
    func subscriptEdits() {
        var mapping: YAMLMapping = ["a": 1, "b": 2]
        mapping["a"] = "one"
        mapping["c"] = 3
        mapping["b"] = nil
        mapping["missing"] = nil
        #expect(mapping.entries.map(\.key) == ["a", "c"])
        #expect(mapping["a"] == "one")
        #expect(mapping["b"] == nil)
        #expect(YAMLWriter.document(.mapping(mapping)) == "a: one\nc: 3\n")
    }

    @Test("mappings with the same entries in another order differ")
    func orderMatters() {
        let first: YAMLValue = ["a": 1, "b": 2]
        let second: YAMLValue = ["b": 2, "a": 1]
        #expect(first != second)
        #expect(first == ["a": 1, "b": 2])
    }
}
