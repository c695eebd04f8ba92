import ERSModel

extension Quantity {
    /// The value as a whole number of units (bytes for a size), or nil when it is negative,
    /// has a fractional part (`1500m`) or does not fit in an `Int`.
    var exactWholeUnits: Int? {
        guard !isNegative, let value, Quantity(value) == self else { return nil }
        return Int(exactly: value)
    }

    /// The value rounded up to whole units (CPU cores: `500m` is 1), nil when negative or too large.
    var wholeUnitsRoundedUp: Int? {
        guard !isNegative, let value else { return nil }
        return Int(exactly: value)
    }
}
