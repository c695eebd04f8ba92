import AsyncHTTPClient
import ERSFleet
import NIOCore
import NIOSSL

/// Collects a report from an HTTP(S) agent: `GET <scheme>://ADDRESS:PORT<path>?type=<type>`
/// (async-http-client). The body is the report script's raw output format and goes through
/// ``ReportParser``. TLS certificates and host names are always verified (against
/// ``HTTPConfiguration/caFile`` when given). Call ``shutdown()`` before dropping it.
public final class HTTPCollector: Collector {
    /// The settings every collection uses.
    public let configuration: HTTPConfiguration
    let client: HTTPClient

    /// - Throws: ``HTTPConfigurationError`` for an unknown scheme or an unreadable CA file.
    public init(configuration: HTTPConfiguration) throws(HTTPConfigurationError) {
        guard configuration.scheme == "https" || configuration.scheme == "http" else {
            throw HTTPConfigurationError("scheme \(configuration.scheme.debugDescription) is not http or https")
        }
        guard configuration.path.hasPrefix("/"), !configuration.path.contains("?"), !configuration.path.contains("#") else {
            throw HTTPConfigurationError("path \(configuration.path.debugDescription) must begin with '/' and hold no '?' or '#'")
        }
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.certificateVerification = .fullVerification
        if let caFile = configuration.caFile {
            do { tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(caFile)) } catch {
                throw HTTPConfigurationError("cannot read the CA file \(caFile) (PEM certificates expected): \(error)")
            }
        }
        var clientConfiguration = HTTPClient.Configuration(
            tlsConfiguration: tls, redirectConfiguration: .disallow,
            timeout: .init(connect: .nanoseconds(Int64(configuration.connectTimeout.nanoseconds)),
                           read: .nanoseconds(Int64(configuration.overallTimeout.nanoseconds))))
        clientConfiguration.decompression = .disabled
        self.configuration = configuration
        self.client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: clientConfiguration)
    }

    /// Closes the client's connections.
    public func shutdown() async throws { try await client.shutdown() }

    /// The request URL for `target` (IPv6 literals in brackets; the type percent-encoded).
    func url(_ target: CollectionTarget, reportType: String) -> String {
        let host = target.address.kind == .ipv6 ? "[\(target.address.text)]" : target.address.text
        let type = reportType.addingQueryPercentEncoding
        return "\(configuration.scheme)://\(host):\(target.port)\(configuration.path)?type=\(type)"
    }

    /// GETs `scheme://address:port/path?type=reportType` from an `http` target and parses the
    /// body as a report; never throws (failures are ``CollectionFailure``s: 5xx, 429, timeouts and
    /// refused connections transient; other statuses, TLS failures and oversized bodies permanent).
    public func collect(_ target: CollectionTarget, reportType: String) async -> CollectionOutcome {
        let started = ContinuousClock.now
        let url = url(target, reportType: reportType)
        var request = HTTPClientRequest(url: url)
        request.method = .GET
        request.headers.add(name: "Accept", value: "text/plain")
        do {
            let response = try await client.execute(request, timeout: .nanoseconds(Int64(configuration.overallTimeout.nanoseconds)))
            guard response.status == .ok else {
                let kind: CollectionFailure.Kind = response.status.code >= 500 || response.status.code == 429 ? .transient : .permanent
                return .failed(CollectionFailure(kind, "GET \(url): HTTP \(response.status.code) \(response.status.reasonPhrase)"))
            }
            var body = try await response.body.collect(upTo: configuration.responseLimit)
            let raw = body.readString(length: body.readableBytes) ?? ""
            return ReportOutcome.make(raw: raw, reportType: reportType, seconds: ProcessRunner.seconds(since: started),
                                      source: "GET \(url)", exitCode: 0, signal: nil, standardError: "")
        } catch {
            return .failed(HTTPFailureClassifier.classify(error, url: url, limit: configuration.responseLimit))
        }
    }
}

extension Duration {
    var nanoseconds: Double { Double(components.seconds) * 1e9 + Double(components.attoseconds) / 1e9 }
}

extension String {
    var addingQueryPercentEncoding: String {
        var result = ""
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                result.append(Character(Unicode.Scalar(byte)))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return result
    }
}
