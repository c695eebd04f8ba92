import ERSServerCore
import Foundation
import Logging
import NIOConcurrencyHelpers
import Testing

@Suite("JSON logs")
struct JSONLogHandlerTests {
    @Test func oneObjectPerLineWithMetadataAndEscaping() throws {
        let lines = NIOLockedValueBox<[String]>([])
        var logger = Logger(label: "ers.test") { label in
            JSONLogHandler(label: label, level: .debug) { line in lines.withLockedValue { $0.append(line) } }
        }
        logger[metadataKey: "request_id"] = "abc-123"
        logger.info("hello \"world\"\n", metadata: ["user": "alice"])
        logger.trace("dropped")
        let all = lines.withLockedValue { $0 }
        #expect(all.count == 1)
        let line = try #require(all.first)
        #expect(line.hasSuffix("}\n") && line.filter { $0 == "\n" }.count == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
        #expect(object["message"] == "hello \"world\"\n")
        #expect(object["level"] == "info" && object["logger"] == "ers.test")
        #expect(object["request_id"] == "abc-123" && object["user"] == "alice")
        #expect(object["time"]?.hasSuffix("Z") == true)
    }
}
