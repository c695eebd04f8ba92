extension Quantity {
    /// 1Mi (1048576 bytes): below it no container runtime starts a container.
    public static let oneMebibyte = Quantity.bytes(1 << 20)

    /// Whether this quantity, read as memory, has a fraction of a byte, the mark of the classic
    /// `256m` (0.256 bytes, `m` being milli) written for `256Mi`. Memory is counted in whole
    /// bytes, so any positive fractional amount is almost surely a mistake.
    public var looksLikeMillibytesMistake: Bool {
        !isNegative && !isZero && exponent < 0
    }

    /// A warning for a memory request or limit that is almost surely a mistake, or nil.
    ///
    /// Warns for a fractional number of bytes (``looksLikeMillibytesMistake``: `256m` is 0.256
    /// bytes, meant `256Mi`), for a positive amount below 1Mi (`512` bytes, meant `512Mi`), and
    /// for a negative amount (which the API server rejects). Zero gives nil: it means "no
    /// request" to Kubernetes. The message quotes the canonical form and suggests a spelling.
    public func memoryWarning() -> String? {
        if isZero { return nil }
        let written = description
        let (number, suffix) = Self.splitCanonical(written)
        if isNegative {
            return "'\(written)' is a negative amount of memory; memory must be zero or more "
                + "(e.g. '\(written.dropFirst())')"
        }
        if looksLikeMillibytesMistake {
            let bytes = "'\(written)' is \(plainFractionalString) bytes of memory"
            guard suffix == "m" else {
                return "\(bytes); memory is counted in whole bytes, so write it with Mi or Gi (e.g. '256Mi')"
            }
            return "\(bytes) (the suffix 'm' means milli, one thousandth); you almost surely meant "
                + "'\(number)Mi' (mebibytes) or '\(number)M' (megabytes)"
        }
        guard self < Self.oneMebibyte, let bytes = value else { return nil }
        var warning = "'\(written)' is only \(bytes) bytes of memory, less than 1Mi; no container runs in so little"
        if ["", "k", "Ki"].contains(suffix) {
            warning += "; did you mean '\(number)Mi'?"
        }
        return warning
    }

    /// `("256", "m")` for `256m`, `("-1", "Gi")` for `-1Gi`, `("1", "e21")` for `1e21`.
    private static func splitCanonical(_ text: String) -> (number: String, suffix: String) {
        let digitsEnd = text.firstIndex { !($0.isASCII && ($0.isNumber || $0 == "-")) } ?? text.endIndex
        return (String(text[..<digitsEnd]), String(text[digitsEnd...]))
    }

    /// The value with a decimal point, for a fractional value: `0.256`, `1.5`, `0.000001`.
    private var plainFractionalString: String {
        let digits = String(magnitude)
        let fractionCount = -exponent
        let sign = isNegative ? "-" : ""
        guard digits.count > fractionCount else {
            return sign + "0." + String(repeating: "0", count: fractionCount - digits.count) + digits
        }
        let point = digits.index(digits.endIndex, offsetBy: -fractionCount)
        return sign + digits[..<point] + "." + digits[point...]
    }
}
