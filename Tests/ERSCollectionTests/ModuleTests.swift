import Testing
@testable import ERSCollection

@Test func moduleLinks() { _ = CollectionModule.self }
