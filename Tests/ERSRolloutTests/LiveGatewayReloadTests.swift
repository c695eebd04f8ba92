import ERSModel
import Foundation
import Testing

@testable import ERSRollout

extension LiveRollouts {
    /// The gateway controller against a real nginx: a config `nginx -t` refuses is never reloaded,
    /// and a reload nginx accepts with exit 0 but does not take (the new listen port is taken) is
    /// caught by the generation check, with error.log's reason, while the old config keeps serving.
    @Suite(.serialized)
    struct LiveGatewayReloadTests {
        @Test func refusedAndUntakenReloadsAreCaught() async throws {
            let host = try await LiveHost { host in
                RolloutStrategy(strategy: .canary, canary: CanaryStrategy(steps: [.weight(50)]), host: host)
            }
            defer { host.cleanUp() }
            var settings = host.settings
            settings.reloadTimeoutSeconds = 2
            let gateway = HostGateway(settings: settings)
            let serving = try #require(gateway.servingGeneration())

            // A slot address nginx cannot resolve: nginx -t refuses, nothing is reloaded.
            var unresolvable = host.spec
            let index = try #require(unresolvable.services.firstIndex { $0.name == "collection" })
            unresolvable.services[index].rollout?.host?.slots.green = "nonexistent.invalid:8082"
            let refused = try gateway.render(unresolvable, traffic: ["collection": ServiceTraffic(stableSlot: .blue, stableVersion: "1.0.0", newWeight: 10)])
            await #expect {
                try await gateway.apply(refused)
            } throws: { error in
                guard case RolloutError.configTest(_, let output) = error else { return false }
                return output.contains("host not found in upstream")
            }
            #expect(gateway.servingGeneration() == serving)

            // A listen port another socket holds: nginx -t passes, the reload exits 0, the old
            // workers keep serving; the generation check catches it.
            let taken = try TestSocket.Listener(port: 0)
            defer { taken.close() }
            listen(taken.fd, 1)
            var moved = host.spec
            let gatewayIndex = try #require(moved.services.firstIndex { $0.name == "gateway" })
            moved.services[gatewayIndex].ports[0].containerPort = taken.port
            let untaken = try gateway.render(moved, traffic: ["collection": ServiceTraffic(stableSlot: .blue, stableVersion: "1.0.0")])
            await #expect {
                try await gateway.apply(untaken)
            } throws: { error in
                guard case RolloutError.reload(let expected, let servingNow, let detail) = error else { return false }
                return expected == untaken.generation && servingNow == serving && detail.contains("Address already in use")
            }
            #expect(gateway.servingGeneration() == serving)
            #expect(try host.version().version == "1.0.0")
        }
    }
}
