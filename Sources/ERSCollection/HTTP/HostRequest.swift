import ERSFleet
import ERSJobs
import Foundation

/// The JSON bodies of `POST /api/v1/hosts` and `PATCH /api/v1/hosts/{name}`, checked field by
/// field with the fleet types: a value breaking a rule is a 422 whose detail quotes the rule.
enum HostRequest {
    static let createFields: Set<String> = ["name", "address", "port", "transport", "sshUser", "labels"]
    static let patchFields: Set<String> = ["address", "port", "transport", "sshUser", "labels", "disabled"]

    /// `{"name", "address"?, "port"?, "transport"?, "sshUser"?, "labels"?}`: `address`
    /// defaults to the name, `transport` to `ssh`, `port` to the transport's (22, 443). A
    /// `local` host has no port: `port` must be left out (or `null`); the host's `port` reads
    /// `null` (the row stores the placeholder ``HostStore/localPortPlaceholder``).
    static func draft(_ body: [String: Any]) throws(APIError) -> HostDraft {
        try checkKeys(body, allowed: createFields)
        guard let rawName = body["name"] else { throw APIError.invalid("invalid_host", "\"name\" is required: a DNS name or IP address") }
        let name = try storable(hostName(rawName), field: "name")
        let address = try storable(body["address"].map { value throws(APIError) in try self.address(value) } ?? name, field: "address")
        let transport = try body["transport"].map { value throws(APIError) in try self.transport(value) } ?? .ssh
        let port: Int
        if transport == .local {
            if let value = body["port"], !(value is NSNull) { throw APIError.invalid("invalid_host", HostStoreError.portNotApplicable(name.text).description) }
            port = Transport.local.defaultPort
        } else {
            port = try body["port"].map { value throws(APIError) in try self.port(value) } ?? transport.defaultPort
        }
        let sshUser = try body["sshUser"].flatMap { value throws(APIError) in try self.sshUser(value) }
        let labels = try body["labels"].map { value throws(APIError) in try self.labels(value) } ?? .empty
        return HostDraft(name: name, address: address, port: port, transport: transport, sshUser: sshUser, labels: labels)
    }

    /// Any of `address`, `port`, `transport`, `sshUser` (null removes it), `labels` (replaces
    /// all), `disabled`; at least one.
    static func changes(_ body: [String: Any]) throws(APIError) -> HostChanges {
        try checkKeys(body, allowed: patchFields)
        var changes = HostChanges()
        if let value = body["address"] { changes.address = try storable(address(value), field: "address") }
        // `null` leaves the port as it is (what GET shows for a local host); the store refuses a port on a local host.
        if let value = body["port"], !(value is NSNull) { changes.port = try port(value) }
        if let value = body["transport"] { changes.transport = try transport(value) }
        if let value = body["sshUser"] { changes.sshUser = .some(try sshUser(value)) }
        if let value = body["labels"] { changes.labels = try labels(value) }
        if let value = body["disabled"] {
            guard let flag = JSONBody.bool(value) else { throw APIError.invalid("invalid_host", "\"disabled\" must be true or false") }
            changes.disabled = flag
        }
        guard !changes.isEmpty else {
            throw APIError.badRequest("nothing to change; send one or more of \(patchFields.sorted().joined(separator: ", "))")
        }
        return changes
    }

    static func checkKeys(_ body: [String: Any], allowed: Set<String>) throws(APIError) {
        let unknown = Set(body.keys).subtracting(allowed)
        guard unknown.isEmpty else {
            throw APIError.badRequest("unknown field(s) \(unknown.sorted().joined(separator: ", ")); the fields are \(allowed.sorted().joined(separator: ", "))")
        }
    }

    /// A host name from a path or body: lower-cased (DNS names compare without case, RFC 4343),
    /// then a ``HostAddress``.
    static func hostName(_ value: Any) throws(APIError) -> HostAddress {
        guard let text = value as? String else { throw APIError.invalid("invalid_host", "\"name\" must be a string") }
        do {
            _ = try HostAddress(text)
            return try HostAddress(text.lowercased())
        } catch {
            throw APIError.invalid("invalid_host", "name: \(error.description)")
        }
    }

    /// `host` unless it begins with `:` (an IPv6 address such as `::1`): the `hosts` table
    /// requires names and addresses to begin with a letter or digit (sql/0101), so such an
    /// address is asked for with its leading zero group written out (`0::1`, the same address,
    /// RFC 4291 §2.2) instead of failing in the database.
    static func storable(_ host: HostAddress, field: String) throws(APIError) -> HostAddress {
        guard host.text.hasPrefix(":") else { return host }
        throw APIError.invalid("invalid_host", "\(field): \(host.text) begins with ':'; write the same IPv6 address with its first group, e.g. 0\(host.text) (names and addresses must begin with a letter or digit)")
    }

    static func address(_ value: Any) throws(APIError) -> HostAddress {
        guard let text = value as? String else { throw APIError.invalid("invalid_host", "\"address\" must be a string") }
        do {
            return try HostAddress(text)
        } catch {
            throw APIError.invalid("invalid_host", "address: \(error.description)")
        }
    }

    static func port(_ value: Any) throws(APIError) -> Int {
        guard let port = JSONBody.integer(value), (1...65_535).contains(port) else {
            throw APIError.invalid("invalid_host", "\"port\" must be an integer from 1 to 65535")
        }
        return port
    }

    static func transport(_ value: Any) throws(APIError) -> Transport {
        guard let text = value as? String, let transport = Transport(rawValue: text) else {
            throw APIError.invalid("invalid_host", "\"transport\" must be one of \(Transport.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return transport
    }

    static func sshUser(_ value: Any) throws(APIError) -> SSHUser? {
        if value is NSNull { return nil }
        guard let text = value as? String else { throw APIError.invalid("invalid_host", "\"sshUser\" must be a string or null") }
        do {
            return try SSHUser(text)
        } catch {
            throw APIError.invalid("invalid_host", "sshUser: \(error.description)")
        }
    }

    static func labels(_ value: Any) throws(APIError) -> Labels {
        guard let object = value as? [String: Any] else { throw APIError.invalid("invalid_host", "\"labels\" must be a JSON object of strings") }
        var pairs: [String: String] = [:]
        for (key, raw) in object {
            guard let text = raw as? String else { throw APIError.invalid("invalid_host", "label \"\(key)\" must have a string value") }
            pairs[key] = text
        }
        do {
            return try Labels(pairs)
        } catch {
            throw APIError.invalid("invalid_host", error.description)
        }
    }
}
