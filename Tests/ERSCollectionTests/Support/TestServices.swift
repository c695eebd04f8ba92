import ERSDatabase
import ERSRedis
import Foundation
import Testing

/// PostgreSQL and Redis from `scripts/services-up.sh`. Missing: a failure when `CI` is set,
/// a warning otherwise.
enum TestServices {
    static var environment: [String: String] { ProcessInfo.processInfo.environment }

    static func database(sourceLocation: SourceLocation = #_sourceLocation) -> DatabaseURL? {
        guard let text = environment["ERS_TEST_DATABASE_URL"], let file = environment["ERS_TEST_DATABASE_PASSWORD_FILE"],
              let url = try? DatabaseURL(parsing: text, passwordFile: file)
        else {
            report("ERS_TEST_DATABASE_URL / ERS_TEST_DATABASE_PASSWORD_FILE are not set or unusable", sourceLocation: sourceLocation)
            return nil
        }
        return url
    }

    static func redis(sourceLocation: SourceLocation = #_sourceLocation) -> RedisURL? {
        guard let text = environment["ERS_TEST_REDIS_URL"], let user = environment["ERS_TEST_REDIS_ACL_USER"],
              let file = environment["ERS_TEST_REDIS_ACL_PASSWORD_FILE"], var url = try? RedisURL(parsing: text, passwordFile: file)
        else {
            report("ERS_TEST_REDIS_URL / ERS_TEST_REDIS_ACL_USER / ERS_TEST_REDIS_ACL_PASSWORD_FILE are not set or unusable", sourceLocation: sourceLocation)
            return nil
        }
        url.user = user
        return url
    }

    static func nginx(sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        let candidates = [environment["ERS_TEST_NGINX"], "/usr/sbin/nginx", "/usr/local/sbin/nginx"].compactMap { $0 }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            report("nginx not found (ERS_TEST_NGINX)", sourceLocation: sourceLocation)
            return nil
        }
        return found
    }

    static func report(_ why: String, sourceLocation: SourceLocation) {
        Issue.record("test not run: \(why). Run scripts/services-up.sh and source its env file.",
                     severity: environment["CI"] != nil ? .error : .warning, sourceLocation: sourceLocation)
    }

    /// The repository root.
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
}
