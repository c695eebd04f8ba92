/// The column types ERS accepts in `partitionedTables[].columns[].type`: an allow-list of
/// PostgreSQL 15 types that suit the reporting tables and are written one canonical way.
/// Source: PostgreSQL docs chapter 8 "Data Types" (8.1 Numeric, 8.3 Character, 8.5 Date/Time,
/// 8.6 Boolean, 8.9 Network Address, 8.12 UUID, 8.14 JSON).
public enum SQLColumnType: Sendable, Hashable, CustomStringConvertible {
    /// `bigint`: 64-bit integer (the type of an identity `id`).
    case bigint
    /// `integer`: 32-bit integer.
    case integer
    /// `smallint`: 16-bit integer.
    case smallint
    /// `text`: unlimited string.
    case text
    /// `varchar(N)`: string of at most N characters, N in 1...10485760.
    case varchar(length: Int)
    /// `jsonb`: binary JSON (indexable with GIN).
    case jsonb
    /// `json`: JSON text as given (no btree, hash or GIN index).
    case json
    /// `timestamptz`: an instant (microsecond resolution), shown in the session time zone.
    case timestamptz
    /// `boolean`.
    case boolean
    /// `uuid`.
    case uuid
    /// `inet`: an IPv4 or IPv6 host address, optionally with a netmask.
    case inet
    /// `numeric(p,s)`: exact decimal, precision p in 1...1000, scale s in 0...p.
    case numeric(precision: Int, scale: Int)

    /// The type as written in the rendered DDL, e.g. `varchar(255)`, `numeric(12,2)`.
    public var description: String {
        switch self {
        case .bigint: "bigint"
        case .integer: "integer"
        case .smallint: "smallint"
        case .text: "text"
        case .varchar(let length): "varchar(\(length))"
        case .jsonb: "jsonb"
        case .json: "json"
        case .timestamptz: "timestamptz"
        case .boolean: "boolean"
        case .uuid: "uuid"
        case .inet: "inet"
        case .numeric(let precision, let scale): "numeric(\(precision),\(scale))"
        }
    }

    /// Whether a btree index (and so a primary key) can cover the type: all but `json`.
    public var supportsBtree: Bool { self != .json }

    /// Whether the index method `method` has a default operator class for the type on a stock
    /// PostgreSQL 15 (no extensions): btree and hash all but `json`; GIN only `jsonb`; BRIN the
    /// scalar types except `boolean`. Source: docs 11.2 "Index Types", 71.2 "Built-in BRIN
    /// Operator Classes", 70.2 "Built-in GIN Operator Classes".
    public func supportsIndexMethod(_ method: String) -> Bool {
        switch method {
        case "btree", "hash": self != .json
        case "gin": self == .jsonb
        case "brin": ![.json, .jsonb, .boolean].contains(self)
        default: false
        }
    }
}
