@testable import ERSGateway
import ERSModel
import Testing

/// nginx sizes, whole quantities and safe tokens.
@Suite struct SupportTypeTests {
    @Test(arguments: [(10_485_760, "10m"), (1 << 30, "1g"), (3 << 30, "3g"), (1536, "1536"), (2048, "2k"), (1_000_000, "1000000"), (1, "1")])
    func nginxSize(bytes: Int, text: String) {
        #expect(NginxSize.text(bytes: bytes) == text)
    }

    @Test(arguments: [("10Mi", 10_485_760), ("1.5Gi", 1_610_612_736), ("1M", 1_000_000), ("1e3", 1000), ("512", 512), ("2k", 2000)])
    func exactWholeUnits(text: String, bytes: Int) throws {
        #expect(try Quantity(parsing: text).exactWholeUnits == bytes)
    }

    @Test(arguments: ["500m", "1.5", "-1", "1.0000001", "1999500m"])
    func notWholeUnits(text: String) throws {
        #expect(try Quantity(parsing: text).exactWholeUnits == nil)
    }

    @Test(arguments: [("500m", 1), ("1", 1), ("1500m", 2), ("2", 2), ("0.1", 1), ("0", 0)])
    func wholeUnitsRoundedUp(text: String, units: Int) throws {
        #expect(try Quantity(parsing: text).wholeUnitsRoundedUp == units)
    }

    @Test func safeTokens() {
        #expect(NginxToken.isSafePath("/"))
        #expect(NginxToken.isSafePath("/auth/"))
        #expect(NginxToken.isSafePath("/api/v1/audit-logs"))
        for bad in ["", "auth", "//x", "/a//b", "/a/./b", "/..", "/a b", "/a;", "/a{", "/$x", "/#", "/é"] {
            #expect(!NginxToken.isSafePath(bad), "\(bad)")
        }
        #expect(NginxToken.isSafeName("auth.ers.svc"))
        #expect(!NginxToken.isSafeName("a b"))
    }
}
