import ERSModel
import ERSRender

extension RenderContext {
    /// `resources`: `requests` and `limits` with `cpu`, `memory` and `ephemeral-storage` in
    /// the canonical quantity form (as strings). Nil when nothing is set.
    /// API reference: "ResourceRequirements".
    func resources(_ requirements: ResourceRequirements?) -> YAMLValue? {
        guard let requirements else { return nil }
        let value: YAMLValue = [
            "requests": resourceList(requirements.requests),
            "limits": resourceList(requirements.limits),
        ]
        return value.nonEmpty
    }

    /// A `ResourceList` with what is set; nil when nothing is.
    private func resourceList(_ list: ResourceList?) -> YAMLValue? {
        guard let list else { return nil }
        let value: YAMLValue = [
            "cpu": list.cpu.map { .string($0.description) },
            "memory": list.memory.map { .string($0.description) },
            "ephemeral-storage": list.ephemeralStorage.map { .string($0.description) },
        ]
        return value.nonEmpty
    }
}
