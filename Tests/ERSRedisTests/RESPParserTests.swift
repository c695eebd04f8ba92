@testable import ERSRedis
import NIOCore
import Testing

@Suite("RESP2 parsing and encoding")
struct RESPParserTests {
    func parse(_ text: String) throws -> (RESPValue?, Int) {
        var buffer = ByteBuffer(string: text)
        let value = try RESPParser().parse(&buffer)
        return (value, buffer.readableBytes)
    }

    @Test func everyTypeAndNulls() throws {
        #expect(try parse("+OK\r\n").0 == .simpleString("OK"))
        #expect(try parse("-WRONGPASS invalid\r\n").0 == .error("WRONGPASS invalid"))
        #expect(try parse(":-42\r\n").0 == .integer(-42))
        #expect(try parse("$5\r\nhe\r\nl\r\n").0 == .bulkString(Array("he\r\nl".utf8)))
        #expect(try parse("$-1\r\n").0 == .bulkString(nil))
        #expect(try parse("*-1\r\n").0 == .array(nil))
        #expect(try parse("*2\r\n:1\r\n*1\r\n$0\r\n\r\n").0 == .array([.integer(1), .array([.bulkString([])])]))
    }

    @Test func incompleteInputWaitsAndLeavesTheBufferUntouched() throws {
        for partial in ["+OK", "+OK\r", "$5\r\nhel", "*2\r\n:1\r\n", "$3\r\nabc"] {
            let (value, remaining) = try parse(partial)
            #expect(value == nil)
            #expect(remaining == partial.utf8.count)
        }
        let (value, remaining) = try parse("+A\r\n+B\r\n")
        #expect(value == .simpleString("A"))
        #expect(remaining == 4)
    }

    @Test func garbageAndOversizedValuesAreProtocolViolations() {
        #expect(throws: RedisError.self) { try parse("HTTP/1.1 200 OK\r\n") }
        #expect(throws: RedisError.self) { try parse(":12x\r\n") }
        #expect(throws: RedisError.self) { try parse("$999999999999\r\n") }
        #expect(throws: RedisError.self) { try parse("$3\r\nabcXY") }
        #expect(throws: RedisError.self) { try parse(String(repeating: "*1\r\n", count: 40) + ":1\r\n") }
    }

    @Test func commandsEncodeAsArraysOfBulkStringsAndDescribeOnlyTheirName() {
        var buffer = ByteBuffer()
        RedisCommand("AUTH", ["ers", "s3cret"]).encode(into: &buffer)
        #expect(String(buffer: buffer) == "*3\r\n$4\r\nAUTH\r\n$3\r\ners\r\n$6\r\ns3cret\r\n")
        #expect("\(RedisCommand("AUTH", ["ers", "s3cret"]))" == "AUTH")
    }

    @Test func urlsParseAndNeverPrintThePassword() throws {
        let url = try RedisURL(parsing: "rediss://ers:pa%40ss@cache.example.com:6380/3?sslrootcert=/ca.pem")
        #expect(url.host == "cache.example.com" && url.port == 6380 && url.user == "ers" && url.password == "pa@ss")
        #expect(url.database == 3 && url.usesTLS && url.rootCertificatePath == "/ca.pem")
        #expect("\(url)" == "rediss://ers:***@cache.example.com:6380/3")
        #expect(throws: RedisURLError.self) { try RedisURL(parsing: "http://host") }
        #expect(throws: RedisURLError.self) { try RedisURL(parsing: "redis://host/x") }
        #expect(throws: RedisURLError.self) { try RedisURL(parsing: "redis://host?sslrootcert=/ca.pem") }
        let error = #expect(throws: RedisURLError.self) { try RedisURL(parsing: "ftp://u:topsecret@host") }
        #expect(!"\(String(describing: error))".contains("topsecret"))
    }
}
