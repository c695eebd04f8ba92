/// The pieces of a quantity text: sign, digits before and after the point, and the suffix.
///
/// Accepts what apimachinery's `parseQuantityString` accepts, except a number without any
/// digit (`Mi`, `.`, `-`), which apimachinery reads as zero although its own grammar requires
/// a digit. Errors explain the mistake in the terms of the text.
struct QuantityLexeme: Sendable {
    var isNegative: Bool
    var integerDigits: [UInt8]
    var fractionDigits: [UInt8]
    var suffix: String

    init(scanning text: String) throws(QuantityError) {
        guard !text.isEmpty else { throw .empty }
        try Self.rejectWhitespace(in: text)
        let bytes = Array(text.utf8)
        var index = 0
        isNegative = false
        if Self.isSign(bytes[0]) {
            isNegative = bytes[0] == UInt8(ascii: "-")
            index = 1
        }
        if index < bytes.count, Self.isSign(bytes[index]) {
            throw .malformed(
                text: text, reason: "it has more than one sign; write at most one '+' or '-', at the start (e.g. '-1')")
        }
        integerDigits = Self.digits(in: bytes, from: &index)
        fractionDigits = []
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            fractionDigits = Self.digits(in: bytes, from: &index)
        }
        suffix = String(decoding: bytes[index...], as: UTF8.self)
        try checkShape(of: text)
    }

    private func checkShape(of text: String) throws(QuantityError) {
        if integerDigits.isEmpty && fractionDigits.isEmpty {
            let reason =
                QuantitySuffix.isKnown(suffix) && !suffix.isEmpty
                ? "there is no number before the suffix '\(suffix)' (e.g. '1\(suffix)')"
                : "it does not start with a number; write digits with an optional suffix "
                    + "(e.g. '1', '0.5', '250m', '1Gi')"
            throw .malformed(text: text, reason: reason)
        }
        if suffix.first == "." {
            throw .malformed(text: text, reason: "it has more than one decimal point (e.g. '1.5')")
        }
        for (offset, character) in suffix.enumerated() where character == "+" || character == "-" {
            let afterExponentMark = offset == 1 && (suffix.first == "e" || suffix.first == "E")
            if !afterExponentMark {
                throw .malformed(
                    text: text,
                    reason: "a sign may only come first, or right after the 'e' of an exponent (e.g. '-1', '5e-3')")
            }
        }
        if suffix.contains(".") {
            throw .malformed(
                text: text, reason: "a decimal point may only appear in the number, before the suffix (e.g. '1.5Gi')")
        }
    }

    private static func rejectWhitespace(in text: String) throws(QuantityError) {
        guard text.contains(where: \.isWhitespace) else { return }
        let compact = String(text.filter { !$0.isWhitespace })
        let atEdges = text.first?.isWhitespace == true || text.last?.isWhitespace == true
        let reason =
            atEdges && !text.trimmingWhitespace().contains(where: \.isWhitespace)
            ? "it has leading or trailing whitespace; remove it (e.g. '\(compact)')"
            : "it contains whitespace; write the number and its suffix together (e.g. '\(compact)')"
        throw .malformed(text: text, reason: reason)
    }

    private static func digits(in bytes: [UInt8], from index: inout Int) -> [UInt8] {
        var result: [UInt8] = []
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
            result.append(bytes[index] - UInt8(ascii: "0"))
            index += 1
        }
        return result
    }

    private static func isSign(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
    }
}
