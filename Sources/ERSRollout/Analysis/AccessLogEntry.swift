/// One line of the gateway's JSON access log (`log_format ers_json` in
/// templates/nginx.conf.mustache), reduced to what the gates need.
public struct AccessLogEntry: Sendable, Hashable, Decodable {
    /// The upstream group that served (`$proxy_host`: `collection_http`, `collection_http_test`).
    public var upstream: String
    /// `$upstream_addr`: one address per attempt, `, ` between attempts of one group and ` : `
    /// between groups.
    public var upstreamAddress: String
    /// `$upstream_status`, in the same layout.
    public var upstreamStatus: String
    /// `$upstream_response_time` (seconds, millisecond resolution), in the same layout.
    public var upstreamResponseTime: String
    /// The status the client got.
    public var status: Int
    /// The generation of the config that served the request (empty in logs of older configs).
    public var configGeneration: String

    private enum CodingKeys: String, CodingKey {
        case upstream, status
        case upstreamAddress = "upstream_addr"
        case upstreamStatus = "upstream_status"
        case upstreamResponseTime = "upstream_response_time"
        case configGeneration = "config_generation"
    }

    /// Creates an entry.
    public init(upstream: String, upstreamAddress: String, upstreamStatus: String, upstreamResponseTime: String, status: Int, configGeneration: String) {
        self.upstream = upstream
        self.upstreamAddress = upstreamAddress
        self.upstreamStatus = upstreamStatus
        self.upstreamResponseTime = upstreamResponseTime
        self.status = status
        self.configGeneration = configGeneration
    }

    /// Decodes an entry; missing upstream fields (requests no upstream served) decode as empty.
    /// - Throws: `DecodingError` when `status` is missing or not a number.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        upstream = try container.decodeIfPresent(String.self, forKey: .upstream) ?? ""
        upstreamAddress = try container.decodeIfPresent(String.self, forKey: .upstreamAddress) ?? ""
        upstreamStatus = try container.decodeIfPresent(String.self, forKey: .upstreamStatus) ?? ""
        upstreamResponseTime = try container.decodeIfPresent(String.self, forKey: .upstreamResponseTime) ?? ""
        status = try container.decode(Int.self, forKey: .status)
        configGeneration = try container.decodeIfPresent(String.self, forKey: .configGeneration) ?? ""
    }

    /// One upstream attempt: the server asked, its status (nil when it gave none, `-`) and
    /// response time in seconds (nil when unknown).
    public struct Attempt: Sendable, Hashable {
        /// `host:port`.
        public var address: String
        /// The HTTP status, nil for `-`.
        public var status: Int?
        /// Seconds, nil for `-`.
        public var seconds: Double?
        /// Whether this attempt's answer went to the client (the last one).
        public var isFinal: Bool
    }

    /// The attempts in order (empty when no upstream was asked).
    public var attempts: [Attempt] {
        let addresses = Self.split(upstreamAddress), statuses = Self.split(upstreamStatus), times = Self.split(upstreamResponseTime)
        return addresses.enumerated().map { index, address in
            Attempt(
                address: address, status: index < statuses.count ? Int(statuses[index]) : nil,
                seconds: index < times.count ? Double(times[index]) : nil, isFinal: index == addresses.count - 1)
        }
    }

    /// `a, b : c` → `[a, b, c]`; empty and `-` only fields give no element for an empty string.
    static func split(_ field: String) -> [String] {
        guard !field.isEmpty else { return [] }
        return field.split(separator: " ", omittingEmptySubsequences: true)
            .map { $0.hasSuffix(",") ? String($0.dropLast()) : String($0) }
            .filter { $0 != ":" && !$0.isEmpty }
    }
}
