/// Kubernetes `IntOrString` restricted to what the fields using it accept: a count (`1`) or a
/// percentage (`"25%"`). Encodes as an integer or a `"N%"` string.
public enum IntOrPercent: Sendable, Hashable, Codable, CustomStringConvertible {
    /// An absolute number of pods.
    case count(Int)
    /// A percentage of the desired pods (0–100).
    case percent(Int)

    /// Parses `"25%"` or `"3"`; nil for anything else.
    public init?(text: String) {
        if text.hasSuffix("%"), let value = Int(text.dropLast()), value >= 0 {
            self = .percent(value)
        } else if let value = Int(text) {
            self = .count(value)
        } else {
            return nil
        }
    }

    /// Decodes an integer or an `"N%"` string.
    /// - Throws: `DecodingError.dataCorrupted` for anything else.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Int.self) {
            self = .count(value)
            return
        }
        let text = try container.decode(String.self)
        guard let value = IntOrPercent(text: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is neither a count nor a percentage; write e.g. 1 or \"25%\"")
        }
        self = value
    }

    /// Encodes an integer or an `"N%"` string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .count(let value): try container.encode(value)
        case .percent(let value): try container.encode("\(value)%")
        }
    }

    /// `3` or `25%`.
    public var description: String {
        switch self {
        case .count(let value): "\(value)"
        case .percent(let value): "\(value)%"
        }
    }
}
