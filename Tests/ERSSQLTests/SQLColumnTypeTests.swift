import ERSSQL
import Testing

@Suite("SQLColumnType and SQLDefaultExpression")
struct SQLColumnTypeTests {
    @Test(arguments: [
        ("bigint", "bigint"), ("INTEGER", "integer"), ("smallint", "smallint"), ("text", "text"),
        ("varchar(255)", "varchar(255)"), ("VARCHAR( 50 )", "varchar(50)"), ("character varying(10)", "varchar(10)"),
        ("jsonb", "jsonb"), ("json", "json"), ("timestamptz", "timestamptz"), ("boolean", "boolean"), ("uuid", "uuid"),
        ("inet", "inet"), ("numeric(12,2)", "numeric(12,2)"), ("numeric(10)", "numeric(10,0)"),
    ])
    func acceptsTheAllowList(_ text: String, _ canonical: String) throws {
        #expect(try SQLColumnType(parsing: text).description == canonical)
    }

    @Test(arguments: ["timestamp", "TIMESTAMP", "timestamp without time zone", "timestamp(3)"])
    func refusesTimestampWithoutTimeZone(_ text: String) {
        #expect {
            try SQLColumnType(parsing: text)
        } throws: { error in
            (error as? SQLValueError)?.message.contains("use `timestamptz`") == true
        }
    }

    @Test(arguments: ["serial", "bigserial", "SERIAL4"])
    func refusesSerialPointingAtIdentity(_ text: String) {
        #expect {
            try SQLColumnType(parsing: text)
        } throws: { error in
            (error as? SQLValueError)?.message.contains("identity: true") == true
        }
    }

    @Test(arguments: [("int8", "bigint"), ("int", "integer"), ("bool", "boolean"), ("timestamp with time zone", "timestamptz"), ("varchar", "varchar(N)")])
    func pointsSynonymsAtTheCanonicalName(_ text: String, _ canonical: String) {
        #expect {
            try SQLColumnType(parsing: text)
        } throws: { error in
            (error as? SQLValueError)?.message.contains("as `\(canonical)`") == true
        }
    }

    @Test(arguments: ["varchar(0)", "varchar(x)", "varchar(1,2)", "numeric(0,0)", "numeric(5,6)", "numeric(1001,0)", "money", "bytea", "text[]", "bigint; drop table x"])
    func refusesOtherTypes(_ text: String) {
        #expect(throws: SQLValueError.self) { try SQLColumnType(parsing: text) }
    }

    @Test func indexMethodSupport() {
        #expect(SQLColumnType.jsonb.supportsIndexMethod("gin"))
        #expect(!SQLColumnType.text.supportsIndexMethod("gin"))
        #expect(!SQLColumnType.json.supportsIndexMethod("btree"))
        #expect(!SQLColumnType.boolean.supportsIndexMethod("brin"))
        #expect(SQLColumnType.timestamptz.supportsIndexMethod("brin"))
    }

    @Test(arguments: [
        ("now()", SQLColumnType.timestamptz, "now()"), ("NOW()", .timestamptz, "now()"), ("current_timestamp", .timestamptz, "CURRENT_TIMESTAMP"),
        ("gen_random_uuid()", .uuid, "gen_random_uuid()"), ("false", .boolean, "false"), ("0", .bigint, "0"), ("-1", .integer, "-1"),
        ("0.5", .numeric(precision: 4, scale: 2), "0.5"), ("'pending'", .text, "'pending'"), ("'it''s'", .varchar(length: 10), "'it''s'"),
        ("'{}'::jsonb", .jsonb, "'{}'::jsonb"), ("'{}'::JSONB", .jsonb, "'{}'::jsonb"),
    ])
    func acceptsSimpleDefaults(_ text: String, _ type: SQLColumnType, _ sql: String) throws {
        #expect(try SQLDefaultExpression(parsing: text, for: type).sql == sql)
    }

    @Test(arguments: [
        ("now()", SQLColumnType.bigint), ("0", .timestamptz), ("0.5", .integer), ("true", .text),
        ("now(); DROP TABLE reports", .timestamptz), ("'x'; DROP TABLE reports; --'", .text), ("'unterminated", .text),
        ("'a'::timestamp", .text), ("nextval('s')", .bigint), ("'a' || 'b'", .text), ("localtimestamp", .timestamptz),
    ])
    func refusesOtherDefaults(_ text: String, _ type: SQLColumnType) {
        #expect(throws: SQLValueError.self) { try SQLDefaultExpression(parsing: text, for: type) }
    }
}
