import Testing
@testable import ERSCollectors

@Test func moduleLinks() { _ = CollectorsModule.self }
