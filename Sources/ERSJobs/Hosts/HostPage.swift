/// One page of ``HostStore/list(selector:limit:after:enabledOnly:)``: hosts by ascending id.
public struct HostPage: Sendable, Hashable {
    /// The hosts of this page.
    public var hosts: [HostRecord]
    /// The cursor of the next page; nil on the last page.
    public var nextCursor: PageCursor?

    /// A page.
    public init(hosts: [HostRecord], nextCursor: PageCursor?) {
        self.hosts = hosts
        self.nextCursor = nextCursor
    }

    /// The cursor kind of host lists.
    public static let cursorKind = "hosts"

    /// The id after which the page that `cursor` names starts.
    /// - Throws: ``PageCursorError`` when `cursor` is not a hosts cursor.
    public static func after(cursor: String) throws(PageCursorError) -> Int64 {
        try PageCursor.decode(cursor, kind: cursorKind, count: 1)[0]
    }
}
