import Foundation
import Testing

/// Reads YAML back with Python's PyYAML (a YAML 1.1 reader) in a child process.
enum PyYAML {
    /// Python that loads every document of the file `argv[1]` with `yaml.safe_load_all` and
    /// prints each as one line of JSON in the shape ``PythonJSON`` writes: mappings become
    /// `{"map": [[key, value], …]}` so key types and order survive. It reads the file with
    /// PyYAML's own parser and, when PyYAML was built with it, again with libyaml (the C
    /// parser go-yaml was ported from); a `#name` line starts each reader's documents.
    static let script = """
        import json, sys, yaml
        def shape(node):
            if isinstance(node, dict):
                return {"map": [[shape(k), shape(v)] for k, v in node.items()]}
            if isinstance(node, list):
                return [shape(item) for item in node]
            if node is None or isinstance(node, (bool, int, str)):
                return node
            return {"unexpected": type(node).__name__, "repr": repr(node)}
        loaders = [("PyYAML", yaml.SafeLoader)]
        if getattr(yaml, "__with_libyaml__", False):
            loaders.append(("libyaml", yaml.CSafeLoader))
        with open(sys.argv[1], "rb") as stream:
            data = stream.read()
        for name, loader in loaders:
            print("#" + name)
            for document in yaml.load_all(data, Loader=loader):
                print(json.dumps(shape(document), separators=(",", ":")))
        """

    /// One reader's result: its name and one JSON line per document.
    struct Reading {
        /// `PyYAML` or `libyaml`.
        let reader: String
        /// One JSON line per document, in order.
        var documents: [String]
    }

    /// The command that runs a Python 3 with PyYAML, or nil when none is found.
    static let interpreter: [String]? = {
        let candidates = [["/usr/bin/env", "python3"], ["/root/.pyenv/shims/python3"], ["/usr/bin/python3"]]
        return candidates.first { command in
            (try? run(command + ["-c", "import yaml"])).map { $0.status == 0 } ?? false
        }
    }()

    /// Parses `yaml` with each available reader; nil when no Python with PyYAML exists,
    /// after recording that: an error when the `CI` variable is set, else a warning.
    static func load(_ yaml: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [Reading]? {
        guard let interpreter else {
            let onCI = !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty
            Issue.record(
                "python3 with PyYAML not found: the round trip was not checked",
                severity: onCI ? .error : .warning,
                sourceLocation: sourceLocation
            )
            return nil
        }
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("ers-yaml-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("input.yaml")
        try Data(yaml.utf8).write(to: file)
        let result = try run(interpreter + ["-c", script, file.path], in: directory)
        guard result.status == 0 else {
            throw Failure(message: "PyYAML failed (\(result.status)): \(result.errors)")
        }
        var readings: [Reading] = []
        for line in result.output.split(separator: "\n") {
            if line.hasPrefix("#") {
                readings.append(Reading(reader: String(line.dropFirst()), documents: []))
            } else if !readings.isEmpty {
                readings[readings.count - 1].documents.append(String(line))
            }
        }
        return readings
    }

    /// A PyYAML run that did not succeed.
    struct Failure: Error, CustomStringConvertible {
        /// What went wrong, with Python's error output.
        let message: String
        /// The message.
        var description: String { message }
    }

    /// Runs `command` (an absolute executable and its arguments), capturing its output in
    /// files so that neither pipe can fill up.
    private static func run(
        _ command: [String],
        in directory: URL = FileManager.default.temporaryDirectory
    ) throws -> (status: Int32, output: String, errors: String) {
        guard let executable = command.first else { return (127, "", "no command") }
        let tag = UUID().uuidString
        let outputFile = directory.appendingPathComponent("stdout-\(tag)")
        let errorFile = directory.appendingPathComponent("stderr-\(tag)")
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outputFile)
            try? FileManager.default.removeItem(at: errorFile)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = Array(command.dropFirst())
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: outputFile)
        process.standardError = try FileHandle(forWritingTo: errorFile)
        try process.run()
        process.waitUntilExit()
        let output = String(decoding: try Data(contentsOf: outputFile), as: UTF8.self)
        let errors = String(decoding: try Data(contentsOf: errorFile), as: UTF8.self)
        return (process.terminationStatus, output, errors)
    }
}
