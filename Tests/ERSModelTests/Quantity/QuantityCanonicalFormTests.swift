import ERSModel
import Testing

/// Parse → canonical form pairs, checked against apimachinery's `ParseQuantity` +
/// `Quantity.String()` (quantity.go, quantity_test.go: TestQuantityParse, TestQuantityString,
/// TestQuantityParseEmit).
@Suite("Quantity canonical form")
struct QuantityCanonicalFormTests {
    static let pairs: [(input: String, canonical: String)] = [
        // Decimal SI
        ("0", "0"), ("-0", "0"), ("0Mi", "0"), ("0.000m", "0"),
        ("100m", "100m"), ("-100m", "-100m"), ("0100m", "100m"),
        ("0.1", "100m"), (".5", "500m"), ("5.", "5"), ("1.", "1"), ("1.G", "1G"),
        ("1000m", "1"), ("1.5", "1500m"), ("1.08", "1080m"), ("-1", "-1"),
        ("1000000n", "1m"), ("1000u", "1m"), ("1u", "1u"),
        ("1000M", "1G"), ("1M", "1M"), ("1.5M", "1500k"), ("2.5P", "2500T"),
        ("100.035k", "100035"), ("0.0005k", "500m"), ("1048576", "1048576"),
        ("1024", "1024"), ("123456789", "123456789"),
        ("12E", "12E"), ("1000E", "1e21"),
        ("18446744073709551615", "18446744073709551615"),
        // Finer than milli keeps its digits down to nano; finer than nano rounds up.
        ("1.2345", "1234500u"), ("0.1m", "100u"), ("0.1n", "1n"), ("0.9n", "1n"),
        ("3.001n", "4n"), ("0.00000012345", "124n"), ("-0.1n", "-1n"),
        // Decimal exponent
        ("1e3", "1e3"), ("1E3", "1e3"), ("1e0", "1"), ("10e2", "1e3"), ("1e-3", "1e-3"),
        ("1.5e3", "1500"), ("0.5e-2", "5e-3"), ("1.3E+6", "1300e3"), ("10800e-4", "1080e-3"),
        ("1.1E-9", "2e-9"), ("1e-12", "1e-9"), ("1e-2147483648", "1e-9"), ("1e2147483647", "10e2147483646"),
        ("0." + String(repeating: "0", count: 1000) + "1", "1n"), ("1" + String(repeating: "0", count: 30), "1e30"),
        ("1." + String(repeating: "1", count: 30) + "Ki", "1137777777778n"),
        // Binary SI
        ("1Ki", "1Ki"), ("+1Ki", "1Ki"), ("1Mi", "1Mi"), ("1024Mi", "1Gi"), ("1.5Gi", "1536Mi"),
        ("-1.5Gi", "-1536Mi"), ("0.5Mi", "512Ki"), ("2048Ki", "2Mi"), ("5000Ki", "5000Ki"),
        ("1024Ti", "1Pi"), ("1048576Ti", "1Ei"), ("7Ei", "7Ei"),
        ("0.5Ki", "512"), ("-0.5Ki", "-512"), ("1.0005Ki", "1024512m"),
        ("100.035Ki", "102435840m"), ("0.05Gi", "53687091200m"),
        (".001Ki", "1024m"), (".000001Ki", "1024u"), (".000000001Ki", "1024n"), (".000000000001Ki", "2n"),
        // Binary SI is capped at 2^63-1 like apimachinery.
        ("8Ei", "9223372036854775807"), ("9Ei", "9223372036854775807"),
        ("9223372036854775807Ki", "9223372036854775807"),
    ]

    @Test("parses and prints the canonical form", arguments: pairs)
    func canonicalForm(input: String, canonical: String) throws {
        let quantity = try Quantity(parsing: input)
        #expect(quantity.description == canonical)
    }

    @Test("the canonical form parses back to the same value and form", arguments: pairs)
    func canonicalFormRoundTrips(input: String, canonical: String) throws {
        let quantity = try Quantity(parsing: input)
        let reparsed = try Quantity(parsing: quantity.description)
        #expect(reparsed == quantity)
        #expect(reparsed.description == canonical)
    }

    @Test(
        "the suffix sets the format",
        arguments: [
            ("1Ki", Quantity.Format.binarySI), ("0Mi", .binarySI), ("0.5Ki", .binarySI),
            (".000000000001Ki", .decimalSI), ("1", .decimalSI), ("1E", .decimalSI), ("5n", .decimalSI),
            ("1e3", .decimalExponent), ("1E-3", .decimalExponent),
        ])
    func format(input: String, format: Quantity.Format) throws {
        #expect(try Quantity(parsing: input).format == format)
    }
}
