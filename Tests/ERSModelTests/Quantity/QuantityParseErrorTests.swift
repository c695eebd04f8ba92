import ERSModel
import Testing

@Suite("Quantity parse errors")
struct QuantityParseErrorTests {
    enum Kind: Sendable { case empty, malformed, unknownSuffix, outOfRange }

    static let invalid: [(input: String, kind: Kind)] = [
        ("", .empty),
        ("1.2.3", .malformed), ("1.1.M", .malformed), ("1+1.0M", .malformed), ("1e3.5", .malformed),
        ("Mi", .malformed), (".", .malformed), ("-", .malformed), ("+", .malformed), ("-.", .malformed),
        ("aoeu", .malformed), ("1 Mi", .malformed), (" 1", .malformed), ("1 ", .malformed),
        ("--1", .malformed), ("+-1", .malformed), ("1-", .malformed),
        ("1mi", .unknownSuffix), ("0.1mi", .unknownSuffix), ("1KiB", .unknownSuffix), ("256MB", .unknownSuffix),
        ("1K", .unknownSuffix), ("1e", .unknownSuffix), ("1E+", .unknownSuffix), ("-3.01e-", .unknownSuffix),
        ("0.1am", .unknownSuffix), (".5i", .unknownSuffix), ("1i", .unknownSuffix), ("-3.01i", .unknownSuffix),
        ("1m5", .unknownSuffix), ("1Ee3", .unknownSuffix), ("1B", .unknownSuffix),
        ("1e2147483648", .outOfRange), ("1e-99999999999", .outOfRange),
        ("18446744073709551616", .outOfRange), ("123456789012345678901", .outOfRange),
        (String(repeating: "9", count: 10000), .outOfRange), ("1" + String(repeating: "0", count: 20) + "1", .outOfRange),
    ]

    @Test("rejects malformed quantities", arguments: invalid)
    func rejects(input: String, kind: Kind) {
        let error = #expect(throws: QuantityError.self) { try Quantity(parsing: input) }
        guard let error else { return }
        #expect(error.text == input)
        #expect(error.message.hasPrefix("'\(input)'"))
        switch (error, kind) {
        case (.empty, .empty), (.malformed, .malformed), (.unknownSuffix, .unknownSuffix), (.outOfRange, .outOfRange):
            break
        default:
            Issue.record("\(input): expected \(kind), got \(error)")
        }
    }

    @Test(
        "messages say what is wrong and what would be right",
        arguments: [
            ("256MB", "'256MB' is not a Kubernetes quantity: the suffix 'MB' is unknown; use Mi (mebibytes) or M (megabytes)"),
            ("1KiB", "'1KiB' is not a Kubernetes quantity: the suffix 'KiB' is unknown; use Ki (kibibytes) or k (kilobytes)"),
            ("1mi", "'1mi' is not a Kubernetes quantity: the suffix 'mi' is unknown; use Mi (mebibytes) or M (megabytes); a lower-case 'm' alone means milli (one thousandth)"),
            ("2gi", "'2gi' is not a Kubernetes quantity: the suffix 'gi' is unknown; use Gi (gibibytes) or G (gigabytes); suffixes are case-sensitive"),
            ("1e", "'1e' is not a Kubernetes quantity: the suffix 'e' is unknown; an exponent needs an integer after the 'e' (e.g. '1e3'); for exa (10^18) write 'E'"),
            ("Mi", "'Mi' is not a Kubernetes quantity: there is no number before the suffix 'Mi' (e.g. '1Mi')"),
            ("1 Mi", "'1 Mi' is not a Kubernetes quantity: it contains whitespace; write the number and its suffix together (e.g. '1Mi')"),
            ("1.2.3", "'1.2.3' is not a Kubernetes quantity: it has more than one decimal point (e.g. '1.5')"),
            ("--1", "'--1' is not a Kubernetes quantity: it has more than one sign; write at most one '+' or '-', at the start (e.g. '-1')"),
            ("", "'' is not a Kubernetes quantity: it is empty; write a number with an optional suffix (e.g. '500m', '2', '256Mi')"),
        ])
    func message(input: String, expected: String) {
        do {
            _ = try Quantity(parsing: input)
            Issue.record("\(input) parsed")
        } catch {
            #expect(error.message == expected)
            #expect(error.description == expected)
        }
    }

    @Test("an unknown suffix nobody would mean lists every suffix")
    func genericAdvice() {
        do {
            _ = try Quantity(parsing: "3xyz")
            Issue.record("3xyz parsed")
        } catch {
            #expect(error.message.contains("Ki, Mi, Gi, Ti, Pi, Ei"))
            #expect(error.message.contains("n, u, m, k, M, G, T, P, E"))
        }
    }
}
