/// One row for `audit_logs`: who did what, from where. Never holds a password or a token.
public struct AuditEvent: Sendable, Hashable {
    /// The actions ERS records: the auth service's, and the collection API's host changes and
    /// started collections.
    public enum Action: String, Sendable, Hashable, CaseIterable {
        case login = "auth.login"
        case loginFailed = "auth.login_failed"
        case loginThrottled = "auth.login_throttled"
        case logout = "auth.logout"
        case userCreated = "user.created"
        case userDisabled = "user.disabled"
        case hostCreated = "host.created"
        case hostUpdated = "host.updated"
        case hostDisabled = "host.disabled"
        case hostDeleted = "host.deleted"
        case collectionStarted = "collection.started"
    }

    /// What happened.
    public var action: Action
    /// The user concerned (the name tried, for failures; at most 100 characters are kept).
    public var userID: String?
    /// `session`, `user`, `host` or `collection`.
    public var resourceType: String?
    /// The session's `jti`, the user name, the host name or the collection id.
    public var resourceID: String?
    /// Extra facts (reason, roles, request id) as a flat JSON object.
    public var details: [String: String]
    /// The client address (`inet`).
    public var ipAddress: String?

    /// An event.
    public init(action: Action, userID: String?, resourceType: String? = nil, resourceID: String? = nil, details: [String: String] = [:],
                ipAddress: String? = nil) {
        self.action = action
        self.userID = userID.map { String($0.prefix(100)) }
        self.resourceType = resourceType
        self.resourceID = resourceID
        self.details = details
        self.ipAddress = ipAddress
    }
}
