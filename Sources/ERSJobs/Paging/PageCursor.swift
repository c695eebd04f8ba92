public import Foundation

/// An opaque keyset-pagination cursor: the sort key of the last row of a page, as base64url
/// (RFC 4648 §5, no padding) of `<kind>:<field>:<field>…`. Clients pass it back unchanged;
/// the `kind` keeps a hosts cursor from being used on reports.
public struct PageCursor: Hashable, Sendable, CustomStringConvertible {
    /// What the cursor pages through (`hosts`, `reports`, `audit`).
    public let kind: String
    /// The sort key's fields (integers as decimal text).
    public let fields: [String]

    /// A cursor for `kind` after the row with sort key `fields`.
    public init(kind: String, fields: [String]) {
        self.kind = kind
        self.fields = fields
    }

    /// The text handed to clients.
    public var encoded: String {
        Data(([kind] + fields).joined(separator: ":").utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    public var description: String { encoded }

    /// Decodes a cursor of `kind` with `count` integer fields.
    /// - Throws: ``PageCursorError`` when `text` is not such a cursor.
    public static func decode(_ text: String, kind: String, count: Int) throws(PageCursorError) -> [Int64] {
        guard text.utf8.count <= 200 else { throw PageCursorError(kind: kind) }
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.utf8.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64), let plain = String(data: data, encoding: .utf8) else { throw PageCursorError(kind: kind) }
        let parts = plain.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == count + 1, parts[0] == kind else { throw PageCursorError(kind: kind) }
        var values: [Int64] = []
        for part in parts.dropFirst() {
            guard let value = Int64(part) else { throw PageCursorError(kind: kind) }
            values.append(value)
        }
        return values
    }
}

/// A `cursor` parameter that is not one this API issued for that list.
public struct PageCursorError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The list it was given for.
    public let kind: String

    public var description: String {
        "the cursor is not one this API issued for \(kind); pass the \"nextCursor\" of the previous page unchanged, or omit it to start from the first page"
    }
}
