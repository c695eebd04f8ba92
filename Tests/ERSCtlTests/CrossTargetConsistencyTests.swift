import Foundation
import Testing
import Yams

/// Issue 3, item 4: for every service, the Kubernetes and compose renders agree on image,
/// command, env names and values, ports and health path; every nginx upstream resolves to a
/// declared service and port; the DDL's tables are the ones the services are configured with.
@Suite struct CrossTargetConsistencyTests {
    /// A service as one target runs it.
    struct Runtime: Equatable, CustomStringConvertible {
        var image: String
        var command: [String]
        var args: [String]
        var env: [String: String]
        var ports: Set<Int>
        var healthPath: String?
        var description: String { "\(image) \(command) \(args) ports \(ports.sorted()) health \(healthPath ?? "-") env \(env.sorted { $0.key < $1.key })" }
    }

    /// Service name (the Deployment's `app.kubernetes.io/name`: blue-green slots and canary
    /// tracks are Deployments of one service) → runtime, from kubernetes/*.yaml (env from `env`
    /// and the ConfigMap the container reads with `envFrom`).
    static func kubernetes(_ files: [String: String]) throws -> [String: Runtime] {
        var configMaps: [String: [String: String]] = [:]
        var deployments: [[String: Any]] = []
        for (path, text) in files where path.hasPrefix("kubernetes/") {
            for case let object as [String: Any] in try Yams.load_all(yaml: text) {
                let name = (object["metadata"] as? [String: Any])?["name"] as? String ?? ""
                if object["kind"] as? String == "ConfigMap" { configMaps[name] = object["data"] as? [String: String] ?? [:] }
                if object["kind"] as? String == "Deployment" { deployments.append(object) }
            }
        }
        var result: [String: Runtime] = [:]
        for deployment in deployments {
            let labels = (deployment["metadata"] as? [String: Any])?["labels"] as? [String: String]
            let name = labels?["app.kubernetes.io/name"] ?? (deployment["metadata"] as? [String: Any])?["name"] as? String ?? ""
            let pod = ((deployment["spec"] as? [String: Any])?["template"] as? [String: Any])?["spec"] as? [String: Any]
            guard let container = (pod?["containers"] as? [[String: Any]])?.first else { continue }
            var env: [String: String] = [:]
            for source in container["envFrom"] as? [[String: Any]] ?? [] {
                if let map = (source["configMapRef"] as? [String: Any])?["name"] as? String { env.merge(configMaps[map] ?? [:]) { $1 } }
            }
            for variable in container["env"] as? [[String: Any]] ?? [] {
                if let key = variable["name"] as? String, let value = variable["value"] as? String { env[key] = value }
            }
            let ports = Set((container["ports"] as? [[String: Any]] ?? []).compactMap { $0["containerPort"] as? Int })
            let probe = ((container["readinessProbe"] as? [String: Any])?["httpGet"] as? [String: Any])?["path"] as? String
            result[name] = Runtime(
                image: container["image"] as? String ?? "", command: container["command"] as? [String] ?? [],
                args: container["args"] as? [String] ?? [], env: env, ports: ports, healthPath: probe)
        }
        return result
    }

    /// Compose service → runtime (`$$` unescaped; ports from published targets and the
    /// healthcheck URL; health path from the healthcheck URL).
    static func compose(_ files: [String: String]) throws -> [String: Runtime] {
        let document = try #require(try Yams.load(yaml: files["compose/compose.yaml"] ?? "") as? [String: Any])
        var result: [String: Runtime] = [:]
        for (name, value) in document["services"] as? [String: Any] ?? [:] {
            guard let service = value as? [String: Any] else { continue }
            let env = (service["environment"] as? [String: Any] ?? [:]).mapValues { "\($0)".replacingOccurrences(of: "$$", with: "$") }
            let test = (service["healthcheck"] as? [String: Any])?["test"] as? [String] ?? []
            let url = test.last.flatMap { URL(string: $0) }
            var ports = Set((service["ports"] as? [[String: Any]] ?? []).compactMap { $0["target"] as? Int })
            if let port = url?.port { ports.insert(port) }
            result[name] = Runtime(
                image: service["image"] as? String ?? "", command: service["entrypoint"] as? [String] ?? [],
                args: service["command"] as? [String] ?? [], env: env, ports: ports, healthPath: url?.path)
        }
        return result
    }

    /// `scheme://user@host:port/…` → the same without the host, which legitimately differs
    /// (a cluster DNS name vs a compose service name).
    static func withoutHost(_ value: String) -> String {
        guard var components = URLComponents(string: value), components.host != nil, components.scheme != nil else { return value }
        components.host = "HOST"
        return components.string ?? value
    }

    @Test(arguments: ["base", "development", "staging"])
    func kubernetesAndComposeRunTheSameServices(_ environment: String) throws {
        let files = RenderedEnvironment.files(environment)
        let kubernetes = try Self.kubernetes(files), compose = try Self.compose(files)
        #expect(!kubernetes.isEmpty)
        for (name, pod) in kubernetes {
            let service = try #require(compose[name], "\(name) is in Kubernetes but not in compose")
            #expect(service.image == pod.image, "\(name): image")
            #expect(service.command == pod.command, "\(name): command")
            #expect(service.args == pod.args, "\(name): args")
            #expect(Set(service.env.keys) == Set(pod.env.keys), "\(name): env names")
            for (key, value) in pod.env {
                #expect(service.env[key].map(Self.withoutHost) == Self.withoutHost(value), "\(name): \(key)")
            }
            #expect(service.ports.isSubset(of: pod.ports), "\(name): ports \(service.ports) vs \(pod.ports)")
            if name != "gateway" { #expect(service.healthPath == pod.healthPath, "\(name): health path") }
        }
    }

    /// In production the datastores are external in Kubernetes; compose always runs them
    /// locally without TLS, so their URLs differ in host and sslmode. Everything else agrees.
    @Test func productionAgreesExceptForTheDatastoreAddresses() throws {
        let files = RenderedEnvironment.files("production")
        let kubernetes = try Self.kubernetes(files), compose = try Self.compose(files)
        for (name, pod) in kubernetes {
            let service = try #require(compose[name])
            #expect(service.image == pod.image && service.command == pod.command && service.args == pod.args, "\(name)")
            #expect(Set(service.env.keys) == Set(pod.env.keys), "\(name): env names")
            for (key, value) in pod.env where !["DATABASE_URL", "REDIS_URL"].contains(key) {
                #expect(service.env[key] == value, "\(name): \(key)")
            }
        }
    }

    /// Every `server host:port;` of each nginx.conf is a declared service on a declared port:
    /// a Kubernetes Service port in the Kubernetes render, a compose service's container port
    /// in the compose render.
    @Test(arguments: RenderedEnvironment.names)
    func everyUpstreamResolvesToADeclaredServiceAndPort(_ environment: String) throws {
        let files = RenderedEnvironment.files(environment)
        var servicePorts: [String: Set<Int>] = [:]
        var namespace = ""
        var gatewayConfig = ""
        for (path, text) in files where path.hasPrefix("kubernetes/") {
            for case let object as [String: Any] in try Yams.load_all(yaml: text) {
                let metadata = object["metadata"] as? [String: Any] ?? [:]
                let name = metadata["name"] as? String ?? ""
                if object["kind"] as? String == "Service" {
                    namespace = metadata["namespace"] as? String ?? ""
                    servicePorts[name] = Set(((object["spec"] as? [String: Any])?["ports"] as? [[String: Any]] ?? []).compactMap { $0["port"] as? Int })
                }
                if object["kind"] as? String == "ConfigMap", let config = (object["data"] as? [String: String])?["nginx.conf"] {
                    gatewayConfig = config
                }
            }
        }
        let kubernetesUpstreams = Self.upstreamServers(gatewayConfig)
        #expect(!kubernetesUpstreams.isEmpty)
        for (host, port) in kubernetesUpstreams {
            let suffix = ".\(namespace).svc.cluster.local"
            #expect(host.hasSuffix(suffix), "\(host) is not a Service of \(namespace)")
            let service = String(host.dropLast(suffix.count))
            #expect(servicePorts[service]?.contains(port) == true, "\(host):\(port) is no declared Service port")
        }
        let compose = try Self.compose(files)
        let composeUpstreams = Self.upstreamServers(files["compose/nginx/nginx.conf"] ?? "")
        #expect(!composeUpstreams.isEmpty)
        for (host, port) in composeUpstreams {
            #expect(compose[host]?.ports.contains(port) == true, "\(host):\(port) is no compose service port")
        }
    }

    static func upstreamServers(_ config: String) -> [(String, Int)] {
        config.split(separator: "\n").compactMap { line in
            let words = line.trimmingCharacters(in: .whitespaces).split(separator: " ")
            guard words.count >= 2, words[0] == "server", let address = words[1].split(separator: ";").first,
                  let colon = address.lastIndex(of: ":"), let port = Int(address[address.index(after: colon)...]) else { return nil }
            return (String(address[..<colon]), port)
        }
    }

    /// The tables the DDL creates are exactly the ones services are configured with (`*_TABLE`).
    @Test(arguments: RenderedEnvironment.names)
    func theDDLCreatesTheTablesTheServicesUse(_ environment: String) throws {
        let files = RenderedEnvironment.files(environment)
        var created: Set<String> = []
        for (path, text) in files where path.hasPrefix("sql/0") {
            for line in text.split(separator: "\n") where line.hasPrefix("CREATE TABLE IF NOT EXISTS ") {
                created.insert(String(line.dropFirst("CREATE TABLE IF NOT EXISTS ".count).split(separator: " ")[0]))
            }
        }
        let configured = Set(try Self.kubernetes(files).values.flatMap { runtime in
            runtime.env.filter { $0.key.hasSuffix("_TABLE") }.map(\.value)
        })
        #expect(!configured.isEmpty)
        #expect(configured.isSubset(of: created), "configured \(configured), created \(created)")
        #expect(created.isSuperset(of: ["reports", "audit_logs"]))
    }
}
