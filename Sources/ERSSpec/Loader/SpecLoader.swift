public import ERSModel
import Foundation

/// Loads an environment spec: reads the file and the bases it overlays, merges them, checks
/// the result against ``SpecSchema``, decodes it into a ``SystemSpec`` and validates that.
/// Every problem of every stage is collected; none stops the others where they can go on.
///
/// ```swift
/// let result = SpecLoader().load(path: "environments/production.yaml")
/// for diagnostic in result.diagnostics { print(diagnostic) }
/// guard let spec = result.spec, !result.hasErrors else { exit(1) }
/// ```
public struct SpecLoader: Sendable {
    /// Reads a file's text; throws when it cannot.
    public typealias ReadFile = @Sendable (String) throws -> String

    private let readFile: ReadFile

    /// Creates a loader that reads spec files from disk as UTF-8.
    public init() {
        self.readFile = { try String(contentsOfFile: $0, encoding: .utf8) }
    }

    /// Creates a loader that reads files with `readFile` (for specs held in memory).
    public init(readFile: @escaping ReadFile) {
        self.readFile = readFile
    }

    /// Loads the spec at `path` (relative paths are kept as given in diagnostics). Never throws:
    /// an unreadable file is a diagnostic too.
    public func load(path: String) -> SpecLoadResult {
        var diagnostics: [Diagnostic] = []
        guard let tree = loadTree(path: path, chain: [], referencedBy: nil, diagnostics: &diagnostics) else {
            return SpecLoadResult(spec: nil, diagnostics: diagnostics.sortedForDisplay(), sourceMap: nil)
        }
        let sourceMap = SourceMap(root: tree)
        var checker = StructuralChecker()
        let plain = checker.check(tree, as: SpecSchema.root, at: .root)
        diagnostics += checker.diagnostics
        let structurallySound = !diagnostics.contains { $0.severity == .error }
        // Values with structural errors were left out of `plain`. When what is left still
        // decodes, the semantic checks run too, so one run reports every problem.
        let spec: SystemSpec
        do {
            spec = try SystemSpec(from: PlainValueDecoder(value: plain ?? [String: Any]()))
        } catch {
            if structurallySound {
                diagnostics.append(Diagnostic(
                    .error, .root, "could not decode the spec (\(error)); this is a bug in ersctl's schema, please report it",
                    location: tree.location))
            }
            return SpecLoadResult(spec: nil, diagnostics: diagnostics.sortedForDisplay(), sourceMap: sourceMap)
        }
        for var diagnostic in spec.validate()
        where !checker.incomplete.contains(diagnostic.path) && !checker.poisoned.contains(where: { diagnostic.path.starts(with: $0) }) {
            diagnostic.location = sourceMap.location(of: diagnostic.path)
            diagnostics.append(diagnostic)
        }
        return SpecLoadResult(
            spec: structurallySound ? spec : nil, diagnostics: diagnostics.sortedForDisplay(), sourceMap: sourceMap)
    }

    /// The merged tree of `path` and every base below it, or nil when a file is unusable.
    /// `referencedBy` is the `base:` value that named `path` (nil for the file given to
    /// ``load(path:)``): a base that cannot be read is reported there, in the file to fix.
    private func loadTree(path: String, chain: [String], referencedBy: SpecNode.Scalar?, diagnostics: inout [Diagnostic]) -> SpecNode? {
        let text: String
        do {
            text = try readFile(path)
        } catch {
            let reason = (error as NSError).localizedDescription
            if let referencedBy {
                diagnostics.append(Diagnostic(
                    .error, [.key("base")],
                    "cannot read the base spec '\(referencedBy.text)' (looked for \(path): \(reason)); a relative base is resolved against the directory of this file: correct the path",
                    location: referencedBy.location))
            } else {
                diagnostics.append(Diagnostic(
                    .error, .root, "cannot read the spec file (\(reason)); check the path",
                    location: SourceLocation(file: path, line: 1, column: 1)))
            }
            return nil
        }
        let parsed = SpecDocumentParser(file: path).parse(text)
        diagnostics += parsed.diagnostics
        guard let node = parsed.node else { return nil }
        guard case .mapping(var mapping) = node else {
            diagnostics.append(Diagnostic(
                .error, .root, "a spec must be a mapping (key: value lines), found \(node.kindDescription)", location: node.location))
            return nil
        }
        diagnostics += OverlayMerger.tagProblems(in: node, at: .root)
        guard let baseIndex = mapping.entries.firstIndex(where: { $0.key == "base" }) else {
            var merger = OverlayMerger()
            let stripped = merger.strip(.mapping(mapping), at: .root)
            diagnostics += merger.diagnostics
            return stripped
        }
        let baseEntry = mapping.entries.remove(at: baseIndex)
        guard case .scalar(let baseName) = baseEntry.value, !baseEntry.value.isNull else {
            diagnostics.append(Diagnostic(
                .error, [.key("base")], "base must be the path of the spec this file overlays, e.g. base.yaml",
                location: baseEntry.value.location))
            return nil
        }
        let basePath = Self.resolve(baseName.text, relativeTo: path)
        let identity = Self.identity(of: basePath)
        if chain.map(Self.identity(of:)).contains(identity) || identity == Self.identity(of: path) {
            diagnostics.append(Diagnostic(
                .error, [.key("base")], "'\(baseName.text)' is already being loaded (\((chain + [path, basePath]).joined(separator: " -> "))); an overlay cannot include itself",
                location: baseName.location))
            return nil
        }
        guard let base = loadTree(path: basePath, chain: chain + [path], referencedBy: baseName, diagnostics: &diagnostics) else {
            return nil
        }
        var merger = OverlayMerger()
        let merged = merger.merge(base, .mapping(mapping), at: .root)
        diagnostics += merger.diagnostics
        return merged
    }

    /// A file's identity for cycle detection: its absolute path with `.`, `..` and symlinks resolved.
    static func identity(of path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return URL(fileURLWithPath: absolute).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// `relative` resolved against the directory of `file` (absolute paths stay).
    static func resolve(_ relative: String, relativeTo file: String) -> String {
        if relative.hasPrefix("/") { return relative }
        let directory = (file as NSString).deletingLastPathComponent
        let joined = directory.isEmpty ? relative : (directory as NSString).appendingPathComponent(relative)
        return (joined as NSString).standardizingPath
    }
}

/// What loading a spec produced.
public struct SpecLoadResult: Sendable {
    /// The decoded spec; nil when a structural problem kept it from being decoded.
    public var spec: SystemSpec?
    /// Every problem found, sorted by file, line and column.
    public var diagnostics: [Diagnostic]
    /// Positions of the merged spec's values; nil when no file could be parsed.
    public var sourceMap: SourceMap?

    /// Whether any diagnostic is an error (rendering must not go on).
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

extension [Diagnostic] {
    /// Sorted by location (unplaced last), then severity, then message: a stable order.
    func sortedForDisplay() -> [Diagnostic] {
        sorted { lhs, rhs in
            switch (lhs.location, rhs.location) {
            case (let l?, let r?) where l != r: return l < r
            case (nil, _?): return false
            case (_?, nil): return true
            default: return (lhs.severity, lhs.message) < (rhs.severity, rhs.message)
            }
        }
    }
}
