/// Writes ``YAMLValue``s as block-style YAML the way `kubectl` prints it: two-space indents,
/// sequences inside a mapping not indented further, `{}` and `[]` for empty collections,
/// keys in the order given, strings quoted only when a reader could misread them, and
/// multi-line strings as literal blocks. The output is a pure function of the value.
public enum YAMLWriter {
    /// One YAML document (ending with a newline), without a leading `---`.
    public static func document(_ value: YAMLValue) -> String {
        var emitter = YAMLEmitter(capacity: 1024)
        emitter.writeDocument(value)
        return emitter.text
    }

    /// Several documents in order, separated by `---` lines; the empty string for none.
    public static func documents(_ values: [YAMLValue]) -> String {
        var emitter = YAMLEmitter(capacity: 1024 * values.count)
        for (index, value) in values.enumerated() {
            if index > 0 { emitter.writeASCII("---\n") }
            emitter.writeDocument(value)
        }
        return emitter.text
    }
}
