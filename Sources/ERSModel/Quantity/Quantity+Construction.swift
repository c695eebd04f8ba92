extension Quantity {
    /// The exact value `significand × 10^exponent` in `format`, e.g. `(15, -1)` is `1.5`.
    ///
    /// Like apimachinery's `NewScaledQuantity`, but a value finer than 1n (10⁻⁹) is rounded
    /// away from zero to the next nano, as parsing does, so every quantity prints the same way
    /// after an encode/decode round trip. No binary cap is applied.
    public init(significand: Int64, exponent: Int32 = 0, format: Format = .decimalSI) {
        var magnitude = significand.magnitude
        var exponent = Int(exponent)
        if exponent < Self.nanoExponent, magnitude != 0 {
            let dropped = Self.nanoExponent - exponent
            if dropped >= 20 {
                magnitude = 1
            } else {
                var divisor: UInt64 = 1
                for _ in 0..<dropped { divisor *= 10 }
                let (quotient, remainder) = magnitude.quotientAndRemainder(dividingBy: divisor)
                magnitude = remainder == 0 ? quotient : quotient + 1
            }
            exponent = Self.nanoExponent
        }
        self.init(isNegative: significand < 0, magnitude: magnitude, exponent: exponent, format: format)
    }

    /// A whole number of units in `format`: `Quantity(3)` is `3`, `Quantity(1024, format: .binarySI)`
    /// is `1Ki`. Source: apimachinery `NewQuantity`.
    public init(_ value: Int64, format: Format = .decimalSI) {
        self.init(significand: value, exponent: 0, format: format)
    }

    /// A CPU amount in millicores (thousandths of a core): `cpu(millicores: 250)` is `250m`,
    /// `cpu(millicores: 2000)` is `2`. Source: apimachinery `NewMilliQuantity(_, DecimalSI)`.
    public static func cpu(millicores: Int64) -> Quantity {
        Quantity(significand: millicores, exponent: -3, format: .decimalSI)
    }

    /// A memory or storage amount in bytes, printed with binary suffixes when exact:
    /// `bytes(268435456)` is `256Mi`, `bytes(1025)` is `1025`; below 1024 it prints as decimal
    /// SI (`bytes(1000)` is `1k`), as apimachinery's `NewQuantity(_, BinarySI)` does.
    public static func bytes(_ count: Int64) -> Quantity {
        Quantity(count, format: .binarySI)
    }
}
