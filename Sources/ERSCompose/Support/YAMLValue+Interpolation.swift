import ERSRender

extension YAMLValue {
    /// This value with every `$` in every string written `$$`, so compose's interpolation
    /// (compose spec "Interpolation": `$VAR`, `${VAR}`, `$$` for a literal `$`) hands each
    /// value to the container exactly as rendered. Mapping keys are left alone: compose does
    /// not interpolate them, and none the renderer writes contains `$`.
    func escapingInterpolation() -> YAMLValue {
        switch self {
        case .string(let text):
            .string(text.doublingDollarSigns)
        case .sequence(let items):
            .sequence(items.map { $0.escapingInterpolation() })
        case .mapping(let mapping):
            .mapping(YAMLMapping(mapping.entries.map { (key: $0.key, value: $0.value.escapingInterpolation()) }))
        case .int, .bool, .null:
            self
        }
    }
}

extension String {
    /// This text with every `$` doubled.
    var doublingDollarSigns: String {
        var result = ""
        result.reserveCapacity(utf8.count)
        for character in self {
            result.append(character)
            if character == "$" { result.append("$") }
        }
        return result
    }
}
