/// Kubernetes' expansion of `$(VAR)` references in a container's `env` values, `command` and
/// `args` (Kubernetes API reference "EnvVar.value", "Container.command"; kubelet's
/// third_party/forked/golang/expansion), done at render time because compose does not know it.
///
/// `$(NAME)` becomes the value of `NAME` when it is defined, and stays as written when it is
/// not; `$$` becomes `$`; any other `$` stays.
enum KubernetesExpansion {
    /// `text` with its references expanded from `variables`.
    static func expand(_ text: String, with variables: [String: String]) -> String {
        var result = ""
        var rest = Substring(text)
        while let dollar = rest.firstIndex(of: "$") {
            result += rest[..<dollar]
            let after = rest.index(after: dollar)
            guard after < rest.endIndex else {
                result += "$"
                rest = rest[after...]
                break
            }
            switch rest[after] {
            case "$":
                result += "$"
                rest = rest[rest.index(after: after)...]
            case "(":
                let nameStart = rest.index(after: after)
                if let close = rest[nameStart...].firstIndex(of: ")") {
                    let name = String(rest[nameStart..<close])
                    result += variables[name] ?? "$(\(name))"
                    rest = rest[rest.index(after: close)...]
                } else {
                    result += rest[dollar...]
                    rest = rest[rest.endIndex...]
                }
            default:
                result += "$"
                rest = rest[after...]
            }
        }
        return result + rest
    }
}
