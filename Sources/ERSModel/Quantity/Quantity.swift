/// A Kubernetes resource quantity (`500m`, `1.5`, `256Mi`, `1e3`), held exactly.
///
/// This follows `resource.Quantity` from k8s.io/apimachinery (pkg/api/resource/quantity.go):
///
/// ```text
/// <quantity>        ::= <signedNumber><suffix>
/// <signedNumber>    ::= <number> | "+" <number> | "-" <number>
/// <number>          ::= <digits> | <digits>.<digits> | <digits>. | .<digits>
/// <suffix>          ::= <binarySI> | <decimalExponent> | <decimalSI>
/// <binarySI>        ::= Ki | Mi | Gi | Ti | Pi | Ei          (powers of 1024)
/// <decimalSI>       ::= n | u | m | "" | k | M | G | T | P | E  (powers of 1000)
/// <decimalExponent> ::= "e" <signedInteger> | "E" <signedInteger>
/// ```
///
/// The value is `magnitude × 10^exponent` with a sign, never a floating-point number, so
/// quantities compare exactly whatever their units: `1Gi > 1G`, `1000m == 1`, `0.5 == 500m`,
/// `1Mi == 1048576`. Equality and hashing look at the value only, not at ``format``: `1Ki` and
/// `1024` are equal although they print differently.
///
/// Like apimachinery, parsing keeps a value down to nano (10⁻⁹) and rounds anything finer away
/// from zero (`0.1n` is `1n`), and silently caps a binary-SI value at 2⁶³−1 (`8Ei`). Unlike
/// apimachinery, which falls back to arbitrary precision, a value whose significant digits do
/// not fit in 64 bits (more than 19 digits, or 20 digits above 18446744073709551615) is
/// rejected with ``QuantityError/outOfRange(text:reason:)``; no real resource amount needs that
/// (trailing zeros do not count: `1e30` and `1000E` are fine).
public struct Quantity: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    /// How the quantity prints: the suffix family it was written in (see ``description``).
    public let format: Format

    /// Whether the value is below zero (never true for zero).
    public let isNegative: Bool

    /// The absolute value's significant digits: the value is `±magnitude × 10^exponent`.
    /// Normalized: no trailing decimal zeros, and zero is `(0, 0)`.
    let magnitude: UInt64

    /// The power of ten applied to ``magnitude``.
    let exponent: Int

    /// Makes a quantity from its exact parts, normalizing away trailing zeros.
    init(isNegative: Bool, magnitude: UInt64, exponent: Int, format: Format) {
        var magnitude = magnitude
        var exponent = exponent
        if magnitude == 0 {
            exponent = 0
        }
        while magnitude != 0, magnitude % 10 == 0 {
            magnitude /= 10
            exponent += 1
        }
        self.format = format
        self.isNegative = isNegative && magnitude != 0
        self.magnitude = magnitude
        self.exponent = exponent
    }

    /// Whether the quantity is exactly zero (`0`, `0Mi`, `0.000m` …).
    public var isZero: Bool { magnitude == 0 }

    /// `-1`, `0` or `1` according to the sign of the value.
    public var signum: Int { isZero ? 0 : (isNegative ? -1 : 1) }
}
