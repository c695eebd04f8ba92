import Logging
import NIOCore
import NIOPosix
import NIOSSL

/// Opens connections as a ``RedisURL`` asks: TCP, TLS for `rediss://`, `AUTH [user] password`,
/// `SELECT db`.
struct RedisConnector: Sendable {
    let url: RedisURL
    let connectTimeout: Duration
    let commandTimeout: Duration
    let group: any EventLoopGroup
    let sslContext: NIOSSLContext?

    /// - Throws: ``RedisError/connectionFailed(address:reason:)`` when the TLS context cannot be
    ///   built (CA bundle unreadable).
    init(url: RedisURL, connectTimeout: Duration, commandTimeout: Duration, group: any EventLoopGroup) throws(RedisError) {
        self.url = url
        self.connectTimeout = connectTimeout
        self.commandTimeout = commandTimeout
        self.group = group
        if url.usesTLS {
            var tls = TLSConfiguration.makeClientConfiguration()
            tls.certificateVerification = .fullVerification
            if let root = url.rootCertificatePath { tls.trustRoots = .file(root) }
            do {
                sslContext = try NIOSSLContext(configuration: tls)
            } catch {
                throw .connectionFailed(address: url.address, reason: "TLS set-up failed (\(error)); check sslrootcert=\(url.rootCertificatePath ?? "<system trust store>")")
            }
        } else {
            sslContext = nil
        }
    }

    /// A new, authenticated connection.
    /// - Throws: ``RedisError`` when connecting, the TLS handshake, `AUTH` or `SELECT` fails.
    func connect() async throws(RedisError) -> RedisConnection {
        let address = url.address
        let host = url.host
        let sslContext = self.sslContext
        let bootstrap = ClientBootstrap(group: group)
            .connectTimeout(.nanoseconds(Int64(connectTimeout.components.seconds) * 1_000_000_000 + connectTimeout.components.attoseconds / 1_000_000_000))
            .channelOption(.socketOption(.so_keepalive), value: 1)
            .channelOption(.tcpOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let sslContext {
                        let isAddress = (try? SocketAddress(ipAddress: host, port: 0)) != nil
                        let handler = try NIOSSLClientHandler(context: sslContext, serverHostname: isAddress ? nil : host)
                        try channel.pipeline.syncOperations.addHandler(handler)
                    }
                    try channel.pipeline.syncOperations.addHandler(RedisCommandHandler(address: address))
                }
            }
        let channel: any Channel
        do {
            channel = try await bootstrap.connect(host: url.host, port: url.port).get()
        } catch {
            throw .connectionFailed(address: address, reason: "\(error)")
        }
        let connection = RedisConnection(channel: channel, address: address)
        do {
            if let password = url.password {
                let arguments = url.user.map { [$0, password] } ?? [password]
                let reply = try await connection.send(RedisCommand("AUTH", arguments), timeout: commandTimeout)
                if case .error(let message) = reply {
                    throw RedisError.authenticationFailed(address: address, user: url.user, reply: message)
                }
            }
            if url.database != 0 {
                let reply = try await connection.send(RedisCommand("SELECT", [String(url.database)]), timeout: commandTimeout)
                if case .error(let message) = reply {
                    throw RedisError.server(command: "SELECT \(url.database)", reply: message)
                }
            }
            return connection
        } catch {
            await connection.close()
            if let error = error as? RedisError {
                // A TLS or reset error surfaces as a closed connection: report it as a failed connect.
                if case .connectionClosed = error {
                    throw .connectionFailed(address: address, reason: "the server closed the connection during the handshake (TLS or protocol mismatch?)")
                }
                throw error
            }
            throw .connectionFailed(address: address, reason: "\(error)")
        }
    }
}
