import ERSCollectors

/// Command-line options of ers-collect-bench (no argument parser: the target depends on
/// ERSCollectors only).
struct BenchOptions {
    var fleetDirectory = ""
    var concurrency = 50
    var timeoutSeconds = 30
    var connectTimeoutSeconds = 10
    var reuse = false
    var crypto = SSHConfiguration.CryptoProfile.fast
    var printScript = false
    var repeats = 1
    var parseFile: String?

    static let usage = """
    usage: ers-collect-bench --fleet DIR [--concurrency N] [--timeout S] [--connect-timeout S]
                             [--crypto fast|default] [--reuse] [--repeat N]
           ers-collect-bench --print-script | --parse RAW_REPORT_FILE
    Collects the system report from every host in DIR/hosts.txt (fleet-up.sh output) with the
    SSH collector and prints hosts/s, failures, per-host p50/p99 and client CPU per host.
    """

    static func parse(_ arguments: [String]) -> Result<BenchOptions, BenchUsageError> {
        var options = BenchOptions()
        var index = 0
        func value(_ name: String) -> String? {
            index += 1
            return index < arguments.count ? arguments[index] : nil
        }
        while index < arguments.count {
            let argument = arguments[index]
            switch argument {
            case "--fleet": guard let text = value(argument) else { return .failure(.init("--fleet needs a directory")) }
                options.fleetDirectory = text
            case "--concurrency", "--timeout", "--connect-timeout", "--repeat":
                guard let text = value(argument), let number = Int(text), number > 0 else {
                    return .failure(.init("\(argument) needs a positive integer"))
                }
                switch argument {
                case "--concurrency": options.concurrency = number
                case "--timeout": options.timeoutSeconds = number
                case "--repeat": options.repeats = number
                default: options.connectTimeoutSeconds = number
                }
            case "--crypto":
                switch value(argument) {
                case "fast": options.crypto = .fast
                case "default": options.crypto = .opensshDefault
                default: return .failure(.init("--crypto is fast or default"))
                }
            case "--reuse": options.reuse = true
            case "--parse": options.parseFile = value(argument)
            case "--print-script": options.printScript = true
            case "-h", "--help": return .failure(.init(""))
            default: return .failure(.init("unknown argument \(argument.debugDescription)"))
            }
            index += 1
        }
        if !options.printScript && options.parseFile == nil && options.fleetDirectory.isEmpty { return .failure(.init("--fleet is required")) }
        return .success(options)
    }
}

struct BenchUsageError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
