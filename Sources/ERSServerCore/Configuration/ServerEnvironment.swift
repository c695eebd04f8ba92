public import Configuration
import Foundation

/// The settings an `ers-server` role reads, by environment variable name (`HTTP_PORT`,
/// `JWT_SECRET_FILE`, …), through swift-configuration.
///
/// Every secret `X` may also be given as a file path in `X_FILE` (the way Kubernetes and
/// compose mount secrets); setting both is an error. Values marked secret are redacted in
/// swift-configuration's access reports.
public struct ServerEnvironment: Sendable {
    /// The underlying reader.
    public let reader: ConfigReader

    /// Reads from `reader`.
    public init(reader: ConfigReader) {
        self.reader = reader
    }

    /// Reads from `variables` (tests) or the process environment (nil).
    public init(_ variables: [String: String]? = nil) {
        let secrets = SecretsSpecifier<String, String>.dynamic { key, _ in
            key.contains("SECRET") || key.contains("PASSWORD")
        }
        let provider = variables.map { EnvironmentVariablesProvider(environmentVariables: $0, secretsSpecifier: secrets) }
            ?? EnvironmentVariablesProvider(secretsSpecifier: secrets)
        self.init(reader: ConfigReader(provider: provider))
    }

    /// The key swift-configuration maps to the environment variable `name` (`HTTP_PORT` ←
    /// `http.port`).
    static func key(_ name: String) -> ConfigKey {
        ConfigKey(name.lowercased().split(separator: "_").map(String.init))
    }

    /// The value of `name`, trimmed; nil when unset or blank.
    public func string(_ name: String) -> String? {
        let value = reader.string(forKey: Self.key(name), isSecret: name.contains("SECRET") || name.contains("PASSWORD"))
        guard let trimmed = value?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return trimmed
    }

    /// The integer in `name`, `defaultValue` when unset.
    /// - Throws: ``ConfigurationError`` when the value is not an integer within `range`.
    public func integer(_ name: String, default defaultValue: Int, range: ClosedRange<Int>) throws(ConfigurationError) -> Int {
        guard let text = string(name) else { return defaultValue }
        guard let value = Int(text) else {
            throw ConfigurationError(name, "'\(text)' is not a whole number; set a number in \(range.lowerBound)…\(range.upperBound)")
        }
        guard range.contains(value) else {
            throw ConfigurationError(name, "\(value) is outside \(range.lowerBound)…\(range.upperBound); set a value in that range")
        }
        return value
    }

    /// The comma-separated items of `name`, trimmed, blanks dropped; empty when unset.
    public func list(_ name: String) -> [String] {
        (string(name) ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The path in `NAME_FILE`, when set.
    public func filePath(_ name: String) -> String? {
        string(name + "_FILE")
    }

    /// The secret `name`, from `name` itself or from the file whose path is in `name_FILE`
    /// (one trailing newline and surrounding line breaks removed); nil when neither is set.
    /// - Throws: ``ConfigurationError`` when both are set, or the file cannot be read or is empty.
    public func secret(_ name: String) throws(ConfigurationError) -> SecretValue? {
        let direct = reader.string(forKey: Self.key(name), isSecret: true)
        let path = filePath(name)
        switch (direct, path) {
        case (nil, nil):
            return nil
        case (_?, _?):
            throw ConfigurationError(name, "both \(name) and \(name)_FILE are set; keep one (prefer \(name)_FILE, a mounted secret file)")
        case (let value?, nil):
            guard !value.isEmpty else { throw ConfigurationError(name, "is set but empty; set the secret or unset the variable") }
            return SecretValue(value: value, source: name)
        case (nil, let path?):
            let text: String
            do {
                text = try String(contentsOfFile: path, encoding: .utf8)
            } catch {
                throw ConfigurationError(name + "_FILE", "cannot read \(path) (\(error.localizedDescription)); mount the secret there or fix the path")
            }
            let value = text.trimmingCharacters(in: .newlines)
            guard !value.isEmpty else { throw ConfigurationError(name + "_FILE", "\(path) is empty; write the secret into it") }
            return SecretValue(value: value, source: "\(name)_FILE=\(path)")
        }
    }
}
