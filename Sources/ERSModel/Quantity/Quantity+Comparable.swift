extension Quantity {
    /// Whether the two values are exactly equal, whatever their units or formats
    /// (`1000m == 1`, `1Ki == 1024`). Mirrors apimachinery's `Quantity.Cmp(...) == 0`.
    public static func == (lhs: Quantity, rhs: Quantity) -> Bool {
        lhs.isNegative == rhs.isNegative && lhs.magnitude == rhs.magnitude && lhs.exponent == rhs.exponent
    }

    /// Hashes the value only, consistently with ``==(_:_:)`` (the format is ignored).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(isNegative)
        hasher.combine(magnitude)
        hasher.combine(exponent)
    }

    /// Exact ordering by value across units: `1G < 1Gi`, `999m < 1`, `-1Ki < -1k`.
    public static func < (lhs: Quantity, rhs: Quantity) -> Bool {
        if lhs.signum != rhs.signum { return lhs.signum < rhs.signum }
        let order = compareMagnitudes(lhs, rhs)
        return lhs.isNegative ? order > 0 : order < 0
    }

    /// -1, 0 or 1 as |lhs| is below, equal to or above |rhs|.
    private static func compareMagnitudes(_ lhs: Quantity, _ rhs: Quantity) -> Int {
        if lhs.magnitude == 0 || rhs.magnitude == 0 {
            return lhs.magnitude == rhs.magnitude ? 0 : (lhs.magnitude == 0 ? -1 : 1)
        }
        let lhsDigits = String(lhs.magnitude)
        let rhsDigits = String(rhs.magnitude)
        // The position of the leading digit decides unless it is the same for both.
        let lhsLead = lhsDigits.count + lhs.exponent
        let rhsLead = rhsDigits.count + rhs.exponent
        if lhsLead != rhsLead { return lhsLead < rhsLead ? -1 : 1 }
        // Same leading position: compare digit by digit, padding the shorter with zeros.
        let width = max(lhsDigits.count, rhsDigits.count)
        let lhsPadded = lhsDigits + String(repeating: "0", count: width - lhsDigits.count)
        let rhsPadded = rhsDigits + String(repeating: "0", count: width - rhsDigits.count)
        return lhsPadded == rhsPadded ? 0 : (lhsPadded < rhsPadded ? -1 : 1)
    }
}
