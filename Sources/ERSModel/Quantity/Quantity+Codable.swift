extension Quantity {
    /// Decodes a quantity from a string (`"500m"`, `"1Gi"`) or a number (`2`, `0.5`), as the
    /// API server's JSON decoding does (`Quantity.UnmarshalJSON`, which also trims surrounding
    /// whitespace).
    ///
    /// A floating-point number is read through its shortest decimal spelling (`0.1` → `100m`),
    /// so a YAML or JSON float keeps the digits that were written.
    ///
    /// - Throws: `DecodingError.dataCorrupted` whose debug description is the
    ///   ``QuantityError/message`` (with the ``QuantityError`` as underlying error), or for a
    ///   non-finite number; `DecodingError.typeMismatch` when the value is neither a string nor
    ///   a number.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text: String
        if let string = try? container.decode(String.self) {
            text = string.trimmingWhitespace()
        } else if let integer = try? container.decode(Int64.self) {
            text = String(integer)
        } else if let double = try? container.decode(Double.self) {
            guard double.isFinite else {
                throw DecodingError.dataCorrupted(
                    .init(
                        codingPath: decoder.codingPath,
                        debugDescription: "\(double) is not a Kubernetes quantity: it must be a finite number"))
            }
            text = "\(double)"
        } else {
            throw DecodingError.typeMismatch(
                Quantity.self,
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "a Kubernetes quantity must be a string such as '500m' or '1Gi', or a number"))
        }
        do {
            self = try Quantity(parsing: text)
        } catch {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: error.message, underlyingError: error))
        }
    }

    /// Encodes the canonical string (``description``), as the API server does.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
