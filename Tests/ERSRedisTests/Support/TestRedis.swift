import ERSRedis
import Foundation
import Testing

/// The Redis of `scripts/services-up.sh` (`ERS_TEST_REDIS_URL`, password files, ACL user).
/// Missing: a failure when `CI` is set, a warning otherwise.
enum TestRedis {
    static var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// The default user (requirepass), or nil after reporting.
    static func defaultUser(sourceLocation: SourceLocation = #_sourceLocation) -> RedisURL? {
        guard let text = environment["ERS_TEST_REDIS_URL"], let file = environment["ERS_TEST_REDIS_PASSWORD_FILE"] else {
            report("ERS_TEST_REDIS_URL / ERS_TEST_REDIS_PASSWORD_FILE are not set", sourceLocation: sourceLocation)
            return nil
        }
        do {
            return try RedisURL(parsing: text, passwordFile: file)
        } catch {
            report("\(error)", sourceLocation: sourceLocation)
            return nil
        }
    }

    /// The ACL user `ers` with its own password.
    static func aclUser(sourceLocation: SourceLocation = #_sourceLocation) -> RedisURL? {
        guard var url = defaultUser(sourceLocation: sourceLocation), let user = environment["ERS_TEST_REDIS_ACL_USER"],
              let file = environment["ERS_TEST_REDIS_ACL_PASSWORD_FILE"],
              let password = try? String(contentsOfFile: file, encoding: .utf8).trimmingCharacters(in: .newlines)
        else {
            report("ERS_TEST_REDIS_ACL_USER / ERS_TEST_REDIS_ACL_PASSWORD_FILE are not set", sourceLocation: sourceLocation)
            return nil
        }
        url.user = user
        url.password = password
        return url
    }

    static func report(_ why: String, sourceLocation: SourceLocation) {
        let inCI = environment["CI"] != nil
        Issue.record("Redis test not run: \(why). Start the services: scripts/services-up.sh, then source its env file.",
                     severity: inCI ? .error : .warning, sourceLocation: sourceLocation)
    }

    /// A key no other test uses.
    static func key(_ name: String) -> String { "test:\(name):\(UUID().uuidString)" }
}
