import ERSServerCore
import Logging
import NIOConcurrencyHelpers

/// Installs the JSON log handler for the whole process, once.
enum LoggingSetup {
    private static let done = NIOLockedValueBox(false)

    static func bootstrap(level: Logger.Level) {
        let first = done.withLockedValue { value in
            defer { value = true }
            return !value
        }
        guard first else { return }
        LoggingSystem.bootstrap { label in JSONLogHandler(label: label, level: level) }
    }
}
