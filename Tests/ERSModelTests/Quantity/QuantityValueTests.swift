import ERSModel
import Testing

@Suite("Quantity values and construction")
struct QuantityValueTests {
    @Test(
        "value is whole units rounded away from zero",
        arguments: [
            ("1.5", Int64?.some(2)), ("100m", 1), ("1Gi", 1_073_741_824), ("-1.5", -2), ("0", 0),
            ("1n", 1), ("1e3", 1000), ("9223372036854775807", .max), ("-9223372036854775808", .min),
            ("9223372036854775808", nil), ("1e21", nil), ("8Ei", .max),
        ])
    func value(input: String, expected: Int64?) throws {
        #expect(try Quantity(parsing: input).value == expected)
    }

    @Test(
        "milliValue is thousandths rounded away from zero",
        arguments: [
            ("100m", Int64?.some(100)), ("0.5", 500), ("2", 2000), ("0.1m", 1), ("1n", 1), ("-0.1m", -1),
            ("1.0001m", 2), ("1e16", nil), ("1Ki", 1_024_000),
        ])
    func milliValue(input: String, expected: Int64?) throws {
        #expect(try Quantity(parsing: input).milliValue == expected)
    }

    @Test("scaledValue converts to any power of ten")
    func scaledValue() throws {
        let quantity = try Quantity(parsing: "1.5G")
        #expect(quantity.scaledValue(exponent: 6) == 1500)
        #expect(quantity.scaledValue(exponent: 9) == 2)
        #expect(quantity.scaledValue(exponent: 30) == 1)
        #expect(quantity.scaledValue(exponent: -10) == nil)
        #expect(try Quantity(parsing: "1n").scaledValue(exponent: -9) == 1)
    }

    @Test("isZero and signum")
    func zeroAndSign() throws {
        #expect(try Quantity(parsing: "0Gi").isZero)
        #expect(try Quantity(parsing: "-0").signum == 0)
        #expect(try !Quantity(parsing: "1n").isZero)
        #expect(try Quantity(parsing: "-1n").signum == -1)
        #expect(try Quantity(parsing: "-1n").isNegative)
        #expect(try Quantity(parsing: "5").signum == 1)
    }

    @Test("convenience constructors print like apimachinery's NewQuantity and NewMilliQuantity")
    func constructors() {
        #expect(Quantity.cpu(millicores: 250).description == "250m")
        #expect(Quantity.cpu(millicores: 2000).description == "2")
        #expect(Quantity.cpu(millicores: 1500).milliValue == 1500)
        #expect(Quantity.bytes(268_435_456).description == "256Mi")
        #expect(Quantity.bytes(1000).description == "1k")
        #expect(Quantity.bytes(1025).description == "1025")
        #expect(Quantity.bytes(.min).description == "-8Ei")
        #expect(Quantity(1000).description == "1k")
        #expect(Quantity(1024, format: .binarySI).description == "1Ki")
        #expect(Quantity(1_000_000, format: .decimalExponent).description == "1e6")
        #expect(Quantity(significand: 15, exponent: -1).description == "1500m")
        #expect(Quantity(significand: 1, exponent: -12).description == "1n")
        #expect(Quantity(significand: -15, exponent: -10).description == "-2n")
        #expect(Quantity.bytes(1 << 20) == Quantity.oneMebibyte)
    }
}
