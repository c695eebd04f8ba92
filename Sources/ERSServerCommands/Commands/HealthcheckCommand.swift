import ArgumentParser
import ERSServerCore

/// `ers-server healthcheck URL`: what compose healthchecks run (the image has no curl).
struct HealthcheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "healthcheck",
        abstract: "GET an http:// URL; exit 0 on a 2xx answer, 1 otherwise.",
        discussion: "Example: ers-server healthcheck http://127.0.0.1:8080/ready"
    )

    @Argument(help: "The URL to probe, e.g. http://127.0.0.1:8080/ready.")
    var url: String

    @Option(help: "Seconds to wait for the whole answer.")
    var timeout: Int = 3

    func run() async throws {
        do {
            let (status, body) = try await HealthcheckClient.get(url, timeout: .seconds(max(1, timeout)))
            print("\(status) \(body.prefix(2000))")
            guard (200..<300).contains(status) else { throw ExitCode(1) }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            printError("healthcheck: \(error)")
            throw ExitCode(1)
        }
    }
}
