extension SystemSpec {
    /// Quantities that are almost surely mistakes, and requests above their limits (compared
    /// as quantities, whatever the units).
    func validateResources() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func check(_ resources: ResourceRequirements?, _ path: FieldPath) {
            guard let resources else { return }
            for (kind, list) in [("requests", resources.requests), ("limits", resources.limits)] {
                if let memory = list?.memory, let warning = memory.memoryWarning() {
                    diagnostics.append(.error(path.key(kind).key("memory"), warning))
                }
                if let cpu = list?.cpu, cpu.isZero {
                    diagnostics.append(.error(path.key(kind).key("cpu"), "a CPU \(kind == "requests" ? "request" : "limit") of 0 makes no sense; give at least 1m, or leave it out"))
                }
            }
            let pairs: [(String, Quantity?, Quantity?)] = [
                ("cpu", resources.requests?.cpu, resources.limits?.cpu),
                ("memory", resources.requests?.memory, resources.limits?.memory),
                ("ephemeral-storage", resources.requests?.ephemeralStorage, resources.limits?.ephemeralStorage),
            ]
            for (name, request, limit) in pairs {
                guard let request, let limit, request > limit else { continue }
                diagnostics.append(.error(
                    path.key("requests").key(name),
                    "the \(name) request \(request) is above its limit \(limit); the API server refuses this — raise the limit or lower the request"))
            }
        }
        for service in services {
            check(service.resources, [.key("services"), .name(service.name), .key("resources")])
        }
        for datastore in datastores {
            check(datastore.resources, [.key("datastores"), .name(datastore.name), .key("resources")])
        }
        return diagnostics
    }
}
