extension Quantity {
    /// The value in whole units, rounded away from zero: bytes for memory and storage, cores
    /// for CPU (`1.5` → 2, `100m` → 1, `1Gi` → 1073741824, `-1.5` → -2). Nil when it does not
    /// fit in an `Int64`.
    ///
    /// Source: apimachinery `Quantity.Value()`, which overflows silently where this returns nil.
    public var value: Int64? { scaledValue(exponent: 0) }

    /// The value in thousandths of a unit, rounded away from zero: millicores for CPU
    /// (`0.5` → 500, `100m` → 100, `0.1m` → 1, `2` → 2000). Nil when it does not fit in an
    /// `Int64`.
    ///
    /// Source: apimachinery `Quantity.MilliValue()` (`ceil(q × 1000)`), which overflows
    /// silently where this returns nil.
    public var milliValue: Int64? { scaledValue(exponent: -3) }

    /// The value in units of 10^`exponent`, rounded away from zero: `scaledValue(exponent: -9)`
    /// is nanos, `scaledValue(exponent: 6)` is millions. Nil when it does not fit in an `Int64`.
    ///
    /// Source: apimachinery `Quantity.ScaledValue(scale)`.
    public func scaledValue(exponent target: Int) -> Int64? {
        let (shift, overflow) = exponent.subtractingReportingOverflow(target)
        guard !overflow, let scaled = Self.scale(magnitude, by: shift) else { return nil }
        if isNegative {
            return scaled <= UInt64(Int64.max) + 1 ? Int64(truncatingIfNeeded: 0 &- scaled) : nil
        }
        return scaled <= UInt64(Int64.max) ? Int64(scaled) : nil
    }

    /// `magnitude × 10^shift`, rounded up when `shift` is negative; nil on overflow.
    private static func scale(_ magnitude: UInt64, by shift: Int) -> UInt64? {
        if magnitude == 0 { return 0 }
        if shift >= 0 {
            var value = magnitude
            for _ in 0..<shift {
                let (product, overflow) = value.multipliedReportingOverflow(by: 10)
                if overflow { return nil }
                value = product
            }
            return value
        }
        // UInt64.max has 20 digits: dividing by 10^20 or more leaves a non-zero remainder only.
        guard shift > -20 else { return 1 }
        var divisor: UInt64 = 1
        for _ in 0..<(-shift) { divisor *= 10 }
        let (quotient, remainder) = magnitude.quotientAndRemainder(dividingBy: divisor)
        return remainder == 0 ? quotient : quotient + 1
    }
}
