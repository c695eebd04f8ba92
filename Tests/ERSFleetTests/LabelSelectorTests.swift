import ERSFleet
import Testing

@Suite("LabelSelector")
struct LabelSelectorTests {
    @Test func parsesEveryForm() throws {
        let selector = try LabelSelector("env=prod, tier==web,zone!=b,gpu,!retired")
        #expect(selector.requirements == [
            .equals(key: "env", value: "prod"), .equals(key: "tier", value: "web"),
            .notEquals(key: "zone", value: "b"), .exists(key: "gpu"), .doesNotExist(key: "retired"),
        ])
        #expect(selector.description == "env=prod,tier=web,zone!=b,gpu,!retired")
    }

    @Test func matches() throws {
        let labels = try Labels(["env": "prod", "gpu": "", "zone": "a"])
        #expect(try LabelSelector("env=prod,gpu,zone!=b,!retired").matches(labels))
        #expect(try !LabelSelector("env=dev").matches(labels))
        #expect(try LabelSelector("").matches(labels))
        #expect(try LabelSelector("missing!=x").matches(labels))
    }

    @Test(arguments: ["env=prod,,tier=web", "env in (a,b)", "a=b=c", "-bad=1", "env=bad value", "x/y/z=1"])
    func refuses(_ text: String) {
        #expect(throws: LabelError.self) { try LabelSelector(text) }
    }

    @Test func labelsFollowKubernetesSyntax() throws {
        #expect(try Labels(["example.com/role": "db", "a": ""]).values.count == 2)
        #expect(throws: LabelError.self) { try Labels(["-a": "x"]) }
        #expect(throws: LabelError.self) { try Labels(["a": String(repeating: "v", count: 64)]) }
    }
}
