/// A non-negative integer of any length as decimal digits, most significant first.
///
/// Parsing uses it to compute a quantity exactly (`digits × 2^n`, rounding at nano, the
/// binary cap) before the result is narrowed to 64 bits; nothing else keeps one.
struct DecimalDigits: Sendable, Hashable {
    /// Digits 0…9, most significant first; no leading zeros; empty for zero.
    private(set) var digits: [UInt8]

    init(_ digits: [UInt8]) {
        self.digits = Array(digits.drop(while: { $0 == 0 }))
    }

    var isZero: Bool { digits.isEmpty }

    var count: Int { digits.count }

    /// Multiplies in place by a small factor (at most 2^20).
    mutating func multiply(by factor: UInt32) {
        var carry: UInt32 = 0
        for index in digits.indices.reversed() {
            let product = UInt32(digits[index]) * factor + carry
            digits[index] = UInt8(product % 10)
            carry = product / 10
        }
        while carry > 0 {
            digits.insert(UInt8(carry % 10), at: 0)
            carry /= 10
        }
        digits = Array(digits.drop(while: { $0 == 0 }))
    }

    /// Adds one in place.
    mutating func increment() {
        var index = digits.count - 1
        while index >= 0 {
            if digits[index] < 9 {
                digits[index] += 1
                return
            }
            digits[index] = 0
            index -= 1
        }
        digits.insert(1, at: 0)
    }

    /// Removes the last `count` digits (dividing by 10^count, truncating); returns whether a
    /// non-zero digit was removed.
    mutating func dropLast(_ count: Int) -> Bool {
        let kept = max(0, digits.count - count)
        let removedNonZero = digits[kept...].contains { $0 != 0 }
        digits.removeSubrange(kept...)
        return removedNonZero
    }

    /// Removes trailing zeros (dividing by 10 while exact); returns how many were removed.
    mutating func removeTrailingZeros() -> Int {
        let zeros = digits.reversed().prefix(while: { $0 == 0 }).count
        digits.removeLast(zeros)
        return zeros
    }

    /// The value, or nil when it exceeds `UInt64.max`.
    var uint64: UInt64? {
        var value: UInt64 = 0
        for digit in digits {
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(UInt64(digit))
            if overflow1 || overflow2 { return nil }
            value = sum
        }
        return value
    }

    /// Whether `self × 10^scale` is greater than `limit`, exactly, for any scale.
    func exceeds(_ limit: UInt64, scale: Int) -> Bool {
        let limitDigits = Array(String(limit).utf8).map { $0 - UInt8(ascii: "0") }
        let integerDigitCount = digits.count + scale
        if integerDigitCount != limitDigits.count {
            return integerDigitCount > limitDigits.count
        }
        for (index, limitDigit) in limitDigits.enumerated() {
            let digit = index < digits.count ? digits[index] : 0
            if digit != limitDigit { return digit > limitDigit }
        }
        return digits.dropFirst(limitDigits.count).contains { $0 != 0 }
    }
}
