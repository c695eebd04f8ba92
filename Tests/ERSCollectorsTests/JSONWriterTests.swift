import Foundation
import Testing
@testable import ERSCollectors

@Suite("JSON writer")
struct JSONWriterTests {
    @Test func escapesAndRoundTrips() throws {
        let value = JSONValue.object([
            "b": .array([.int(-3), .double(0.5), .double(14642.02), .bool(true), .null]),
            "a": .string("quote \" backslash \\ slash / tab \t newline \n bell \u{7} é 日本"),
        ])
        let text = value.jsonText
        #expect(text.hasPrefix("{\"a\":"))
        #expect(text.contains("\\u0007") && text.contains("\\t") && text.contains("/"))
        #expect(try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) == value)
    }

    /// PostgreSQL's jsonb refuses `\u0000`; a NUL byte in a host's output must not make the
    /// report unstorable.
    @Test func nulBecomesReplacementCharacter() throws {
        let text = JSONValue.string("a\u{0}b").jsonText
        #expect(text == "\"a\u{FFFD}b\"")
        #expect(!text.contains("\\u0000"))
    }
}
