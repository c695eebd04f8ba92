/// Decodes a `Decodable` from the plain values the structural check produces (`[String: Any]`,
/// `[Any]`, `String`, `Int`, `Bool`), without a detour through JSON bytes.
///
/// The values have already been checked against the schema, so a mismatch here is a bug; it is
/// still reported as a `DecodingError` with its coding path, never a crash.
struct PlainValueDecoder: Decoder {
    let value: Any
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(value: Any, codingPath: [any CodingKey] = []) {
        self.value = value
        self.codingPath = codingPath
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard let mapping = value as? [String: Any] else { throw mismatch([String: Any].self) }
        return KeyedDecodingContainer(Keyed<Key>(mapping: mapping, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard let items = value as? [Any] else { throw mismatch([Any].self) }
        return Unkeyed(items: items, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { Single(value: value, codingPath: codingPath) }

    private func mismatch(_ type: Any.Type) -> DecodingError {
        .typeMismatch(type, .init(codingPath: codingPath, debugDescription: "expected \(type), found \(Swift.type(of: value))"))
    }

    /// `value` as `T`: primitives by cast, anything else through its own `init(from:)`.
    static func decode<T: Decodable>(_ type: T.Type, from value: Any, at codingPath: [any CodingKey]) throws -> T {
        if let primitive = value as? T, T.self == String.self || T.self == Int.self || T.self == Bool.self || T.self == Double.self {
            return primitive
        }
        if T.self == Double.self, let integer = value as? Int, let double = Double(integer) as? T { return double }
        if T.self == String.self || T.self == Int.self || T.self == Bool.self || T.self == Double.self {
            throw DecodingError.typeMismatch(type, .init(codingPath: codingPath, debugDescription: "expected \(type), found \(Swift.type(of: value))"))
        }
        return try T(from: PlainValueDecoder(value: value, codingPath: codingPath))
    }

    private struct Index: CodingKey {
        var intValue: Int?
        var stringValue: String { "\(intValue ?? 0)" }
        init(intValue: Int) { self.intValue = intValue }
        init?(stringValue: String) { nil }
    }

    private struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let mapping: [String: Any]
        let codingPath: [any CodingKey]
        var allKeys: [Key] { mapping.keys.compactMap(Key.init(stringValue:)) }

        func contains(_ key: Key) -> Bool { mapping[key.stringValue] != nil }
        func decodeNil(forKey key: Key) throws -> Bool { mapping[key.stringValue] == nil }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            guard let value = mapping[key.stringValue] else {
                throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "no value for \(key.stringValue)"))
            }
            return try PlainValueDecoder.decode(type, from: value, at: codingPath + [key])
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            try PlainValueDecoder(value: mapping[key.stringValue] ?? [String: Any](), codingPath: codingPath + [key]).container(keyedBy: type)
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            try PlainValueDecoder(value: mapping[key.stringValue] ?? [Any](), codingPath: codingPath + [key]).unkeyedContainer()
        }

        func superDecoder() throws -> any Decoder { PlainValueDecoder(value: mapping, codingPath: codingPath) }
        func superDecoder(forKey key: Key) throws -> any Decoder {
            PlainValueDecoder(value: mapping[key.stringValue] ?? [String: Any](), codingPath: codingPath + [key])
        }
    }

    private struct Unkeyed: UnkeyedDecodingContainer {
        let items: [Any]
        let codingPath: [any CodingKey]
        var currentIndex = 0
        var count: Int? { items.count }
        var isAtEnd: Bool { currentIndex >= items.count }

        init(items: [Any], codingPath: [any CodingKey]) {
            self.items = items
            self.codingPath = codingPath
        }

        mutating func decodeNil() throws -> Bool { false }

        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            guard !isAtEnd else {
                throw DecodingError.valueNotFound(type, .init(codingPath: codingPath, debugDescription: "the list has no more elements"))
            }
            let value = try PlainValueDecoder.decode(type, from: items[currentIndex], at: codingPath + [Index(intValue: currentIndex)])
            currentIndex += 1
            return value
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            let decoder = PlainValueDecoder(value: items[currentIndex], codingPath: codingPath + [Index(intValue: currentIndex)])
            currentIndex += 1
            return try decoder.container(keyedBy: type)
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            let decoder = PlainValueDecoder(value: items[currentIndex], codingPath: codingPath + [Index(intValue: currentIndex)])
            currentIndex += 1
            return try decoder.unkeyedContainer()
        }

        mutating func superDecoder() throws -> any Decoder { PlainValueDecoder(value: items, codingPath: codingPath) }
    }

    private struct Single: SingleValueDecodingContainer {
        let value: Any
        let codingPath: [any CodingKey]

        func decodeNil() -> Bool { false }
        func decode<T: Decodable>(_ type: T.Type) throws -> T { try PlainValueDecoder.decode(type, from: value, at: codingPath) }
    }
}
