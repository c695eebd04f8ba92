public import ERSServerCore

/// The auth service's settings, read from the environment:
///
/// | variable | meaning | default |
/// |---|---|---|
/// | `JWT_SECRET`, `JWT_SECRET_FILE` | signing key (see ``SigningKey``) | required |
/// | `JWT_ISSUER` | `iss` of issued tokens, required on verified ones | `ers` |
/// | `JWT_AUDIENCE` | `aud` of issued tokens, required on verified ones | `ers` |
/// | `JWT_LIFETIME_SECONDS` | token and session lifetime, 60…86400 | `900` |
/// | `BCRYPT_COST` | bcrypt cost for new hashes, 12…16 | `12` |
/// | `LOGIN_MAX_ATTEMPTS_PER_USER` | attempts per user name per window | `5` |
/// | `LOGIN_MAX_ATTEMPTS_PER_ADDRESS` | attempts per client address per window | `30` |
/// | `LOGIN_THROTTLE_WINDOW_SECONDS` | throttling window | `900` |
/// | `TRUSTED_PROXIES` | comma-separated addresses/CIDRs whose `X-Forwarded-For` is believed; `none` for none | loopback and private ranges (the gateway's network) |
/// | `CORS_ALLOWED_ORIGINS` | comma-separated origins (`https://ui.example.com`) | none: no CORS |
public struct AuthConfiguration: Sendable {
    /// Signs and verifies tokens.
    public var signingKey: SigningKey
    /// `iss`.
    public var issuer: String
    /// `aud`.
    public var audience: String
    /// Lifetime of a token and its session.
    public var tokenLifetime: Duration
    /// bcrypt cost (log2 rounds) for new hashes.
    public var bcryptCost: Int
    /// Login throttling limits.
    public var throttle: ThrottlePolicy
    /// Peers whose `X-Forwarded-For` is trusted.
    public var trustedProxies: [IPNetwork]
    /// Origins allowed to call the service from a browser.
    public var corsAllowedOrigins: Set<String>

    /// Smallest bcrypt cost accepted (OWASP Password Storage Cheat Sheet: at least 10; ERS: 12).
    public static let minimumBcryptCost = 12

    /// A configuration from parts (tests).
    public init(signingKey: SigningKey, issuer: String = "ers", audience: String = "ers", tokenLifetime: Duration = .seconds(900),
                bcryptCost: Int = 12, throttle: ThrottlePolicy = .init(), trustedProxies: [IPNetwork] = [], corsAllowedOrigins: Set<String> = []) {
        self.signingKey = signingKey
        self.issuer = issuer
        self.audience = audience
        self.tokenLifetime = tokenLifetime
        self.bcryptCost = bcryptCost
        self.throttle = throttle
        self.trustedProxies = trustedProxies
        self.corsAllowedOrigins = corsAllowedOrigins
    }

    /// Reads the table above.
    /// - Throws: ``ConfigurationProblem`` (or `ConfigurationError`) naming the variable and
    ///   what to set; in particular when the signing key is missing or weak.
    public init(environment: ServerEnvironment) throws {
        guard let secret = try environment.secret("JWT_SECRET") else {
            throw ConfigurationProblem(variable: "JWT_SECRET", problem: "no signing key: set JWT_SECRET_FILE to a file holding at least 32 random bytes (`openssl rand -base64 48 > jwt-secret`) or a P-256 private key PEM for ES256")
        }
        signingKey = try SigningKey(text: secret.value, source: secret.source)
        issuer = environment.string("JWT_ISSUER") ?? "ers"
        audience = environment.string("JWT_AUDIENCE") ?? "ers"
        tokenLifetime = .seconds(try environment.integer("JWT_LIFETIME_SECONDS", default: 900, range: 60...86_400))
        bcryptCost = try environment.integer("BCRYPT_COST", default: 12, range: Self.minimumBcryptCost...16)
        throttle = ThrottlePolicy(
            maximumAttemptsPerUser: try environment.integer("LOGIN_MAX_ATTEMPTS_PER_USER", default: 5, range: 1...1_000_000),
            maximumAttemptsPerAddress: try environment.integer("LOGIN_MAX_ATTEMPTS_PER_ADDRESS", default: 30, range: 1...1_000_000),
            window: .seconds(try environment.integer("LOGIN_THROTTLE_WINDOW_SECONDS", default: 900, range: 1...86_400)))
        let proxies = environment.list("TRUSTED_PROXIES")
        trustedProxies = proxies == ["none"] ? [] : proxies.isEmpty ? IPNetwork.loopbackAndPrivate : try proxies.map { entry throws(ConfigurationProblem) in
            guard let network = IPNetwork(entry) else {
                throw ConfigurationProblem(variable: "TRUSTED_PROXIES", problem: "'\(entry)' is not an IP address or CIDR; write e.g. 10.0.0.0/8,127.0.0.1")
            }
            return network
        }
        var origins: Set<String> = []
        for origin in environment.list("CORS_ALLOWED_ORIGINS") {
            guard origin != "*", origin.hasPrefix("https://") || origin.hasPrefix("http://"), !origin.hasSuffix("/") else {
                throw ConfigurationProblem(variable: "CORS_ALLOWED_ORIGINS", problem: "'\(origin)' is not an origin; list exact origins such as https://ui.example.com (no wildcard, no path)")
            }
            origins.insert(origin)
        }
        corsAllowedOrigins = origins
    }
}
