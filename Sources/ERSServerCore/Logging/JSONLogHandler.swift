import Foundation
public import Logging
import NIOConcurrencyHelpers

/// A swift-log handler that writes one JSON object per line:
/// `{"time":"2026-01-31T12:00:00.123Z","level":"info","logger":"ers.auth","message":"…","request_id":"…",…}`.
///
/// Metadata (handler, logger and per-message) becomes top-level string fields. The handler
/// writes what it is given: callers must never put a password, token or secret into a
/// message or metadata.
public struct JSONLogHandler: LogHandler {
    /// Where finished lines go (one call per line, newline included).
    public typealias Sink = @Sendable (String) -> Void

    /// Metadata added to every line of this handler.
    public var metadata: Logger.Metadata = [:]
    /// Lowest level written.
    public var logLevel: Logger.Level
    private let label: String
    private let sink: Sink

    /// A handler for `label` writing to `sink` (default: standard output).
    public init(label: String, level: Logger.Level = .info, sink: @escaping Sink = JSONLogHandler.standardOutput) {
        self.label = label
        self.logLevel = level
        self.sink = sink
    }

    /// One metadata value of this handler.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Writes `event` as one JSON line.
    public func log(event: LogEvent) {
        var fields = metadata
        if let extra = event.metadata { fields.merge(extra) { $1 } }
        var line = "{\"time\":\"\(Self.timestamp())\",\"level\":\"\(event.level.rawValue)\",\"logger\":"
        Self.appendQuoted(label, to: &line)
        line += ",\"message\":"
        Self.appendQuoted(event.message.description, to: &line)
        for (key, value) in fields.sorted(by: { $0.key < $1.key }) where !["time", "level", "logger", "message"].contains(key) {
            line += ","
            Self.appendQuoted(key, to: &line)
            line += ":"
            Self.appendQuoted(value.description, to: &line)
        }
        line += "}\n"
        sink(line)
    }

    /// Writes to standard output, one whole line at a time.
    public static let standardOutput: Sink = { line in
        outputLock.withLock {
            FileHandle.standardOutput.write(Data(line.utf8))
        }
    }

    private static let outputLock = NIOLock()

    /// RFC 3339 UTC time with milliseconds.
    static func timestamp() -> String {
        Date.now.formatted(.iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: true).timeSeparator(.colon)) + "Z"
    }

    /// Appends `text` as a JSON string (RFC 8259 §7).
    static func appendQuoted(_ text: String, to line: inout String) {
        line.append("\"")
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": line.append("\\\"")
            case "\\": line.append("\\\\")
            case "\n": line.append("\\n")
            case "\r": line.append("\\r")
            case "\t": line.append("\\t")
            case let c where c.value < 0x20 || c.value == 0x7F:
                line.append(String(format: "\\u%04x", c.value))
            default: line.unicodeScalars.append(scalar)
            }
        }
        line.append("\"")
    }
}
