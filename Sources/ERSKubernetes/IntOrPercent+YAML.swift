import ERSModel
import ERSRender

extension IntOrPercent {
    /// The Kubernetes `IntOrString`: an integer for a count, a `"N%"` string for a percentage.
    var yaml: YAMLValue {
        switch self {
        case .count(let value): .int(value)
        case .percent(let value): .string("\(value)%")
        }
    }
}
