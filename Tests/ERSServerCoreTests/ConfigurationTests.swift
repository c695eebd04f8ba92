import ERSServerCore
import Foundation
import Testing

@Suite("Configuration from the environment")
struct ConfigurationTests {
    func temporaryFile(_ contents: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ers-config-\(UUID().uuidString)").path
        try contents.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func defaultsAndTheManifestsVariables() throws {
        let none = try ServerConfiguration(environment: ServerEnvironment([:]))
        #expect(none.httpHost == "127.0.0.1" && none.httpPort == 8080 && none.logLevel == .info)
        #expect(none.database == nil && none.redis == nil)
        let dbPassword = try temporaryFile("pg-secret\n"), redisPassword = try temporaryFile("redis-secret\n")
        let full = try ServerConfiguration(environment: ServerEnvironment([
            "HTTP_HOST": "0.0.0.0", "HTTP_PORT": "9090", "LOG_LEVEL": "DEBUG",
            "DATABASE_URL": "postgres://ers@db:5432/ers?sslmode=disable", "DATABASE_PASSWORD_FILE": dbPassword,
            "REDIS_URL": "redis://ers@cache:6379", "REDIS_PASSWORD_FILE": redisPassword,
        ]))
        #expect(full.httpHost == "0.0.0.0" && full.httpPort == 9090 && full.logLevel == .debug)
        #expect(full.database?.password == "pg-secret" && full.database?.host == "db")
        #expect(full.redis?.password == "redis-secret" && full.redis?.user == "ers" && full.redis?.host == "cache")
        let plain = try ServerConfiguration(environment: ServerEnvironment(["REDIS_URL": "redis://cache", "REDIS_PASSWORD": "direct"]))
        #expect(plain.redis?.password == "direct")
    }

    @Test func everyMistakeNamesTheVariableAndTheFix() throws {
        let file = try temporaryFile("x")
        let cases: [([String: String], String)] = [
            (["HTTP_PORT": "eighty"], "HTTP_PORT: 'eighty' is not a whole number"),
            (["HTTP_PORT": "70000"], "HTTP_PORT: 70000 is outside 0…65535"),
            (["LOG_LEVEL": "loud"], "LOG_LEVEL: 'loud' is not a level"),
            (["DATABASE_URL": "mysql://x"], "DATABASE_URL: database URL:"),
            (["REDIS_PASSWORD_FILE": file], "REDIS_URL: a Redis password is set but REDIS_URL is not"),
            (["REDIS_URL": "redis://h", "REDIS_PASSWORD": "a", "REDIS_PASSWORD_FILE": file], "both REDIS_PASSWORD and REDIS_PASSWORD_FILE are set"),
            (["REDIS_URL": "redis://h", "REDIS_PASSWORD_FILE": "/nonexistent/pw"], "REDIS_PASSWORD_FILE: cannot read /nonexistent/pw"),
        ]
        for (variables, expected) in cases {
            let error = #expect(throws: ConfigurationError.self) { try ServerConfiguration(environment: ServerEnvironment(variables)) }
            #expect(error?.description.contains(expected) == true, "\(String(describing: error)) should contain \(expected)")
        }
    }

    @Test func secretsNeverPrintTheirValue() throws {
        let secret = try #require(try ServerEnvironment(["JWT_SECRET": "very-secret-value"]).secret("JWT_SECRET"))
        #expect(secret.value == "very-secret-value")
        #expect(!"\(secret)".contains("very-secret"))
        let url = try ServerConfiguration(environment: ServerEnvironment(["REDIS_URL": "redis://u@h", "REDIS_PASSWORD": "hidden-pw"])).redis
        #expect(!"\(String(describing: url))".contains("hidden-pw"))
    }
}
