public import Hummingbird
public import NIOCore

/// The request context of every `ers-server` role: Hummingbird's core storage, the TCP peer's
/// address (for trusted-proxy decisions) and the request id.
public struct ServerRequestContext: RequestContext, RemoteAddressRequestContext {
    /// Hummingbird's per-request storage (logger, matched route, parameters).
    public var coreContext: CoreRequestContextStorage
    /// The TCP peer: the client, or the proxy in front of it.
    public let remoteAddress: SocketAddress?
    /// `X-Request-ID` of this request (see ``RequestIDMiddleware``); empty before it ran.
    public var requestID: String = ""

    /// A context for a request arriving on `source.channel`.
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// Request bodies are small JSON documents: 64 KiB at most.
    public var maxUploadSize: Int { 64 * 1024 }
}
