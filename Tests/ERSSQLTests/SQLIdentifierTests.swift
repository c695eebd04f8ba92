import ERSSQL
import Testing

@Suite("SQLIdentifier")
struct SQLIdentifierTests {
    @Test(arguments: ["reports", "audit_logs", "_x", "a1", "a$b", String(repeating: "a", count: 63)])
    func acceptsPlainLowerCaseNames(_ name: String) throws {
        #expect(try SQLIdentifier(validating: name).name == name)
    }

    @Test func refusesSixtyFourBytesNamingTheLength() {
        let name = String(repeating: "a", count: 64)
        let problem = SQLIdentifier.problem(with: name)
        #expect(problem?.message.contains("is 64 bytes") == true)
        #expect(problem?.message.contains("at most 63 bytes") == true)
        #expect(problem?.message.contains(name) == true)
    }

    @Test func countsBytesNotCharacters() {
        // 32 two-byte characters: 64 bytes — the length is reported before the character set.
        let problem = SQLIdentifier.problem(with: String(repeating: "é", count: 32))
        #expect(problem?.message.contains("is 64 bytes") == true)
    }

    @Test(arguments: ["Reports", "1abc", "a-b", "a b", "\"x\"", "é", "a;drop"])
    func refusesNamesThatNeedQuotes(_ name: String) {
        #expect(SQLIdentifier.problem(with: name)?.message.contains("not a plain lower-case identifier") == true)
    }

    @Test(arguments: ["user", "order", "table", "select", "left", "default"])
    func refusesReservedKeywords(_ name: String) {
        #expect(SQLIdentifier.problem(with: name)?.message.contains("reserved key word") == true)
    }

    @Test func acceptsNonReservedKeywords() {
        // Unreserved and column-name key words are fine as names.
        for name in ["data", "action", "name", "timestamp", "int", "value"] {
            #expect(SQLIdentifier.problem(with: name) == nil, "\(name)")
        }
    }

    @Test func refusesEmpty() {
        #expect(SQLIdentifier.problem(with: "")?.message.contains("empty") == true)
    }
}
