extension RedisClient {
    /// `PING`: succeeds when the server answers `PONG`.
    /// - Throws: ``RedisError``.
    public func ping() async throws {
        let reply = try await send(RedisCommand("PING"))
        guard reply.string == "PONG" else { throw RedisError.unexpectedReply(command: "PING", reply: "\(reply)") }
    }

    /// `GET key`: the value as UTF-8 text, nil when the key does not exist.
    /// - Throws: ``RedisError``.
    public func get(_ key: String) async throws -> String? {
        let reply = try await send(RedisCommand("GET", [key]))
        return reply.isNull ? nil : reply.string
    }

    /// `SET key value [PX milliseconds]`: stores `value`, expiring after `expiresIn` when given
    /// (millisecond precision, at least 1 ms).
    /// - Throws: ``RedisError``.
    public func set(_ key: String, to value: String, expiresIn: Duration? = nil) async throws {
        var arguments = [key, value]
        if let expiresIn { arguments += ["PX", String(max(1, expiresIn.milliseconds))] }
        try await send(RedisCommand("SET", arguments))
    }

    /// `DEL key…`: how many of the keys existed.
    /// - Throws: ``RedisError``.
    @discardableResult
    public func delete(_ keys: [String]) async throws -> Int {
        guard !keys.isEmpty else { return 0 }
        return Int(try await send(RedisCommand("DEL", keys)).integer ?? 0)
    }

    /// `EXISTS key`.
    /// - Throws: ``RedisError``.
    public func exists(_ key: String) async throws -> Bool {
        (try await send(RedisCommand("EXISTS", [key])).integer ?? 0) > 0
    }

    /// `PTTL key`: the time left before the key expires; nil when the key does not exist or
    /// never expires.
    /// - Throws: ``RedisError``.
    public func timeToLive(_ key: String) async throws -> Duration? {
        let milliseconds = try await send(RedisCommand("PTTL", [key])).integer ?? -2
        return milliseconds >= 0 ? .milliseconds(milliseconds) : nil
    }

    /// `INCR key` then, when the key has no expiry yet, `PEXPIRE key window`, atomically (one
    /// `EVAL`): a fixed-window counter that can never outlive its window. Returns the count
    /// and the time left in the window.
    /// - Throws: ``RedisError``.
    public func incrementWindow(_ key: String, window: Duration) async throws -> (count: Int, remaining: Duration) {
        let script = """
            local count = redis.call('INCR', KEYS[1])
            local ttl = redis.call('PTTL', KEYS[1])
            if ttl < 0 then
              redis.call('PEXPIRE', KEYS[1], ARGV[1])
              ttl = tonumber(ARGV[1])
            end
            return {count, ttl}
            """
        let reply = try await send(RedisCommand("EVAL", [script, "1", key, String(max(1, window.milliseconds))]))
        guard let values = reply.array, values.count == 2, let count = values[0].integer, let ttl = values[1].integer else {
            throw RedisError.unexpectedReply(command: "EVAL (window counter)", reply: "\(reply)")
        }
        return (Int(count), .milliseconds(ttl))
    }

    /// `SADD key member` and `PEXPIRE key` to at least `expiresIn` (never shortening it), atomically.
    /// - Throws: ``RedisError``.
    public func addToSet(_ key: String, member: String, keepFor expiresIn: Duration) async throws {
        let script = """
            redis.call('SADD', KEYS[1], ARGV[1])
            if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[2]) then
              redis.call('PEXPIRE', KEYS[1], ARGV[2])
            end
            return 1
            """
        try await send(RedisCommand("EVAL", [script, "1", key, member, String(max(1, expiresIn.milliseconds))]))
    }

    /// `SMEMBERS key`.
    /// - Throws: ``RedisError``.
    public func members(of key: String) async throws -> [String] {
        (try await send(RedisCommand("SMEMBERS", [key])).array ?? []).compactMap(\.string)
    }

    /// `SREM key member`.
    /// - Throws: ``RedisError``.
    public func removeFromSet(_ key: String, member: String) async throws {
        try await send(RedisCommand("SREM", [key, member]))
    }
}

extension Duration {
    /// Whole milliseconds, rounded down.
    var milliseconds: Int64 {
        components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000
    }
}
