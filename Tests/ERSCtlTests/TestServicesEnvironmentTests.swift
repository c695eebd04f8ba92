// The contract between scripts/services-up.sh and the Swift tests: tests find the throw-away
// PostgreSQL and Redis servers through ERS_TEST_* variables (see the env file that script
// writes). Under CI the services must be there: a missing variable or an unreachable server
// fails the run instead of skipping the tests that need it.
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

private let environment = ProcessInfo.processInfo.environment

/// True when CI is set to anything but an explicit false.
private let runningInCI: Bool = {
    guard let value = environment["CI"]?.lowercased(), !value.isEmpty else { return false }
    return !["0", "false", "no"].contains(value)
}()

/// Services are expected under CI, and wherever services-up.sh's env file was sourced.
private let servicesExpected = runningInCI || environment["ERS_TEST_DATABASE_URL"] != nil

@Suite("Test services environment", .enabled(if: servicesExpected, "set CI or source the env file of scripts/services-up.sh"))
struct TestServicesEnvironmentTests {
    static let requiredVariables = [
        "ERS_TEST_DATABASE_URL", "ERS_TEST_DATABASE_PASSWORD_FILE",
        "ERS_TEST_REDIS_URL", "ERS_TEST_REDIS_PASSWORD_FILE",
        "ERS_TEST_PG_BIN", "ERS_TEST_NGINX", "ERS_TEST_SSHD",
    ]

    @Test("every ERS_TEST_* variable is set", arguments: requiredVariables)
    func variableIsSet(_ name: String) {
        #expect(!(environment[name] ?? "").isEmpty, "\(name) is not set: run scripts/services-up.sh and source its env file")
    }

    @Test("password files are readable and not empty", arguments: ["ERS_TEST_DATABASE_PASSWORD_FILE", "ERS_TEST_REDIS_PASSWORD_FILE"])
    func passwordFileReadable(_ name: String) throws {
        let path = try #require(environment[name], "\(name) is not set")
        let secret = try String(contentsOfFile: path, encoding: .utf8)
        #expect(secret.trimmingCharacters(in: .whitespacesAndNewlines).count >= 32, "\(path) holds no generated password")
    }

    @Test("tool paths point to executables", arguments: ["ERS_TEST_NGINX", "ERS_TEST_SSHD"])
    func toolIsExecutable(_ name: String) throws {
        let path = try #require(environment[name], "\(name) is not set")
        #expect(FileManager.default.isExecutableFile(atPath: path), "\(name)=\(path) is not executable")
    }

    @Test("ERS_TEST_PG_BIN holds the PostgreSQL 15 server binaries")
    func postgresBinaries() throws {
        let bin = try #require(environment["ERS_TEST_PG_BIN"], "ERS_TEST_PG_BIN is not set")
        for tool in ["initdb", "pg_ctl", "postgres", "psql"] {
            #expect(FileManager.default.isExecutableFile(atPath: "\(bin)/\(tool)"), "\(bin)/\(tool) is not executable")
        }
    }

    @Test("PostgreSQL accepts TCP connections at ERS_TEST_DATABASE_URL")
    func postgresReachable() throws {
        let url = try #require(environment["ERS_TEST_DATABASE_URL"].flatMap(URLComponents.init(string:)))
        let host = try #require(url.host), port = try #require(url.port)
        let fd = try #require(connectTCP(host: host, port: port), "nothing listens on \(host):\(port)")
        close(fd)
    }

    @Test("Redis answers AUTH and PING with the generated password")
    func redisAuthenticates() throws {
        let url = try #require(environment["ERS_TEST_REDIS_URL"].flatMap(URLComponents.init(string:)))
        let host = try #require(url.host), port = try #require(url.port)
        let passwordFile = try #require(environment["ERS_TEST_REDIS_PASSWORD_FILE"])
        let password = try String(contentsOfFile: passwordFile, encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let fd = try #require(connectTCP(host: host, port: port), "nothing listens on \(host):\(port)")
        defer { close(fd) }
        // RESP arrays, so the password needs no escaping.
        func command(_ parts: String...) -> String {
            "*\(parts.count)\r\n" + parts.map { "$\($0.utf8.count)\r\n\($0)\r\n" }.joined()
        }
        #expect(exchange(fd, command("PING")).hasPrefix("-NOAUTH"), "Redis must require a password")
        #expect(exchange(fd, command("AUTH", password)) == "+OK\r\n")
        #expect(exchange(fd, command("PING")) == "+PONG\r\n")
    }
}

/// A connected TCP socket to an IPv4 address, or nil.
private func connectTCP(host: String, port: Int) -> Int32? {
    #if canImport(Glibc)
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    #else
    let fd = socket(AF_INET, SOCK_STREAM, 0)
    #endif
    guard fd >= 0 else { return nil }
    var timeout = timeval(tv_sec: 5, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    let resolved = host == "localhost" ? "127.0.0.1" : host
    guard inet_pton(AF_INET, resolved, &address.sin_addr) == 1 else { close(fd); return nil }
    let rc = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
        }
    }
    guard rc == 0 else { close(fd); return nil }
    return fd
}

/// Sends a request and returns one reply (Redis replies to these commands fit one read).
private func exchange(_ fd: Int32, _ request: String) -> String {
    let bytes = Array(request.utf8)
    guard send(fd, bytes, bytes.count, 0) == bytes.count else { return "" }
    var buffer = [UInt8](repeating: 0, count: 512)
    let count = recv(fd, &buffer, buffer.count, 0)
    return count > 0 ? String(decoding: buffer[..<count], as: UTF8.self) : ""
}
