import Foundation

/// The `HostKeyAlgorithms` value that matches a known-hosts file (sshd(8) "SSH_KNOWN_HOSTS
/// FILE FORMAT"): the key types it pins, so no other host key type is negotiated. nil when
/// the file is unreadable, empty, or uses `@cert-authority` (certificates need their own
/// algorithms): ssh's default then applies.
enum KnownHostsKeyTypes {
    static func hostKeyAlgorithms(knownHostsFile: String) -> String? {
        guard let text = try? String(contentsOfFile: knownHostsFile, encoding: .utf8) else { return nil }
        var algorithms: [String] = []
        for line in text.split(separator: "\n") {
            var fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard let first = fields.first, !first.hasPrefix("#") else { continue }
            if first == "@cert-authority" { return nil }
            if first.hasPrefix("@") { fields.removeFirst() }
            guard fields.count >= 3 else { continue }
            let names = fields[1] == "ssh-rsa" ? ["rsa-sha2-512", "rsa-sha2-256"] : [fields[1]]
            for name in names where !algorithms.contains(name) { algorithms.append(name) }
        }
        return algorithms.isEmpty ? nil : algorithms.joined(separator: ",")
    }
}
