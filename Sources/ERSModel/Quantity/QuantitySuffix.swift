/// A quantity suffix and what it multiplies by.
///
/// Source: `suffix.go` in k8s.io/apimachinery/pkg/api/resource (the suffixer tables and
/// `interpret`): decimal SI `n u m "" k M G T P E`, binary SI `Ki Mi Gi Ti Pi Ei`, and
/// `e`/`E` followed by a signed integer.
enum QuantitySuffix: Sendable, Hashable {
    /// × 10^exponent, written with a decimal SI symbol.
    case decimalSI(exponent: Int)
    /// × 2^power (10, 20 … 60), written with a binary SI symbol.
    case binarySI(power: Int)
    /// × 10^exponent, written `e<exponent>`.
    case decimalExponent(Int)

    static let decimalSymbols: [(symbol: String, exponent: Int)] = [
        ("n", -9), ("u", -6), ("m", -3), ("", 0), ("k", 3), ("M", 6), ("G", 9), ("T", 12), ("P", 15), ("E", 18),
    ]

    static let binarySymbols: [(symbol: String, power: Int)] = [
        ("Ki", 10), ("Mi", 20), ("Gi", 30), ("Ti", 40), ("Pi", 50), ("Ei", 60),
    ]

    /// The format a quantity written with this suffix keeps.
    var format: Quantity.Format {
        switch self {
        case .decimalSI: .decimalSI
        case .binarySI: .binarySI
        case .decimalExponent: .decimalExponent
        }
    }

    /// Whether `text` is exactly a decimal or binary SI symbol.
    static func isKnown(_ text: String) -> Bool {
        decimalSymbols.contains { $0.symbol == text } || binarySymbols.contains { $0.symbol == text }
    }

    /// Interprets the suffix of `quantityText`; throws for an unknown suffix or an exponent
    /// outside apimachinery's 32-bit range.
    init(parsing suffix: String, in quantityText: String) throws(QuantityError) {
        if let entry = Self.decimalSymbols.first(where: { $0.symbol == suffix }) {
            self = .decimalSI(exponent: entry.exponent)
        } else if let entry = Self.binarySymbols.first(where: { $0.symbol == suffix }) {
            self = .binarySI(power: entry.power)
        } else if let exponent = try Self.exponent(of: suffix, in: quantityText) {
            self = .decimalExponent(exponent)
        } else {
            throw .unknownSuffix(text: quantityText, suffix: suffix, advice: Self.advice(forUnknown: suffix))
        }
    }

    /// The exponent of an `e<n>`/`E<n>` suffix, or nil when `suffix` is not of that shape.
    private static func exponent(of suffix: String, in quantityText: String) throws(QuantityError) -> Int? {
        guard suffix.count > 1, suffix.first == "e" || suffix.first == "E" else { return nil }
        var digits = Substring(suffix.dropFirst())
        var negative = false
        if let sign = digits.first, sign == "+" || sign == "-" {
            negative = sign == "-"
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let limit = negative ? -Int(Int32.min) : Int(Int32.max)
        var value = 0
        for digit in digits.utf8 {
            value = value * 10 + Int(digit - UInt8(ascii: "0"))
            if value > limit {
                throw .outOfRange(
                    text: quantityText,
                    reason: "the exponent '\(suffix)' is outside the range apimachinery accepts "
                        + "(−2147483648 to 2147483647)")
            }
        }
        return negative ? -value : value
    }
}
