import ERSCompose
import ERSModel
import Foundation
import Testing

/// What compose.yaml says for base.yaml, read back with a YAML reader.
@Suite struct ComposeStructureTests {
    @Test func topLevel() throws {
        let spec = try Fixtures.baseSpec()
        let compose = try Fixtures.compose(spec)
        #expect(compose["version"] == nil)
        #expect(compose["name"] as? String == "ers-base")
        #expect(Set(compose.mapping("services").keys) == Set(spec.services.map(\.name) + spec.datastores.map(\.name)))
        #expect(Set(compose.mapping("volumes").keys) == ["postgres-data", "redis-data"])
        let secrets = compose.mapping("secrets")
        #expect(Set(secrets.keys) == ["jwt-secret", "ssh-private-key", "ssh-known-hosts", "postgres-password", "redis-password"])
        for (name, value) in secrets {
            #expect((value as? [String: String]) == ["file": "./secrets/\(name)"])
        }
    }

    @Test func servicesMatchTheirKubernetesContainers() throws {
        let spec = try Fixtures.baseSpec()
        let services = try Fixtures.compose(spec).mapping("services")
        for service in spec.services {
            let entry = services.mapping(service.name)
            #expect(entry["image"] as? String == spec.resolvedImage(service.image))
            #expect(entry["entrypoint"] as? [String] == service.command, "entrypoint is Kubernetes command")
            #expect(entry["command"] as? [String] == service.args, "command is Kubernetes args")
            #expect(entry["user"] as? String == "65532:65532")
            #expect(entry["read_only"] as? Bool == true)
            #expect(entry["cap_drop"] as? [String] == ["ALL"])
            #expect(entry["security_opt"] as? [String] == ["no-new-privileges:true"])
            #expect(entry["tmpfs"] as? [String] == service.writablePaths)
            #expect(entry["restart"] as? String == "unless-stopped")
        }
        #expect(services.mapping("worker")["secrets"] as? [String] == ["ssh-private-key", "ssh-known-hosts", "postgres-password", "redis-password"])
    }

    @Test func environmentNamesAndValues() throws {
        let services = try Fixtures.compose(Fixtures.baseSpec()).mapping("services")
        #expect(services.mapping("auth").strings("environment") == [
            "BCRYPT_COST": "12", "DATABASE_PASSWORD_FILE": "/run/secrets/postgres-password",
            "DATABASE_URL": "postgres://ers@postgres:5432/ers?sslmode=disable", "HTTP_HOST": "0.0.0.0", "HTTP_PORT": "8080",
            "JWT_AUDIENCE": "ers", "JWT_ISSUER": "ers", "JWT_LIFETIME_SECONDS": "900", "JWT_SECRET_FILE": "/run/secrets/jwt-secret",
            "LOG_LEVEL": "info", "REDIS_PASSWORD_FILE": "/run/secrets/redis-password", "REDIS_URL": "redis://ers@redis:6379",
        ])
        #expect(services.mapping("scheduler").strings("environment") == [
            "COLLECTION_SCHEDULES": #"[{"name":"fleet-hourly","schedule":"0 * * * *","reportType":"system"}]"#,
            "DATABASE_PASSWORD_FILE": "/run/secrets/postgres-password", "DATABASE_URL": "postgres://ers@postgres:5432/ers?sslmode=disable",
            "HTTP_HOST": "0.0.0.0", "HTTP_PORT": "8080", "LOG_LEVEL": "info",
        ])
        #expect(services.mapping("postgres").strings("environment") == [
            "PGDATA": "/var/lib/postgresql/data/pgdata", "PGPORT": "5432", "POSTGRES_DB": "ers",
            "POSTGRES_PASSWORD_FILE": "/run/secrets/postgres-password", "POSTGRES_USER": "ers",
        ])
        #expect(services.mapping("redis").strings("environment") == [
            "ERS_REDIS_PASSWORD_FILE": "/run/secrets/redis-password", "ERS_REDIS_PORT": "6379", "ERS_REDIS_USER": "ers",
        ])
    }

    @Test func onlyTheGatewayIsPublishedOnLoopback() throws {
        let services = try Fixtures.compose(Fixtures.baseSpec()).mapping("services")
        for (name, value) in services where name != "gateway" {
            #expect((value as? [String: Any])?["ports"] == nil, "\(name) must not be published")
        }
        let ports = try #require(services.mapping("gateway")["ports"] as? [[String: Any]])
        #expect(ports.count == 1)
        #expect(ports[0]["target"] as? Int == 8080)
        #expect(ports[0]["published"] as? String == "8080")
        #expect(ports[0]["host_ip"] as? String == "127.0.0.1")
        #expect(ports[0]["protocol"] as? String == "tcp")
        let text = try Fixtures.composeText(Fixtures.baseSpec())
        #expect(text.contains("      published: \"8080\"\n"))
    }

    @Test func healthchecksAndDependencies() throws {
        let services = try Fixtures.compose(Fixtures.baseSpec()).mapping("services")
        let auth = services.mapping("auth")
        #expect(auth.mapping("healthcheck")["test"] as? [String] == ["CMD", "ers-server", "healthcheck", "http://127.0.0.1:8080/ready"])
        #expect(auth.mapping("healthcheck")["interval"] as? String == "10s")
        #expect(auth.mapping("healthcheck")["timeout"] as? String == "1s")
        #expect(auth.mapping("healthcheck")["retries"] as? Int == 3)
        #expect(auth.mapping("depends_on") as? [String: [String: String]] == [
            "postgres": ["condition": "service_healthy"], "redis": ["condition": "service_healthy"],
        ])
        let gateway = services.mapping("gateway")
        #expect(gateway.mapping("healthcheck")["test"] as? [String] == ["CMD", "wget", "-q", "--spider", "http://127.0.0.1:8080/healthz"])
        let gatewayDependencies = gateway.mapping("depends_on")
        #expect(Set(gatewayDependencies.keys) == ["auth", "collection"])
        for (_, value) in gatewayDependencies {
            let dependency = try #require(value as? [String: Any])
            #expect(dependency["condition"] as? String == "service_healthy")
            #expect(dependency["restart"] as? Bool == true)
        }
        let volumes = try #require(gateway["volumes"] as? [[String: Any]])
        #expect(volumes.count == 1)
        #expect(volumes[0]["source"] as? String == "./nginx/nginx.conf")
        #expect(volumes[0]["target"] as? String == "/etc/nginx/nginx.conf")
        #expect(volumes[0]["read_only"] as? Bool == true)
        let postgres = services.mapping("postgres")
        #expect(postgres.mapping("healthcheck")["test"] as? [String] == [
            "CMD", "pg_isready", "--host=127.0.0.1", "--port=5432", "--username=ers", "--dbname=ers",
        ])
        #expect(postgres["user"] as? String == "999:999")
        #expect(postgres["ports"] == nil)
    }

    @Test func resourceLimitsFollowKubernetesLimits() throws {
        let services = try Fixtures.compose(Fixtures.baseSpec()).mapping("services")
        #expect(services.mapping("gateway").mapping("deploy").mapping("resources").strings("limits") == ["cpus": "0.5", "memory": "128m"])
        #expect(services.mapping("auth").mapping("deploy").mapping("resources").strings("limits") == ["cpus": "1", "memory": "256m"])
        #expect(services.mapping("postgres").mapping("deploy").mapping("resources").strings("limits") == ["cpus": "1", "memory": "1g"])
    }

    @Test func externalDatastoresStillRunLocally() throws {
        var spec = try Fixtures.baseSpec()
        for index in spec.datastores.indices {
            spec.datastores[index].placement = .external
            spec.datastores[index].image = nil
            spec.datastores[index].host = "db.example.com"
            spec.datastores[index].sslmode = .verifyFull
        }
        let services = try Fixtures.compose(spec).mapping("services")
        #expect(services.mapping("postgres")["image"] as? String == "docker.io/library/postgres:15.10-bookworm")
        #expect(services.mapping("redis")["image"] as? String == "docker.io/library/redis:7.2.7-bookworm")
        #expect(services.mapping("auth").strings("environment")["DATABASE_URL"] == "postgres://ers@postgres:5432/ers?sslmode=disable")
    }
}
