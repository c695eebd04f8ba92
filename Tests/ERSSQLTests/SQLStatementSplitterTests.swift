import ERSSQL
import Testing

@Suite("SQLStatementSplitter")
struct SQLStatementSplitterTests {
    @Test func splitsAtSemicolonsAndDropsLeadingComments() {
        let script = "-- header\n\nSELECT 1;\n/* note */ SELECT 2 -- trailing\n;\n-- only a comment\n"
        #expect(SQLStatementSplitter.statements(in: script) == ["SELECT 1", "SELECT 2 -- trailing"])
    }

    @Test func keepsSemicolonsInsideQuotesCommentsAndDollarQuotes() {
        let script = """
            SELECT 'a;b', 'it''s;', E'x\\';y', "c;d";
            DO $check$ BEGIN RAISE NOTICE 'x;y'; END $check$;
            SELECT $$;$$ /* a /* nested; */ comment; */;
            SELECT $1, a$b FROM t
            """
        #expect(SQLStatementSplitter.statements(in: script) == [
            "SELECT 'a;b', 'it''s;', E'x\\';y', \"c;d\"",
            "DO $check$ BEGIN RAISE NOTICE 'x;y'; END $check$",
            "SELECT $$;$$ /* a /* nested; */ comment; */",
            "SELECT $1, a$b FROM t",
        ])
    }

    @Test func splitsTheRenderedFiles() throws {
        let files = try PartitionDDLRenderer(asOf: Fixtures.january2026).render(try Fixtures.baseSpec())
        let counts = files.map { SQLStatementSplitter.statements(in: $0.contents).count }
        // CREATE TABLE, DO, COMMENT and the indexes; users (CREATE TABLE, COMMENT); collection (4 tables, 5 indexes, 3 comments); then SET lock_timeout and one DO block per table.
        #expect(counts == [6, 5, 2, 12, 3])
        #expect(SQLStatementSplitter.statements(in: files[0].contents)[1].hasPrefix("DO $check$\nBEGIN"))
        #expect(SQLStatementSplitter.statements(in: files[0].contents)[0].hasPrefix("CREATE TABLE IF NOT EXISTS reports ("))
    }
}
