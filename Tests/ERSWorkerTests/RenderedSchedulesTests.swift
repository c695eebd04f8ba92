import ERSModel
import ERSRender
import ERSSpec
import ERSWorker
import Foundation
import Testing

/// What `ersctl render` hands the scheduler is what the scheduler reads.
@Suite("Rendered schedules")
struct RenderedSchedulesTests {
    @Test(arguments: ["development", "staging", "production"])
    func theSchedulerParsesWhatTheRendererWrites(_ environment: String) throws {
        let loaded = SpecLoader().load(path: JobsDatabase.repositoryRoot.appendingPathComponent("environments/\(environment).yaml").path)
        let spec = try #require(loaded.spec)
        let scheduler = try #require(spec.services.first { ServiceConfig.role(of: $0) == "scheduler" })
        let text = try #require(ServiceConfig.environment(of: scheduler, in: spec)[ServiceConfig.schedulesVariable])
        let entries = try ScheduleFile.parse(Data(text.utf8), source: ServiceConfig.schedulesVariable)
        #expect(entries.map(\.name) == spec.collectionSchedules.map(\.name))
        #expect(entries.map(\.reportType) == spec.collectionSchedules.map(\.reportType))
    }
}
