extension YAMLMapping {
    /// A mapping of `dictionary`'s entries with keys in Unicode scalar order (compared as
    /// UTF-8 bytes, which orders the same way), independent of locale and hashing.
    public init(sortingKeysOf dictionary: [String: YAMLValue]) {
        let sorted = dictionary.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        self.init(uniqueEntries: sorted.map { (key: $0.key, value: $0.value) })
    }
}
