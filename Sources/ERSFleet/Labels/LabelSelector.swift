/// An equality-based label selector, as `kubectl get -l` takes it (Kubernetes "Labels and
/// Selectors", equality-based requirement): comma-separated requirements, all of which must
/// hold — `key=value` (or `key==value`), `key!=value` (also true when the key is absent),
/// `key` (the key exists) and `!key` (it does not). The empty text selects every host.
public struct LabelSelector: Hashable, Sendable, CustomStringConvertible {
    /// One requirement.
    public enum Requirement: Hashable, Sendable {
        case equals(key: String, value: String)
        case notEquals(key: String, value: String)
        case exists(key: String)
        case doesNotExist(key: String)
    }

    /// The requirements, in the order written.
    public let requirements: [Requirement]

    /// Parses `text`.
    /// - Throws: ``LabelError`` naming the requirement that does not parse and the forms allowed.
    public init(_ text: String) throws(LabelError) {
        var requirements: [Requirement] = []
        for raw in text.split(separator: ",", omittingEmptySubsequences: false) {
            let part = raw.trimmingSpaces
            if part.isEmpty {
                if text.trimmingSpaces.isEmpty { break }
                throw LabelError("label selector \"\(text)\" has an empty requirement (two commas in a row?)")
            }
            requirements.append(try Self.requirement(part, in: text))
        }
        self.requirements = requirements
    }

    /// Whether `labels` satisfy every requirement.
    public func matches(_ labels: Labels) -> Bool {
        requirements.allSatisfy { requirement in
            switch requirement {
            case let .equals(key, value): labels.values[key] == value
            case let .notEquals(key, value): labels.values[key] != value
            case let .exists(key): labels.values[key] != nil
            case let .doesNotExist(key): labels.values[key] == nil
            }
        }
    }

    public var description: String {
        requirements.map { requirement in
            switch requirement {
            case let .equals(key, value): "\(key)=\(value)"
            case let .notEquals(key, value): "\(key)!=\(value)"
            case let .exists(key): key
            case let .doesNotExist(key): "!\(key)"
            }
        }.joined(separator: ",")
    }

    static func requirement(_ part: String, in text: String) throws(LabelError) -> Requirement {
        let forms = "use key=value, key!=value, key or !key, separated by commas"
        if let range = part.firstRange(of: "!=") {
            let (key, value) = (String(part[..<range.lowerBound]).trimmingSpaces, String(part[range.upperBound...]).trimmingSpaces)
            try Labels.checkKey(key); try Labels.checkValue(value, key: key)
            return .notEquals(key: key, value: value)
        }
        if let range = part.firstRange(of: "==") ?? part.firstRange(of: "=") {
            let (key, value) = (String(part[..<range.lowerBound]).trimmingSpaces, String(part[range.upperBound...]).trimmingSpaces)
            if value.contains("=") { throw LabelError("label selector \"\(text)\": \"\(part)\" is not a requirement; \(forms)") }
            try Labels.checkKey(key); try Labels.checkValue(value, key: key)
            return .equals(key: key, value: value)
        }
        if part.hasPrefix("!") {
            let key = String(part.dropFirst()).trimmingSpaces
            try Labels.checkKey(key)
            return .doesNotExist(key: key)
        }
        if part.contains(" ") || part.contains("(") {
            throw LabelError("label selector \"\(text)\": \"\(part)\" is not supported (set-based selectors are not); \(forms)")
        }
        try Labels.checkKey(part)
        return .exists(key: part)
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
