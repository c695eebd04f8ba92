import ERSModel
import ERSSQL
import Testing

@Suite("PartitionDDLRenderer.validate")
struct TableValidationTests {
    @Test func theFixtureAndBaseYamlAreValid() throws {
        #expect(Fixtures.errors(Fixtures.reports()).isEmpty)
        let spec = try Fixtures.baseSpec()
        #expect(PartitionDDLRenderer(asOf: Fixtures.january2026).validate(spec).isEmpty)
    }

    @Test func sixtyCharacterTableNameIsRefusedNamingThePartitionAndItsLength() {
        let name = String(repeating: "r", count: 60)
        let errors = Fixtures.errors(Fixtures.reports(name: name))
        let partition = "\(name)_p2026_01"
        #expect(errors.contains { $0.hasPrefix("partitionedTables[\(name)].name:") && $0.contains("`\(partition)`") && $0.contains("69 bytes") && $0.contains("at most 54 bytes") })
        // The index name made from it is 84 bytes: reported at the index, with its length.
        #expect(errors.contains { $0.contains(".indexes[idx_\(name)_hostname_created_at].name:") && $0.contains("is 84 bytes") })
    }

    @Test func fiftyFourBytesIsTheLongestTableName() {
        var table = Fixtures.reports(name: String(repeating: "r", count: 54))
        table.indexes = []
        #expect(Fixtures.errors(table).isEmpty)
        table.name = String(repeating: "r", count: 55)
        #expect(Fixtures.errors(table).count == 1)
    }

    @Test func identitySequenceNameMustFit() {
        var table = Fixtures.reports(name: String(repeating: "r", count: 50))
        table.indexes = []
        table.columns[0].name = "identifier_long"
        table.primaryKey = ["identifier_long", "created_at"]
        let errors = Fixtures.errors(table)
        #expect(errors.count == 1)
        #expect(errors.first?.contains("identity sequence `\(table.name)_identifier_long_seq` would be 70 bytes") == true)
    }

    @Test func timestampWithoutTimeZoneIsRefused() {
        var table = Fixtures.reports()
        table.columns[3].type = "timestamp"
        let errors = Fixtures.errors(table)
        #expect(errors.contains { $0.hasPrefix("partitionedTables[reports].columns[created_at].type:") && $0.contains("use `timestamptz`") })
    }

    @Test func partitionColumnMustBeTimestamptzNotNull() {
        var table = Fixtures.reports()
        table.partitionColumn = "hostname"
        table.primaryKey = ["id", "hostname"]
        #expect(Fixtures.errors(table).contains { $0.hasPrefix("partitionedTables[reports].partitionColumn:") && $0.contains("must be `timestamptz`") })

        table = Fixtures.reports()
        table.columns[3].nullable = true
        #expect(Fixtures.errors(table).contains { $0.contains("partitionColumn:") && $0.contains("NOT NULL") })

        table = Fixtures.reports()
        table.partitionColumn = "inserted_at"
        #expect(Fixtures.errors(table).contains { $0.contains("partitionColumn:") && $0.contains("`inserted_at` is not a column") })
    }

    @Test func primaryKeyMustIncludeThePartitionColumn() {
        var table = Fixtures.reports()
        table.primaryKey = ["id"]
        let errors = Fixtures.errors(table)
        #expect(errors == [
            "partitionedTables[reports].primaryKey: [id] lacks the partition column `created_at`; PostgreSQL requires a primary key on a "
                + "partitioned table to include the partition key (docs 5.11.2.3 \"Limitations\"): use [id, created_at]",
        ])
    }

    @Test func primaryKeyColumnsMustExistOnce() {
        var table = Fixtures.reports()
        table.primaryKey = ["id", "uid", "id", "created_at"]
        let errors = Fixtures.errors(table)
        #expect(errors.contains { $0.hasPrefix("partitionedTables[reports].primaryKey[1]:") && $0.contains("`uid` is not a column") })
        #expect(errors.contains { $0.hasPrefix("partitionedTables[reports].primaryKey[2]:") && $0.contains("twice") })
        table.primaryKey = []
        #expect(Fixtures.errors(table).contains { $0.hasPrefix("partitionedTables[reports].primaryKey:") && $0.contains("is empty") })
    }

    @Test func identityMustBeBigint() {
        var table = Fixtures.reports()
        table.columns[0].type = "integer"
        #expect(Fixtures.errors(table) == [
            "partitionedTables[reports].columns[id].type: is `integer` but an identity column must be `bigint`: a 32-bit id (like the seed's SERIAL) runs out after 2^31 rows",
        ])
    }

    @Test func indexesReferToDeclaredColumnsWithSuitableMethods() {
        var table = Fixtures.reports()
        table.indexes = [
            TableIndex(name: "idx_reports_host", columns: ["host", "created_at"]),
            TableIndex(name: "idx_reports_data", columns: ["data"], method: .btree),
            TableIndex(name: "idx_reports_data_gin", columns: ["data"], method: .gin),
            TableIndex(name: "idx_reports_hostname_gin", columns: ["hostname"], method: .gin),
            TableIndex(name: "idx_reports_data_gin", columns: ["data"], method: .gin),
        ]
        let errors = Fixtures.errors(table)
        #expect(errors.contains { $0.hasPrefix("partitionedTables[reports].indexes[idx_reports_host].columns[0]:") && $0.contains("`host` is not a column") })
        #expect(errors.contains { $0.hasPrefix("partitionedTables[reports].indexes[idx_reports_hostname_gin].columns[0]:") && $0.contains("gin index cannot cover") })
        #expect(errors.contains { $0.contains("duplicate index name `idx_reports_data_gin`") })
        #expect(errors.count == 3)
    }

    @Test func reservedAndQuotedNamesAreRefused() {
        var table = Fixtures.reports(name: "order")
        table.indexes = []
        table.columns[1].name = "User"
        let errors = Fixtures.errors(table)
        #expect(errors.contains { $0.hasPrefix("partitionedTables[order].name:") && $0.contains("reserved key word") })
        #expect(errors.contains { $0.hasPrefix("partitionedTables[order].columns[User].name:") && $0.contains("lower-case") })
    }

    @Test func premakeAndRetentionAreChecked() {
        var table = Fixtures.reports()
        table.premake = 0
        table.retention = Retention(months: 0, action: .drop)
        let errors = Fixtures.errors(table)
        #expect(errors.contains { $0.hasPrefix("partitionedTables[reports].premake:") })
        #expect(errors.contains { $0.hasPrefix("partitionedTables[reports].retention.months:") })
    }

    @Test func relationNamesMustBeUniqueAcrossTables() {
        var audit = Fixtures.reports(name: "audit_logs")
        audit.indexes = [TableIndex(name: "idx_reports_hostname_created_at", columns: ["hostname"]), TableIndex(name: "reports_p2026_05", columns: ["hostname"])]
        let diagnostics = PartitionDDLRenderer.validate([Fixtures.reports(), audit, Fixtures.reports()])
        let errors = diagnostics.map { "\($0.path): \($0.message)" }
        #expect(errors.contains { $0.hasPrefix("partitionedTables[audit_logs].indexes[idx_reports_hostname_created_at].name:") && $0.contains("already the name of the index of `reports`") })
        #expect(errors.contains { $0.hasPrefix("partitionedTables[audit_logs].indexes[reports_p2026_05].name:") && $0.contains("monthly partition of `reports` for 2026-05") })
        #expect(errors.contains { $0.hasPrefix("partitionedTables[reports].name: duplicate table `reports`") })
        #expect(errors.count == 3, "\(errors)")
    }

    @Test func renderThrowsEveryProblemAtOnce() throws {
        var spec = try Fixtures.baseSpec()
        spec.partitionedTables[0].primaryKey = ["id"]
        spec.partitionedTables[1].columns[0].type = "serial"
        #expect {
            try PartitionDDLRenderer(asOf: Fixtures.january2026).render(spec)
        } throws: { error in
            guard let error = error as? SQLRenderError else { return false }
            return error.problems.count == 2
                && error.description.hasPrefix("cannot render the PostgreSQL DDL: 2 problems\n  error: partitionedTables[reports].primaryKey: ")
                && error.description.contains("  error: partitionedTables[audit_logs].columns[id].type: ")
        }
    }

    @Test func asOfMustKeepBoundsWithinFourDigitYears() throws {
        let spec = try Fixtures.baseSpec()
        let late = try #require(YearMonth("9999-10"))
        let errors = PartitionDDLRenderer(asOf: late).validate(spec).filter { $0.severity == .error }
        #expect(errors.count == 2)
        #expect(errors.first?.path.description == "partitionedTables[reports].premake")
    }

    @Test func warnsAboutServiceTablesThatAreNotDeclared() throws {
        var spec = try Fixtures.baseSpec()
        spec.partitionedTables.removeLast()
        let warnings = PartitionDDLRenderer(asOf: Fixtures.january2026).validate(spec).filter { $0.severity == .warning }
        #expect(warnings.map(\.path.description) == ["services[collection].config.AUDIT_LOGS_TABLE"])
    }
}
