/// How a wait of the executor ended.
enum WatchOutcome: Sendable, Hashable {
    /// The gate passed over its window.
    case passed
    /// The wait's time is up.
    case elapsed
    /// An operator promoted.
    case promoted(PromotionKind)
    /// A breached gate, an unhealthy new version, or an operator's abort.
    case abort(String)
}
