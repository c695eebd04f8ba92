extension Quantity {
    /// The suffix family a quantity is written in, which its canonical form keeps.
    ///
    /// Source: `resource.Format` in k8s.io/apimachinery/pkg/api/resource/quantity.go.
    public enum Format: String, Sendable, Hashable, CaseIterable {
        /// Powers of 1024: `Ki Mi Gi Ti Pi Ei` (e.g. `12Mi` = 12 × 2²⁰).
        case binarySI
        /// Powers of 1000: `n u m "" k M G T P E` (e.g. `12M` = 12 × 10⁶).
        case decimalSI
        /// A power of ten written `e<n>` (e.g. `12e6`).
        case decimalExponent
    }
}
