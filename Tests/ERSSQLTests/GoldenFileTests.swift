import ERSModel
import ERSSQL
import Testing

@Suite("Golden files")
struct GoldenFileTests {
    /// `Golden/base/sql/…`: base.yaml rendered as of 2026-01. Also the directory to hand to
    /// `validate-rendered --sql Tests/ERSSQLTests/Golden/base`.
    @Test func baseAsOfJanuary2026() throws {
        let files = try PartitionDDLRenderer(asOf: Fixtures.january2026).render(try Fixtures.baseSpec())
        try GoldenFiles.check(files, case: "base")
    }
}
