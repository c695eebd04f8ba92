import Testing

@testable import ERSDatabase
@testable import ERSDatabaseCommands

/// Bounds as `pg_get_expr(relpartbound, 0)` prints them under `TimeZone=UTC`, read locally.
@Suite("Partition bound text")
struct PartitionBoundTextTests {
    @Test func readsMonthBoundsFractionsAndInfinities() {
        #expect(PartitionBoundText.range(of: "FOR VALUES FROM ('2026-01-01 00:00:00+00') TO ('2026-02-01 00:00:00+00')")
            == .seconds(lower: 1_767_225_600, upper: 1_769_904_000))
        #expect(PartitionBoundText.range(of: "FOR VALUES FROM ('2026-02-15 12:30:05.25+00') TO (MAXVALUE)")
            == .seconds(lower: 1_771_158_605.25, upper: .infinity))
        #expect(PartitionBoundText.range(of: "FOR VALUES FROM (MINVALUE) TO ('-infinity')") == .seconds(lower: -.infinity, upper: -.infinity))
        #expect(PartitionBoundText.range(of: "DEFAULT") == nil)
    }

    @Test func leavesWhatItDoesNotKnowToTheServer() {
        #expect(PartitionBoundText.range(of: "FOR VALUES FROM ('0044-03-15 00:00:00+00 BC') TO ('10000-01-01 00:00:00+00')")
            == .needsServer(lower: "0044-03-15 00:00:00+00 BC", upper: "10000-01-01 00:00:00+00", known: (nil, nil)))
        #expect(PartitionBoundText.range(of: "FOR VALUES FROM ('2026-01-01 00:00:00+05:30') TO ('2026-02-01 00:00:00+00')")
            == .needsServer(lower: "2026-01-01 00:00:00+05:30", upper: nil, known: (nil, 1_769_904_000)))
    }
}

/// Which files `ersctl partitions` reads as partitions files, which as environment specs.
@Suite("Partitions file detection")
struct PartitionsFileDetectionTests {
    @Test func tellsAPartitionsFileFromAnEnvironmentSpec() {
        #expect(PartitionsSpecFile.isPartitionsFile("# rendered\npartitionedTables:\n  - name: reports\n    premake: 3\n"))
        #expect(PartitionsSpecFile.isPartitionsFile("{\"partitionedTables\": []}"))
        #expect(!PartitionsSpecFile.isPartitionsFile("base: base.yaml\npartitionedTables:\n  - name: reports\n"))
        #expect(!PartitionsSpecFile.isPartitionsFile("name: ers\nservices: []\npartitionedTables: []\n"))
        #expect(!PartitionsSpecFile.isPartitionsFile("{\"services\": [], \"partitionedTables\": []}"))
    }
}
