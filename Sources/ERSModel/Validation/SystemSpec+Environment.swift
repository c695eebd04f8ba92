extension SystemSpec {
    /// `$(VAR)` references (Kubernetes dependent environment variables): in an env value a
    /// reference must name a variable declared earlier in the list; in command and args any
    /// variable the container has. `$$(VAR)` is an escaped literal.
    func validateEnvironmentReferences() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for service in services {
            let path = FieldPath([.key("services"), .name(service.name)])
            var all = Set((service.env ?? []).map(\.name))
            all.formUnion((service.config ?? [:]).keys)
            all.formUnion((service.secrets ?? []).map(\.fileEnvName))
            var declared: Set<String> = []
            for variable in service.env ?? [] {
                for reference in Self.references(in: variable.value) where !declared.contains(reference) {
                    let later = all.contains(reference)
                    diagnostics.append(.error(
                        path.key("env").name(variable.name).key("value"),
                        later
                            ? "$(\(reference)) refers to a variable declared after \(variable.name) (or outside env), which Kubernetes leaves unexpanded; move \(reference) above \(variable.name) in env"
                            : "$(\(reference)) refers to no variable; declare \(reference) earlier in env, or write $$(\(reference)) for a literal"))
                }
                declared.insert(variable.name)
            }
            for (field, values) in [("command", service.command ?? []), ("args", service.args ?? [])] {
                for (index, value) in values.enumerated() {
                    for reference in Self.references(in: value) where !all.contains(reference) {
                        diagnostics.append(.error(path.key(field).index(index), "$(\(reference)) refers to no variable of this container; declare it in env, or write $$(\(reference)) for a literal"))
                    }
                }
            }
        }
        return diagnostics
    }

    /// The variable names referenced as `$(NAME)` in `text`, skipping `$$` escapes.
    static func references(in text: String) -> [String] {
        var result: [String] = []
        var characters = Array(text)[...]
        while let dollar = characters.firstIndex(of: "$") {
            let next = characters.index(after: dollar)
            guard next < characters.endIndex else { break }
            if characters[next] == "$" {
                characters = characters[characters.index(after: next)...]
                continue
            }
            if characters[next] == "(", let close = characters[next...].firstIndex(of: ")") {
                result.append(String(characters[characters.index(after: next)..<close]))
                characters = characters[characters.index(after: close)...]
            } else {
                characters = characters[next...]
            }
        }
        return result
    }
}
