import ERSModel
import Testing

@Suite("Quantity comparisons")
struct QuantityComparisonTests {
    static let equal: [(String, String)] = [
        ("1000m", "1"), ("0.5", "500m"), ("1Mi", "1048576"), ("1Ki", "1024"), ("1e3", "1k"),
        ("1.5Gi", "1536Mi"), ("0.1", "100m"), ("0", "0Mi"), ("-0", "0"), ("1E", "1e18"),
        ("1000000n", "1m"), ("0.5Ki", "512"), ("-1Ki", "-1024"), ("12E", "12000P"),
    ]

    static let ascending: [(String, String)] = [
        ("1G", "1Gi"), ("1k", "1Ki"), ("999m", "1"), ("1", "1001m"), ("-1Ki", "-1k"), ("-1", "0"),
        ("0", "1n"), ("-1n", "0"), ("100Gi", "10000T"), ("1E", "1Ei"), ("1Mi", "1.5Mi"),
        ("9Ei", "18446744073709551615"), ("18446744073709551615", "1e21"), ("1e-9", "1e-6"),
        ("123456789", "123456790"), ("9.99", "10"), ("-10", "-9.99"),
    ]

    @Test("equal values compare equal and hash alike whatever their units", arguments: equal)
    func equalValues(lhs: String, rhs: String) throws {
        let a = try Quantity(parsing: lhs)
        let b = try Quantity(parsing: rhs)
        #expect(a == b)
        #expect(!(a < b) && !(b < a))
        #expect(a.hashValue == b.hashValue)
    }

    @Test("orders values exactly across units", arguments: ascending)
    func ordering(smaller: String, larger: String) throws {
        let a = try Quantity(parsing: smaller)
        let b = try Quantity(parsing: larger)
        #expect(a < b)
        #expect(b > a)
        #expect(a != b)
    }

    @Test("a set keeps one of each value")
    func setOfEqualValues() throws {
        let quantities = try ["1Ki", "1024", "1.024k", "1024000m", "1Mi"].map { try Quantity(parsing: $0) }
        #expect(Set(quantities).count == 2)
    }

    @Test("sorting mixes units correctly")
    func sorting() throws {
        let sorted = try ["1Gi", "1G", "512Mi", "-1", "0", "100m"].map { try Quantity(parsing: $0) }.sorted()
        #expect(sorted.map(\.description) == ["-1", "0", "100m", "512Mi", "1G", "1Gi"])
    }
}
