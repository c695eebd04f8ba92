import ERSServerCore
import Hummingbird
import ServiceLifecycle

/// A runtime's service group running in the test process on a free port.
final class LiveServer: Sendable {
    let port: Int
    let group: ServiceGroup
    let task: Task<Void, any Error>

    static func start(runtime: ServerRuntime, router: Router<ServerRequestContext>) async throws -> LiveServer {
        let (stream, continuation) = AsyncStream<Int>.makeStream()
        let group = runtime.makeServiceGroup(router: router, handlesSignals: false) { port in continuation.yield(port) }
        let task = Task { try await group.run() }
        var iterator = stream.makeAsyncIterator()
        guard let port = await iterator.next() else { throw CancellationError() }
        return LiveServer(port: port, group: group, task: task)
    }

    private init(port: Int, group: ServiceGroup, task: Task<Void, any Error>) {
        self.port = port
        self.group = group
        self.task = task
    }

    func stop() async {
        await group.triggerGracefulShutdown()
        _ = try? await task.value
    }
}
