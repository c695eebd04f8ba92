import ERSModel
import ERSRender

extension ComposeContext {
    /// `deploy.resources.limits` (compose spec "deploy", honoured by `docker compose up`) from
    /// the Kubernetes limits: `cpus` as a decimal string (`500m` is `"0.5"`), `memory` as a
    /// byte value (`256Mi` is `"256m"`; compose byte units are powers of 1024). Nil without
    /// limits.
    mutating func resourceLimits(_ resources: ResourceRequirements?, at path: FieldPath) -> YAMLValue? {
        guard let limits = resources?.limits else { return nil }
        var cpus: String?
        if let cpu = limits.cpu {
            if let millicores = cpu.milliValue, millicores > 0 {
                cpus = ComposeContext.decimalText(thousandths: millicores)
            } else {
                fail(path.key("limits").key("cpu"), "'\(cpu)' is not a positive CPU amount; write e.g. 500m or 2")
            }
        }
        var memory: String?
        if let quantity = limits.memory {
            if let bytes = quantity.value, bytes > 0 {
                memory = ComposeContext.byteText(bytes)
            } else {
                fail(path.key("limits").key("memory"), "'\(quantity)' is not a positive amount of bytes; write e.g. 256Mi")
            }
        }
        let values: YAMLValue = ["cpus": cpus.map(YAMLValue.string), "memory": memory.map(YAMLValue.string)]
        guard let nonEmpty = values.nonEmpty else { return nil }
        return ["resources": ["limits": nonEmpty]]
    }

    /// `1500` thousandths as `1.5`, `2000` as `2`, `250` as `0.25`.
    static func decimalText(thousandths: Int64) -> String {
        let whole = thousandths / 1000, fraction = thousandths % 1000
        guard fraction != 0 else { return "\(whole)" }
        var digits = String(fraction)
        digits = String(repeating: "0", count: 3 - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return "\(whole).\(digits)"
    }

    /// Bytes in the largest binary unit that divides them exactly: `g`, `m`, `k`, else `b`.
    static func byteText(_ bytes: Int64) -> String {
        for (unit, size) in [("g", Int64(1) << 30), ("m", Int64(1) << 20), ("k", Int64(1) << 10)] where bytes % size == 0 {
            return "\(bytes / size)\(unit)"
        }
        return "\(bytes)b"
    }
}
