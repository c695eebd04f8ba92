/// Why a text is not a Kubernetes quantity ERS can hold, thrown by ``Quantity/init(parsing:)``.
///
/// Every case carries the text that was parsed; ``message`` is a sentence for people that says
/// what is wrong and what would be right, e.g. `'256MB' is not a Kubernetes quantity: the suffix
/// 'MB' is unknown; use Mi (mebibytes) or M (megabytes)`.
public enum QuantityError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text is empty.
    case empty
    /// The text breaks the grammar: no number, whitespace, a second sign or decimal point.
    /// `reason` says what is wrong and how to write it.
    case malformed(text: String, reason: String)
    /// The number is well formed but `suffix` is not one of the Kubernetes suffixes.
    /// `advice` names the suffixes that were probably meant.
    case unknownSuffix(text: String, suffix: String, advice: String)
    /// The text is a Kubernetes quantity, but ERS cannot hold it exactly: more significant
    /// digits than 64 bits hold, or an exponent outside the 32-bit range apimachinery uses.
    case outOfRange(text: String, reason: String)

    /// The text that failed to parse.
    public var text: String {
        switch self {
        case .empty: ""
        case .malformed(let text, _), .unknownSuffix(let text, _, _), .outOfRange(let text, _): text
        }
    }

    /// A human sentence: what is wrong with ``text`` and what would be right.
    public var message: String {
        switch self {
        case .empty:
            "'' is not a Kubernetes quantity: it is empty; write a number with an optional suffix "
                + "(e.g. '500m', '2', '256Mi')"
        case .malformed(let text, let reason):
            "'\(text)' is not a Kubernetes quantity: \(reason)"
        case .unknownSuffix(let text, let suffix, let advice):
            "'\(text)' is not a Kubernetes quantity: the suffix '\(suffix)' is unknown; \(advice)"
        case .outOfRange(let text, let reason):
            "'\(text)' cannot be held exactly: \(reason)"
        }
    }

    /// Same as ``message``.
    public var description: String { message }
}
