import Testing
import ERSCollectors

@Test func failureDescribesItsKind() {
    #expect(CollectionFailure(.transient, "timed out").description == "transient: timed out")
}
