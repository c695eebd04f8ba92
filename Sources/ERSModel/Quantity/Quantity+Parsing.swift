extension Quantity {
    /// Parses a Kubernetes quantity such as `500m`, `1.5`, `256Mi`, `1e3`, `-1`, `+1Ki`, `.5`.
    ///
    /// Follows `resource.ParseQuantity` (k8s.io/apimachinery/pkg/api/resource/quantity.go):
    /// the suffix fixes the ``format``; a non-zero value finer than 1n (10⁻⁹) is rounded away
    /// from zero to the next nano (`0.1n` → `1n`, `1.1e-9` → `2n`); a binary-SI value above
    /// 2⁶³−1 is capped at 2⁶³−1 (`9Ei`); a non-zero binary-SI value strictly between −1 and 1
    /// takes the decimal-SI format (`.000000000001Ki` is `2n`).
    ///
    /// Stricter than apimachinery on purpose: a number without digits (`Mi`, `.`, `-`), which
    /// apimachinery's scanner reads as zero, is rejected; leading or trailing whitespace is
    /// rejected as `ParseQuantity` does (only its JSON decoding trims it).
    ///
    /// - Throws: ``QuantityError/empty`` for `""`; ``QuantityError/malformed(text:reason:)`` for
    ///   text that breaks the grammar (`1.2.3`, `1 Mi`, `--1`, `Mi`);
    ///   ``QuantityError/unknownSuffix(text:suffix:advice:)`` for an unknown suffix (`1mi`,
    ///   `1KiB`, `256MB`, `1e`); ``QuantityError/outOfRange(text:reason:)`` for a value needing
    ///   more than 64 bits of significant digits or an exponent outside the 32-bit range.
    public init(parsing text: String) throws(QuantityError) {
        let lexeme = try QuantityLexeme(scanning: text)
        let suffix = try QuantitySuffix(parsing: lexeme.suffix, in: text)
        self = try Self.exactValue(of: lexeme, suffix: suffix, text: text)
    }

    /// The finest exponent parsing keeps: nano.
    static let nanoExponent = -9

    private static func exactValue(
        of lexeme: QuantityLexeme, suffix: QuantitySuffix, text: String
    ) throws(QuantityError) -> Quantity {
        var digits = DecimalDigits(lexeme.integerDigits + lexeme.fractionDigits)
        var scale = -lexeme.fractionDigits.count
        var format = suffix.format
        switch suffix {
        case .decimalSI(let exponent), .decimalExponent(let exponent):
            scale += exponent
        case .binarySI(let power):
            for _ in 0..<(power / 10) { digits.multiply(by: 1024) }
        }
        guard !digits.isZero else {
            return Quantity(isNegative: false, magnitude: 0, exponent: 0, format: format)
        }
        if scale < nanoExponent {
            if digits.dropLast(nanoExponent - scale) { digits.increment() }
            scale = nanoExponent
        }
        if format == .binarySI {
            if digits.exceeds(UInt64(Int64.max), scale: scale) {
                digits = DecimalDigits(Array(String(Int64.max).utf8).map { $0 - UInt8(ascii: "0") })
                scale = 0
            }
            if digits.count + scale <= 0 {
                format = .decimalSI
            }
        }
        scale += digits.removeTrailingZeros()
        guard let magnitude = digits.uint64 else {
            throw .outOfRange(
                text: text,
                reason: "it has \(digits.count) significant digits, and ERS holds quantities exactly in 64 bits "
                    + "(at most 19 significant digits, or 20 up to 18446744073709551615)")
        }
        return Quantity(isNegative: lexeme.isNegative, magnitude: magnitude, exponent: scale, format: format)
    }
}
