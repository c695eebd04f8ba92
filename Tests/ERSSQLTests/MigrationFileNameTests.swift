import ERSSQL
import Testing

@Suite("MigrationFileName and MigrationHeader")
struct MigrationFileNameTests {
    @Test func parsesAndPrintsBothKinds() {
        #expect(MigrationFileName("0001_create_reports.sql") == .versioned(version: 1, description: "create_reports"))
        #expect(MigrationFileName("12345_x.sql") == .versioned(version: 12345, description: "x"))
        #expect(MigrationFileName("R__partitions.sql") == .repeatable(description: "partitions"))
        #expect(MigrationFileName.versioned(version: 2, description: "create_audit_logs").description == "0002_create_audit_logs.sql")
        #expect(MigrationFileName.repeatable(description: "partitions").description == "R__partitions.sql")
    }

    @Test(arguments: ["001_x.sql", "0000_x.sql", "0001-x.sql", "0001_.sql", "0001_X.sql", "0001_x.txt", "R_x.sql", "R__.sql", "V1__x.sql", "0001_a$b.sql"])
    func refusesOtherNames(_ name: String) {
        #expect(MigrationFileName(name) == nil)
    }

    @Test func appliesVersionedInOrderThenRepeatables() {
        let names = ["R__partitions.sql", "0010_b.sql", "0002_a.sql", "R__a.sql"].compactMap(MigrationFileName.init)
        #expect(names.sorted().map(\.description) == ["0002_a.sql", "0010_b.sql", "R__a.sql", "R__partitions.sql"])
    }

    @Test func describingReplacesCharactersFileNamesShouldNotHave() {
        #expect(MigrationFileName.describing("a$b") == "a_b")
    }

    @Test func findsTheNonTransactionalMarkerInTheHeaderOnly() {
        #expect(MigrationHeader.isNonTransactional("-- title\n-- ers:migrate no-transaction  \n\nCREATE INDEX CONCURRENTLY x ON t (a);\n"))
        #expect(!MigrationHeader.isNonTransactional("-- title\nSELECT 1;\n-- ers:migrate no-transaction\n"))
        #expect(!MigrationHeader.isNonTransactional("-- ers:migrate no-transaction please\nSELECT 1;\n"))
    }
}
