/// Decides which address a request comes from, for throttling and the audit log.
///
/// The TCP peer is the client unless it is a trusted proxy (`TRUSTED_PROXIES`). Only then is
/// `X-Forwarded-For` read, from the right: each hop appended by a trusted proxy is skipped,
/// and the first address not in the trusted set is the client (entries further left were
/// written by the client and can be forged). Without trusted proxies the header is ignored,
/// so a client cannot choose the address it is throttled under.
public struct ClientAddressResolver: Sendable {
    /// Peers whose `X-Forwarded-For` is believed.
    public let trustedProxies: [IPNetwork]

    /// A resolver trusting `trustedProxies`.
    public init(trustedProxies: [IPNetwork]) {
        self.trustedProxies = trustedProxies
    }

    /// The client address in canonical text form, or nil when the peer is unknown (a Unix
    /// socket).
    /// - Parameters:
    ///   - peer: the TCP peer's IP address text.
    ///   - forwardedFor: every `X-Forwarded-For` header value, in order.
    public func clientAddress(peer: String?, forwardedFor: [String]) -> String? {
        guard let peer, let peerBytes = IPNetwork.parseAddress(peer) else { return nil }
        guard isTrusted(peerBytes) else { return IPNetwork.format(peerBytes) }
        let hops = forwardedFor.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        var candidate = peerBytes
        for hop in hops.reversed() {
            guard let bytes = IPNetwork.parseAddress(hop) else { break }
            candidate = bytes
            if !isTrusted(bytes) { break }
        }
        return IPNetwork.format(candidate)
    }

    private func isTrusted(_ bytes: [UInt8]) -> Bool {
        trustedProxies.contains { $0.contains(bytes: bytes) }
    }
}
