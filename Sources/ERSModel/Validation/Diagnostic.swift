/// One problem found in a spec: what is wrong, where (field path, and file:line:column once the
/// spec loader has placed it), and what would be right.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How bad it is.
    public enum Severity: String, Sendable, Hashable, Codable, Comparable {
        /// Rendering refuses to go on.
        case error
        /// Rendering goes on, but the spec is almost surely not what was meant.
        case warning

        /// Errors sort before warnings.
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .error && rhs == .warning }
    }

    /// Error or warning.
    public var severity: Severity
    /// The field the problem is about.
    public var path: FieldPath
    /// What is wrong and what would be right, e.g. "must be at most 63 characters (is 70); shorten it".
    public var message: String
    /// Where in which file, when the spec came from files.
    public var location: SourceLocation?
    /// Other places that matter (e.g. the first of two duplicate keys).
    public var related: [SourceLocation]

    /// Creates a diagnostic.
    public init(_ severity: Severity, _ path: FieldPath, _ message: String, location: SourceLocation? = nil, related: [SourceLocation] = []) {
        self.severity = severity
        self.path = path
        self.message = message
        self.location = location
        self.related = related
    }

    /// An error at `path`.
    public static func error(_ path: FieldPath, _ message: String) -> Diagnostic { Diagnostic(.error, path, message) }
    /// A warning at `path`.
    public static func warning(_ path: FieldPath, _ message: String) -> Diagnostic { Diagnostic(.warning, path, message) }

    /// `file:line:column: error: path: message` (the location part left out when unknown).
    public var description: String {
        let place = location.map { "\($0): " } ?? ""
        return "\(place)\(severity.rawValue): \(path): \(message)"
    }
}

/// A position in a spec file: 1-based line and column.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The file's path as given to the loader.
    public var file: String
    /// Line, from 1.
    public var line: Int
    /// Column, from 1.
    public var column: Int

    /// Creates a location.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`.
    public var description: String { "\(file):\(line):\(column)" }

    /// Orders by file, then line, then column.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
