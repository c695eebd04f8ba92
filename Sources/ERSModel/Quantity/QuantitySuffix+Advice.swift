extension QuantitySuffix {
    /// Binary and decimal symbols (with their names) for each leading letter people write.
    private typealias UnitFamily = (binary: String, binaryName: String, decimal: String, decimalName: String)

    private static let unitFamilies: [Character: UnitFamily] = [
        "k": ("Ki", "kibibytes", "k", "kilobytes"),
        "m": ("Mi", "mebibytes", "M", "megabytes"),
        "g": ("Gi", "gibibytes", "G", "gigabytes"),
        "t": ("Ti", "tebibytes", "T", "terabytes"),
        "p": ("Pi", "pebibytes", "P", "petabytes"),
        "e": ("Ei", "exbibytes", "E", "exabytes"),
    ]

    static let allSuffixesAdvice =
        "use one of Ki, Mi, Gi, Ti, Pi, Ei (powers of 1024), n, u, m, k, M, G, T, P, E "
        + "(powers of 1000) or e followed by an integer (a power of ten, e.g. '1e3')"

    /// What to write instead of an unknown suffix: `MB` → "use Mi (mebibytes) or M (megabytes)".
    static func advice(forUnknown suffix: String) -> String {
        if suffix == "e" {
            return "an exponent needs an integer after the 'e' (e.g. '1e3'); for exa (10^18) write 'E'"
        }
        if suffix.count > 1, suffix.first == "e" || suffix.first == "E",
            suffix.dropFirst().allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "+" || $0 == "-") })
        {
            return "an exponent is 'e' followed by an optionally signed integer (e.g. '1e3', '5e-3')"
        }
        if suffix == "B" || suffix == "b" {
            return "bytes take no suffix; write the plain number (e.g. '512')"
        }
        var core = suffix
        if core.count > 1, core.last == "B" || core.last == "b" { core.removeLast() }
        let lowered = core.lowercased()
        guard let first = lowered.first, let family = unitFamilies[first],
            lowered.count == 1 || lowered == "\(first)i"
        else {
            return allSuffixesAdvice
        }
        var advice = "use \(family.binary) (\(family.binaryName)) or \(family.decimal) (\(family.decimalName))"
        if suffix.first == "m" {
            advice += "; a lower-case 'm' alone means milli (one thousandth)"
        } else if suffix == family.binary.lowercased() || suffix == family.binary.uppercased() {
            advice += "; suffixes are case-sensitive"
        }
        return advice
    }
}
