import ERSCollectors
import ERSFleet
import Foundation
import NIOConcurrencyHelpers

/// A collector whose answers the test decides (the worker's own contract, not a stand-in for
/// a datastore): it records every target it is asked for.
final class ScriptedCollector: Collector, @unchecked Sendable {
    let calls = NIOLockedValueBox<[String]>([])
    let answer: @Sendable (CollectionTarget) async -> CollectionOutcome

    init(answer: @escaping @Sendable (CollectionTarget) async -> CollectionOutcome) {
        self.answer = answer
    }

    func collect(_ target: CollectionTarget, reportType: String) async -> CollectionOutcome {
        calls.withLockedValue { $0.append(target.address.text) }
        return await answer(target)
    }

    var callCount: Int { calls.withLockedValue { $0.count } }

    /// A report naming the host.
    static func report(_ target: CollectionTarget) -> CollectionOutcome {
        .collected(CollectedReport(json: #"{"host":"\#(target.name.text)","sections":{}}"#, seconds: 0.01))
    }
}
