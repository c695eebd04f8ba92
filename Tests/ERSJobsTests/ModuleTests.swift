import Testing
@testable import ERSJobs

@Test func moduleLinks() { _ = JobsModule.self }
