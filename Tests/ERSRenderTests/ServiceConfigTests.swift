import ERSModel
import ERSRender
import Testing

@Suite("ServiceConfig")
struct ServiceConfigTests {
    func service(_ name: String, command: [String]? = ["ers-server"], args: [String]? = nil, repository: String = "ers-server",
                 config: [String: String]? = nil) -> Service {
        Service(name: name, image: ImageReference(repository: repository), command: command, args: args, config: config)
    }

    @Test func theSchedulerGetsTheSchedulesAsJSON() {
        let spec = SystemSpec(
            name: "ers", environment: "test", namespace: "ers", images: ImageDefaults(registry: "r.example", tag: "1"), services: [],
            gateway: Gateway(service: "gateway", port: "http", auth: GatewayAuth(service: "auth", port: "http", verifyPath: "/auth/verify"), routes: []),
            collectionSchedules: [
            CollectionSchedule(name: "fleet-hourly", schedule: "0 * * * *", reportType: "system"),
            CollectionSchedule(name: "db", schedule: "*/5 * * * *", reportType: "system", selector: ["tier": "db", "env": "prod \"a\"\\\n"]),
        ])
        let scheduler = service("scheduler", args: ["scheduler"], config: ["LOG_LEVEL": "info", "COLLECTION_SCHEDULES": "stale"])
        #expect(ServiceConfig.environment(of: scheduler, in: spec) == [
            "LOG_LEVEL": "info",
            "COLLECTION_SCHEDULES": #"[{"name":"fleet-hourly","schedule":"0 * * * *","reportType":"system"},{"name":"db","schedule":"*/5 * * * *","reportType":"system","selector":{"env":"prod \"a\"\\\n","tier":"db"}}]"#,
        ])
        #expect(ServiceConfig.environment(of: service("worker", args: ["worker"], config: ["A": "1"]), in: spec) == ["A": "1"])
        #expect(ServiceConfig.environment(of: service("nginx", command: nil, args: ["scheduler"], repository: "nginx"), in: spec) == [:])
    }

    @Test func rolesOfERSServer() {
        #expect(ServiceConfig.role(of: service("a", args: ["auth"])) == "auth")
        #expect(ServiceConfig.role(of: service("b", command: ["ers-server", "worker"])) == "worker")
        #expect(ServiceConfig.role(of: service("c", command: nil, args: ["scheduler"], repository: "registry.example.com/ers/ers-server")) == "scheduler")
        #expect(ServiceConfig.role(of: service("d", command: ["sh"], args: ["scheduler"])) == nil)
    }

    @Test func jsonStringsEscapeControlCharacters() {
        #expect(ServiceConfig.quoted("a\u{1}b\tc") == #""a\u0001b\tc""#)
    }
}
