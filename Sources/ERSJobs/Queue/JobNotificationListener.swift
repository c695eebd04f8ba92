public import ERSDatabase
public import Logging
import PostgresNIO

/// Listens on ``JobQueue/channel`` (PostgreSQL `LISTEN`, on a connection of its own: a pooled
/// connection would lose the registration) and signals a ``WakeSignal`` for each
/// notification. When the connection breaks (a database restart) it reconnects with backoff
/// (1 s doubling to 30 s) and signals once after reconnecting, since notifications sent
/// meanwhile are lost; the workers' polling covers the gap.
public struct JobNotificationListener: Sendable {
    /// The database whose `NOTIFY` the listener's own connection receives.
    public let url: DatabaseURL
    /// Raised on every notification, and after each reconnect (work may have been missed).
    public let signal: WakeSignal
    /// Receives connection losses and reconnects.
    public let logger: Logger

    /// A listener on `url` raising `signal`; it connects when run.
    public init(url: DatabaseURL, signal: WakeSignal, logger: Logger) {
        self.url = url
        self.signal = signal
        self.logger = logger
    }

    /// Listens until the task is cancelled.
    public func run() async {
        var delay = 1.0
        var connectedBefore = false
        while !Task.isCancelled {
            do {
                let session = try await DatabaseSession.connect(to: url, applicationName: "ers-worker-listen", logger: logger)
                do {
                    try await session.connection.listen(on: JobQueue.channel) { notifications in
                        if connectedBefore { await signal.signal() }
                        connectedBefore = true
                        delay = 1
                        logger.debug("listening", metadata: ["channel": "\(JobQueue.channel)"])
                        for try await _ in notifications {
                            await signal.signal()
                        }
                    }
                } catch {
                    if !Task.isCancelled {
                        logger.warning("LISTEN \(JobQueue.channel) connection lost; reconnecting (polling meanwhile)", metadata: ["error": "\(error)"])
                    }
                }
                await session.close()
            } catch {
                logger.warning("cannot connect for LISTEN \(JobQueue.channel); retrying in \(Int(delay)) s (polling meanwhile)",
                               metadata: ["error": "\(error)"])
            }
            if Task.isCancelled { break }
            try? await Task.sleep(for: .seconds(delay))
            delay = min(30, delay * 2)
        }
    }
}
