import NIOCore

/// Writes commands and completes their promises with the replies, in order (Redis answers
/// pipelined commands in the order they were sent). Decodes replies itself.
///
/// When the connection closes or fails, every outstanding promise fails with
/// ``RedisError/connectionClosed(address:command:)``; a protocol violation closes the connection.
final class RedisCommandHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = RedisRequest
    typealias OutboundOut = ByteBuffer

    private let address: String
    private let parser = RESPParser()
    private var pending = CircularBuffer<(command: String, promise: EventLoopPromise<RESPValue>)>(initialCapacity: 8)
    private var buffer: ByteBuffer?
    private var isClosed = false

    init(address: String) {
        self.address = address
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let request = unwrapOutboundIn(data)
        guard !isClosed else {
            request.promise.fail(RedisError.connectionClosed(address: address, command: request.command.name))
            promise?.fail(RedisError.connectionClosed(address: address, command: request.command.name))
            return
        }
        var bytes = context.channel.allocator.buffer(capacity: 64)
        request.command.encode(into: &bytes)
        pending.append((request.command.name, request.promise))
        context.write(wrapOutboundOut(bytes), promise: promise)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var incoming = unwrapInboundIn(data)
        if buffer == nil {
            buffer = incoming
        } else {
            buffer?.writeBuffer(&incoming)
        }
        do {
            while var current = buffer, current.readableBytes > 0 {
                guard let value = try parser.parse(&current) else { break }
                buffer = current
                guard let next = pending.popFirst() else {
                    throw RedisError.protocolViolation("a reply arrived for no command")
                }
                next.promise.succeed(value)
            }
            if let current = buffer, current.readableBytes == 0 { buffer = nil } else { buffer?.discardReadBytes() }
        } catch {
            failAll(error)
            context.close(promise: nil)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        failAll(nil)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // A TLS failure (untrusted certificate, wrong host name) or a reset, with its reason.
        failAll(RedisError.connectionFailed(address: address, reason: "\(error)"))
        context.close(promise: nil)
    }

    /// Fails every outstanding promise: with `error`, or "connection closed".
    private func failAll(_ error: (any Error)?) {
        isClosed = true
        while let next = pending.popFirst() {
            next.promise.fail(error ?? RedisError.connectionClosed(address: address, command: next.command))
        }
    }
}
