/// Reads why ssh failed from its exit status and stderr (ssh(1): "ssh exits with the exit
/// status of the remote command or with 255 if an error occurred").
enum SSHFailureClassifier {
    /// Known ssh error texts (OpenSSH 7–9 wording), first match wins.
    static let rules: [(needle: String, kind: CollectionFailure.Kind, meaning: String)] = [
        ("REMOTE HOST IDENTIFICATION HAS CHANGED", .permanent,
         "host key changed: the host's key differs from the known-hosts entry (possible man-in-the-middle); verify the new key out of band, then update the known-hosts file"),
        ("No ED25519 host key is known", .permanent, "host key unknown: add the host's key to the known-hosts file"),
        ("No ECDSA host key is known", .permanent, "host key unknown: add the host's key to the known-hosts file"),
        ("No RSA host key is known", .permanent, "host key unknown: add the host's key to the known-hosts file"),
        ("host key is known for", .permanent, "host key unknown: add the host's key to the known-hosts file"),
        ("Host key verification failed", .permanent,
         "host key verification failed: no matching known-hosts entry; add or correct the host's key in the known-hosts file"),
        ("Permission denied", .permanent,
         "authentication refused: check the SSH user and that the worker's public key is in the host's authorized_keys"),
        ("Too many authentication failures", .permanent, "authentication refused (too many failures): check the identity file"),
        ("no matching", .permanent, "no common algorithm with the host: use the opensshDefault crypto profile for it"),
        ("Name or service not known", .permanent, "the address does not resolve (DNS: no such name): correct hosts.address"),
        ("Temporary failure in name resolution", .transient, "DNS lookup failed temporarily"),
        ("Could not resolve hostname", .transient, "the address could not be resolved"),
        ("Connection refused", .transient, "connection refused: nothing listens on the SSH port (sshd down?)"),
        ("Connection timed out", .transient, "connection timed out"),
        ("timed out", .transient, "connection timed out"),
        ("Connection reset", .transient, "connection reset by the host"),
        ("Connection closed", .transient, "connection closed by the host before the session started"),
        ("No route to host", .transient, "no route to host"),
        ("Network is unreachable", .transient, "network unreachable"),
        ("Broken pipe", .transient, "connection broken"),
    ]

    /// The failure for ssh exit status 255 and its stderr.
    static func classify(standardError: String, host: String, port: Int) -> CollectionFailure {
        let detail = lastLine(standardError)
        for rule in rules where standardError.contains(rule.needle) {
            return CollectionFailure(rule.kind, "ssh \(host) port \(port): \(rule.meaning) (ssh: \(detail))")
        }
        return CollectionFailure(.transient, "ssh \(host) port \(port): ssh failed (exit 255): \(detail.isEmpty ? "no message" : detail)")
    }

    /// The last non-empty stderr line, at most 300 characters.
    static func lastLine(_ text: String) -> String {
        let line = text.split(separator: "\n").last(where: { !$0.allSatisfy(\.isWhitespace) }) ?? ""
        return String(line.trimmingCharacters(in: "\r\n ").prefix(300))
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> Substring {
        var text = self
        while let first = text.first, set.contains(first) { text.removeFirst() }
        while let last = text.last, set.contains(last) { text.removeLast() }
        return text
    }
}
