import ERSModel

/// The exact value of a Kubernetes quantity as a fraction `numerator / denominator`, read from
/// its text (`10Mi`, `500m`, `1.5`, `1e3`).
///
/// Stop-gap: ERSModel's `Quantity` does not expose its value yet. Once it offers byte and
/// milli-unit accessors, ``wholeBytes(_:)`` and ``ceilingUnits(_:)`` call them instead; the
/// canonical text a real `Quantity` prints parses here too. Nil for text that is not a
/// quantity or whose value does not fit in `Int`.
struct QuantityValue: Sendable, Hashable {
    var numerator: Int
    var denominator: Int

    /// The quantity in bytes when it is a non-negative whole number of bytes, else nil.
    static func wholeBytes(_ quantity: Quantity) -> Int? {
        guard let value = QuantityValue(text: quantity.description), value.numerator >= 0,
              value.numerator % value.denominator == 0 else { return nil }
        return value.numerator / value.denominator
    }

    /// The quantity rounded up to a whole number (CPU cores: `500m` is 1), nil when negative.
    static func ceilingUnits(_ quantity: Quantity) -> Int? {
        guard let value = QuantityValue(text: quantity.description), value.numerator >= 0 else { return nil }
        return (value.numerator + value.denominator - 1) / value.denominator
    }

    /// Parses `<digits>[.<digits>][suffix]` with a binary-SI, decimal-SI or `e<exponent>` suffix.
    init?(text: String) {
        var digits = ""
        var fractionDigits = 0
        var seenPoint = false
        var rest = Substring(text)
        if rest.first == "+" { rest = rest.dropFirst() }
        while let character = rest.first, character.isASCII, character.isNumber || character == "." {
            if character == "." {
                guard !seenPoint else { return nil }
                seenPoint = true
            } else {
                digits.append(character)
                if seenPoint { fractionDigits += 1 }
            }
            rest = rest.dropFirst()
        }
        guard !digits.isEmpty, let mantissa = Int(digits), let scale = QuantityValue.power(10, fractionDigits) else { return nil }
        guard let (multiplier, divisor) = QuantityValue.suffix(String(rest)) else { return nil }
        let (numerator, overflow) = mantissa.multipliedReportingOverflow(by: multiplier)
        let (denominator, overflow2) = scale.multipliedReportingOverflow(by: divisor)
        guard !overflow, !overflow2 else { return nil }
        self.numerator = numerator
        self.denominator = denominator
    }

    /// `(multiplier, divisor)` of a suffix.
    private static func suffix(_ suffix: String) -> (Int, Int)? {
        let binary = ["Ki": 1, "Mi": 2, "Gi": 3, "Ti": 4, "Pi": 5, "Ei": 6]
        let decimal = ["k": 1, "M": 2, "G": 3, "T": 4, "P": 5, "E": 6]
        if suffix.isEmpty { return (1, 1) }
        if suffix == "m" { return (1, 1000) }
        if let exponent = binary[suffix] { return power(1024, exponent).map { ($0, 1) } }
        if let exponent = decimal[suffix] { return power(1000, exponent).map { ($0, 1) } }
        if let first = suffix.first, first == "e" || first == "E", let exponent = Int(suffix.dropFirst()) {
            if exponent >= 0 { return power(10, exponent).map { ($0, 1) } }
            return power(10, -exponent).map { (1, $0) }
        }
        return nil
    }

    private static func power(_ base: Int, _ exponent: Int) -> Int? {
        guard exponent >= 0 else { return nil }
        var result = 1
        for _ in 0..<exponent {
            let (next, overflow) = result.multipliedReportingOverflow(by: base)
            if overflow { return nil }
            result = next
        }
        return result
    }
}
