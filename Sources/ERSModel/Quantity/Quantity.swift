// TEMPORARY stub, replaced by the real Quantity on merge.
public struct Quantity: Sendable, Hashable, Codable, CustomStringConvertible {
    public var description: String
    public init(parsing text: String) throws { description = text }
    public init(from decoder: any Decoder) throws { description = try decoder.singleValueContainer().decode(String.self) }
    public func encode(to encoder: any Encoder) throws { var c = encoder.singleValueContainer(); try c.encode(description) }
}
