extension YAMLMapping: ExpressibleByDictionaryLiteral {
    /// A mapping in source order. An entry whose value is `nil` is left out, so optional
    /// fields read naturally: `["replicas": replicas.map(YAMLValue.int)]`. A key written twice
    /// keeps its first position and takes its last value.
    public init(dictionaryLiteral elements: (String, YAMLValue?)...) {
        self.init()
        for (key, value) in elements {
            self[key] = value
        }
    }
}
