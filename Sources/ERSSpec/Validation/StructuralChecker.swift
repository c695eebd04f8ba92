import ERSModel

/// Checks a merged spec tree against its ``SchemaType`` and converts it into plain values
/// (`[String: Any]`, `[Any]`, `String`, `Int`, `Bool`) for decoding. Every problem becomes a
/// diagnostic with the node's position; checking goes on after each one, so a run reports all.
struct StructuralChecker {
    private(set) var diagnostics: [Diagnostic] = []
    /// Paths whose value was missing or invalid and got a stand-in: semantic diagnostics at or
    /// below them would only repeat the structural error, so the loader drops them.
    private(set) var poisoned: [FieldPath] = []
    /// Mappings that lost a value to a structural error (the dropped value's parent and its
    /// ancestors up to the list element holding them): a semantic check of such a mapping as a
    /// whole ("exactly one of …", "sets no limit") would misread the gap, so the loader drops
    /// diagnostics at exactly these paths.
    private(set) var incomplete: Set<FieldPath> = []

    /// Checks `node` as `type` at `path`; nil when the value is unusable (a diagnostic says why).
    mutating func check(_ node: SpecNode, as type: SchemaType, at path: FieldPath) -> Any? {
        switch type {
        case .object(let object): return checkObject(node, object, path)
        case .list(let element, let keyedBy): return checkList(node, element, keyedBy, path)
        case .map(let value): return checkMap(node, value, path)
        case .string(let allowed): return checkString(node, allowed, path)
        case .integer(let minimum, let maximum): return checkInteger(node, minimum, maximum, path)
        case .number(let minimum, let maximum): return checkNumber(node, minimum, maximum, path)
        case .boolean: return checkBoolean(node, path)
        case .quantity: return checkQuantity(node, path)
        case .intOrPercent: return checkIntOrPercent(node, path)
        }
    }

    private mutating func report(_ node: SpecNode, _ path: FieldPath, _ message: String) {
        diagnostics.append(Diagnostic(.error, path, message, location: node.location))
        poisoned.append(path)
        markIncomplete(above: path)
    }

    /// Records the mappings above `path` up to the nearest list element as incomplete.
    private mutating func markIncomplete(above path: FieldPath) {
        var current = path.dropLast()
        while !current.components.isEmpty {
            incomplete.insert(current)
            if case .key? = current.components.last {
                current = current.dropLast()
            } else {
                break
            }
        }
    }

    /// A value of the right shape standing in for a missing or invalid one.
    static func placeholder(for type: SchemaType) -> Any {
        switch type {
        case .object(let object):
            var result: [String: Any] = [:]
            for property in object.properties where property.isRequired { result[property.name] = placeholder(for: property.type) }
            return result
        case .list: return [Any]()
        case .map: return [String: Any]()
        case .string(let allowed): return allowed?.first ?? ""
        case .integer(let minimum, _): return minimum ?? 0
        case .number(let minimum, _): return minimum ?? 0
        case .boolean: return false
        case .quantity: return "0"
        case .intOrPercent: return 0
        }
    }

    private mutating func checkObject(_ node: SpecNode, _ object: SchemaObject, _ path: FieldPath) -> Any? {
        guard case .mapping(let mapping) = node else {
            report(node, path, "expected a mapping (\(object.name)), found \(node.kindDescription)")
            return nil
        }
        var result: [String: Any] = [:]
        for entry in mapping.entries where !entry.key.hasPrefix(DuplicateKeyLocator.placeholderPrefix) {
            guard let property = object.property(entry.key) else {
                let known = object.properties.map(\.name)
                let hint = closestMatch(to: entry.key, among: known).map { "did you mean '\($0)'?" }
                    ?? "known keys: \(known.joined(separator: ", "))"
                diagnostics.append(Diagnostic(
                    .error, path.key(entry.key), "unknown key '\(entry.key)' in \(object.name); \(hint)",
                    location: entry.keyLocation))
                continue
            }
            if entry.value.isNull { continue }
            if let value = check(entry.value, as: property.type, at: path.key(entry.key)) {
                result[entry.key] = value
            }
        }
        for property in object.properties where property.isRequired && result[property.name] == nil {
            let present = mapping.entries.contains { $0.key == property.name && !$0.value.isNull }
            if !present {
                report(node, path.key(property.name), "missing required key '\(property.name)' in \(object.name); add it: \(property.description)")
            }
            // A stand-in keeps the rest of the spec decodable for the semantic checks; checks
            // on this path are suppressed (see `poisoned`).
            result[property.name] = Self.placeholder(for: property.type)
            poisoned.append(path.key(property.name))
            markIncomplete(above: path.key(property.name))
        }
        return result
    }

    private mutating func checkList(_ node: SpecNode, _ element: SchemaType, _ keyedBy: String?, _ path: FieldPath) -> Any? {
        guard case .sequence(let sequence) = node else {
            report(node, path, "expected a list, found \(node.kindDescription); write it as `- item` lines or `[a, b]`")
            return nil
        }
        var result: [Any] = []
        var seen: [String: SourceLocation] = [:]
        for (index, item) in sequence.items.enumerated() {
            var itemPath = path.index(index)
            if let keyedBy, case .mapping(let mapping) = item, case .scalar(let key)? = mapping[keyedBy] {
                itemPath = path.name(key.text)
                if let first = seen[key.text] {
                    diagnostics.append(Diagnostic(
                        .error, itemPath.key(keyedBy),
                        "duplicate \(keyedBy) '\(key.text)' (first at \(first)); each element needs a distinct \(keyedBy)",
                        location: key.location, related: [first]))
                } else {
                    seen[key.text] = key.location
                }
            }
            if item.isNull {
                report(item, itemPath, "empty list element; remove the line or give it a value")
                continue
            }
            if let value = check(item, as: element, at: itemPath) { result.append(value) }
        }
        return result
    }

    private mutating func checkMap(_ node: SpecNode, _ value: SchemaType, _ path: FieldPath) -> Any? {
        guard case .mapping(let mapping) = node else {
            report(node, path, "expected a mapping of keys to values, found \(node.kindDescription)")
            return nil
        }
        var result: [String: Any] = [:]
        for entry in mapping.entries where !entry.key.hasPrefix(DuplicateKeyLocator.placeholderPrefix) {
            if entry.value.isNull {
                report(entry.value, path.key(entry.key), "'\(entry.key)' has no value; write a value (quote it: \"\") or remove the key")
                continue
            }
            if let checked = check(entry.value, as: value, at: path.key(entry.key)) { result[entry.key] = checked }
        }
        return result
    }

    private mutating func scalar(_ node: SpecNode, _ path: FieldPath, expected: String) -> SpecNode.Scalar? {
        guard case .scalar(let scalar) = node else {
            report(node, path, "expected \(expected), found \(node.kindDescription)")
            return nil
        }
        return scalar
    }

    private mutating func checkString(_ node: SpecNode, _ allowed: [String]?, _ path: FieldPath) -> Any? {
        guard let scalar = scalar(node, path, expected: allowed == nil ? "a string" : "one of \(allowed ?? [])") else { return nil }
        if scalar.isPlain, let misreading = YAML11Traps.misreading(of: scalar.text) {
            report(node, path, "unquoted '\(scalar.text)' is \(misreading) to YAML 1.1 readers (kubectl, PyYAML); quote it: \"\(scalar.text)\"")
            return nil
        }
        if let allowed, !allowed.contains(scalar.text) {
            let hint = closestMatch(to: scalar.text, among: allowed).map { "did you mean '\($0)'? " } ?? ""
            report(node, path, "'\(scalar.text)' is not allowed; \(hint)use one of: \(allowed.joined(separator: ", "))")
            return nil
        }
        return scalar.text
    }

    private mutating func checkInteger(_ node: SpecNode, _ minimum: Int?, _ maximum: Int?, _ path: FieldPath) -> Any? {
        guard let scalar = scalar(node, path, expected: "an integer") else { return nil }
        guard scalar.isPlain else {
            report(node, path, "expected an integer, found the quoted string \"\(scalar.text)\"; remove the quotes")
            return nil
        }
        guard let value = YAML11Traps.decimalInteger(scalar.text) else {
            let leadingZero = scalar.text.count > 1 && scalar.text.hasPrefix("0") && scalar.text.allSatisfy(\.isNumber)
            let why = leadingZero ? "a leading zero makes YAML 1.1 read it as octal" : "it is not a whole number"
            report(node, path, "'\(scalar.text)' is not a decimal integer (\(why)); write digits only, e.g. \(Int(scalar.text.filter(\.isNumber)) ?? 1)")
            return nil
        }
        if let minimum, value < minimum {
            report(node, path, "\(value) is below the minimum \(minimum); use a value from \(minimum)\(maximum.map { " to \($0)" } ?? " up")")
            return nil
        }
        if let maximum, value > maximum {
            report(node, path, "\(value) is above the maximum \(maximum); use a value from \(minimum ?? 0) to \(maximum)")
            return nil
        }
        return value
    }

    /// A plain decimal: digits with at most one `.` between digits. Whole numbers come back as
    /// `Int`, others as `Double`, so they encode back exactly as written.
    private mutating func checkNumber(_ node: SpecNode, _ minimum: Double?, _ maximum: Double?, _ path: FieldPath) -> Any? {
        guard let scalar = scalar(node, path, expected: "a number") else { return nil }
        guard scalar.isPlain else {
            report(node, path, "expected a number, found the quoted string \"\(scalar.text)\"; remove the quotes")
            return nil
        }
        let parts = scalar.text.split(separator: ".", omittingEmptySubsequences: false)
        let wellFormed = (1...2).contains(parts.count) && parts.allSatisfy { !$0.isEmpty && $0.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }
        guard wellFormed, let value = Double(scalar.text) else {
            report(node, path, "'\(scalar.text)' is not a decimal number; write digits with an optional fraction, e.g. 0.5 or 2")
            return nil
        }
        func text(_ bound: Double) -> String { bound == bound.rounded() ? "\(Int(bound))" : "\(bound)" }
        if let minimum, value < minimum {
            report(node, path, "\(scalar.text) is below the minimum \(text(minimum)); use a value from \(text(minimum))\(maximum.map { " to \(text($0))" } ?? " up")")
            return nil
        }
        if let maximum, value > maximum {
            report(node, path, "\(scalar.text) is above the maximum \(text(maximum)); use a value from \(text(minimum ?? 0)) to \(text(maximum))")
            return nil
        }
        if parts.count == 1, let whole = Int(scalar.text) { return whole }
        return value
    }

    private mutating func checkBoolean(_ node: SpecNode, _ path: FieldPath) -> Any? {
        guard let scalar = scalar(node, path, expected: "true or false") else { return nil }
        if scalar.isPlain, scalar.text == "true" { return true }
        if scalar.isPlain, scalar.text == "false" { return false }
        if scalar.isPlain, let misreading = YAML11Traps.misreading(of: scalar.text) {
            report(node, path, "'\(scalar.text)' is \(misreading) only in YAML 1.1; write \(misreading.hasSuffix("true") ? "true" : "false")")
        } else {
            report(node, path, "expected true or false, found '\(scalar.text)'")
        }
        return nil
    }

    private mutating func checkQuantity(_ node: SpecNode, _ path: FieldPath) -> Any? {
        guard let scalar = scalar(node, path, expected: "a quantity such as 250m or 512Mi") else { return nil }
        do {
            return try Quantity(parsing: scalar.text).description
        } catch {
            report(node, path, "\(error)")
            return nil
        }
    }

    private mutating func checkIntOrPercent(_ node: SpecNode, _ path: FieldPath) -> Any? {
        guard let scalar = scalar(node, path, expected: "a count or a percentage") else { return nil }
        if scalar.isPlain, let value = YAML11Traps.decimalInteger(scalar.text), value >= 0 { return value }
        if case .percent(let percent)? = IntOrPercent(text: scalar.text), percent <= 100 { return scalar.text }
        report(node, path, "'\(scalar.text)' is neither a count nor a percentage; write e.g. 1 or \"25%\" (0–100%)")
        return nil
    }
}
