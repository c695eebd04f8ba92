public import ERSModel

/// The configuration a service's container gets as environment variables: its `config`, plus
/// what ERS derives from the rest of the spec for the `ers-server` role it runs. Both the
/// Kubernetes renderer (ConfigMap `<service>-config`) and the compose renderer use it, so the
/// two targets hand a service the same settings.
///
/// Derived today: for a service running `ers-server scheduler`, ``schedulesVariable`` holds
/// the spec's `collectionSchedules` as JSON (an array of objects with `name`, `schedule`,
/// `reportType` and, when given, `selector`; keys in this order, no blanks), which the
/// scheduler reads at start. The derived value replaces a `config` entry of the same name.
public enum ServiceConfig {
    /// `COLLECTION_SCHEDULES`: the scheduler's schedules, as JSON (RFC 8259).
    public static let schedulesVariable = "COLLECTION_SCHEDULES"

    /// `service.config` plus the derived variables.
    public static func environment(of service: Service, in spec: SystemSpec) -> [String: String] {
        var environment = service.config ?? [:]
        if role(of: service) == "scheduler", !spec.collectionSchedules.isEmpty {
            environment[schedulesVariable] = schedulesJSON(spec.collectionSchedules)
        }
        return environment
    }

    /// The `ers-server` subcommand `service` runs (`auth`, `scheduler`, …), or nil when it
    /// does not run `ers-server` (its `command` starts with `ers-server`, or its image
    /// repository's last path segment is `ers-server`, and the role is its first argument).
    public static func role(of service: Service) -> String? {
        let command = service.command ?? []
        let runsServer = command.first == "ers-server"
            || (command.isEmpty && service.image.repository.split(separator: "/").last == "ers-server")
        guard runsServer else { return nil }
        return command.count > 1 ? command[1] : service.args?.first
    }

    /// `schedules` as a compact JSON array, selector keys sorted.
    public static func schedulesJSON(_ schedules: [CollectionSchedule]) -> String {
        let items = schedules.map { schedule in
            var fields = [
                "\"name\":\(quoted(schedule.name))",
                "\"schedule\":\(quoted(schedule.schedule))",
                "\"reportType\":\(quoted(schedule.reportType))",
            ]
            if let selector = schedule.selector {
                let pairs = selector.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
                    .map { "\(quoted($0.key)):\(quoted($0.value))" }
                fields.append("\"selector\":{\(pairs.joined(separator: ","))}")
            }
            return "{\(fields.joined(separator: ","))}"
        }
        return "[\(items.joined(separator: ","))]"
    }

    /// `text` as a JSON string (RFC 8259 §7): `"` and `\` escaped, control characters as
    /// `\uXXXX` (or their short forms).
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
