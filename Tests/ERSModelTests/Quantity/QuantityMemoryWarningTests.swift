import ERSModel
import Testing

@Suite("Memory quantity warnings")
struct QuantityMemoryWarningTests {
    @Test("256m is the classic millibytes mistake")
    func millibytes() throws {
        let quantity = try Quantity(parsing: "256m")
        #expect(quantity.looksLikeMillibytesMistake)
        #expect(
            quantity.memoryWarning()
                == "'256m' is 0.256 bytes of memory (the suffix 'm' means milli, one thousandth); "
                + "you almost surely meant '256Mi' (mebibytes) or '256M' (megabytes)")
    }

    @Test("sane memory amounts give no warning", arguments: ["256Mi", "1Gi", "1Mi", "0", "512M", "1.5Gi", "2e9"])
    func sane(input: String) throws {
        let quantity = try Quantity(parsing: input)
        #expect(!quantity.looksLikeMillibytesMistake)
        #expect(quantity.memoryWarning() == nil)
    }

    @Test(
        "suspicious memory amounts are explained",
        arguments: [
            ("512", "'512' is only 512 bytes of memory, less than 1Mi; no container runs in so little; did you mean '512Mi'?"),
            ("64Ki", "'64Ki' is only 65536 bytes of memory, less than 1Mi; no container runs in so little; did you mean '64Mi'?"),
            ("0.5", "'500m' is 0.5 bytes of memory (the suffix 'm' means milli, one thousandth); you almost surely meant '500Mi' (mebibytes) or '500M' (megabytes)"),
            ("256u", "'256u' is 0.000256 bytes of memory; memory is counted in whole bytes, so write it with Mi or Gi (e.g. '256Mi')"),
            ("-1Gi", "'-1Gi' is a negative amount of memory; memory must be zero or more (e.g. '1Gi')"),
        ])
    func suspicious(input: String, warning: String) throws {
        #expect(try Quantity(parsing: input).memoryWarning() == warning)
    }
}
