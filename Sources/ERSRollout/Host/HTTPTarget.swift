/// The parts of an `http://host:port/path` URL.
struct HTTPTarget: Sendable, Hashable {
    var host: String
    var port: Int
    var path: String
}

extension HTTPTarget {
    /// Parses `http://host[:port][/path]`; nil for anything else.
    init?(_ url: String) {
        guard url.hasPrefix("http://") else { return nil }
        let rest = url.dropFirst("http://".count)
        let authority = rest.prefix { $0 != "/" }
        let path = rest.dropFirst(authority.count)
        let parts = authority.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty else { return nil }
        host = String(parts[0])
        if parts.count == 2 {
            guard let port = Int(parts[1]), (1...65535).contains(port) else { return nil }
            self.port = port
        } else {
            port = 80
        }
        self.path = path.isEmpty ? "/" : String(path)
    }
}
