extension Quantity {
    /// The canonical form, as apimachinery's `Quantity.String()` prints it.
    ///
    /// Source: `CanonicalizeBytes` and `AsCanonicalBytes` in
    /// k8s.io/apimachinery/pkg/api/resource (quantity.go, amount.go). No fractional digits are
    /// printed and no precision is lost; the sign shows only when negative; zero is `0`.
    /// - Decimal SI: the largest suffix whose power is a multiple of 3 not above the value's
    ///   finest digit: `1.5` → `1500m`, `1000M` → `1G`, `0.1` → `100m`, `1.2345` → `1234500u`.
    ///   Beyond `E` (10¹⁸) it falls back to an exponent: `1000E` → `1e21`.
    /// - Decimal exponent: the same with `e<n>`, `n` a multiple of 3: `1E3` → `1e3`,
    ///   `1.5e3` → `1500`, `0.1e0` → `100e-3`.
    /// - Binary SI: a whole number of magnitude ≥ 1024 takes the largest binary suffix that
    ///   divides it: `1024Mi` → `1Gi`, `1.5Gi` → `1536Mi`; a smaller or fractional value prints
    ///   as decimal SI: `0.5Ki` → `512`, `1.0005Ki` → `1024512m`.
    ///
    /// Unlike apimachinery, which echoes an input it finds already canonical, the form is always
    /// rebuilt: `+1Ki` prints `1Ki` (apimachinery: `+1Ki`), `0100m` prints `100m`.
    public var description: String {
        guard !isZero else { return "0" }
        let sign = isNegative ? "-" : ""
        if format == .binarySI, let binary = binaryCanonicalMagnitude {
            return sign + binary
        }
        return sign + decimalCanonicalMagnitude
    }

    /// `1536Mi` for a whole magnitude ≥ 1024, else nil (printed as decimal SI instead).
    private var binaryCanonicalMagnitude: String? {
        guard exponent >= 0 else { return nil }
        var value = magnitude
        for _ in 0..<exponent {
            let (product, overflow) = value.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            value = product
        }
        guard value >= 1024 else { return nil }
        var power = 0
        while value % 1024 == 0, power < QuantitySuffix.binarySymbols.count {
            value /= 1024
            power += 1
        }
        let symbol = power == 0 ? "" : QuantitySuffix.binarySymbols[power - 1].symbol
        return "\(value)\(symbol)"
    }

    /// `1500m`, `12E`, `1e21` or `100e-3`: digits with the exponent lowered to a multiple of 3.
    private var decimalCanonicalMagnitude: String {
        let remainder = ((exponent % 3) + 3) % 3
        let exponent = exponent - remainder
        let digits = String(magnitude) + String(repeating: "0", count: remainder)
        if format != .decimalExponent,
            let entry = QuantitySuffix.decimalSymbols.first(where: { $0.exponent == exponent })
        {
            return digits + entry.symbol
        }
        return exponent == 0 ? digits : "\(digits)e\(exponent)"
    }
}
