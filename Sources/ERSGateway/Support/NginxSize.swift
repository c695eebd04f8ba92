/// nginx size values (nginx docs, "Syntax": sizes are bytes, or `k`/`m`/`g` for
/// KiB/MiB/GiB — powers of 1024).
enum NginxSize {
    /// `bytes` in the largest unit that divides it exactly: `10485760` is `10m`, `1000000`
    /// stays `1000000` (a decimal megabyte is not a whole number of KiB).
    static func text(bytes: Int) -> String {
        for (unit, size) in [("g", 1 << 30), ("m", 1 << 20), ("k", 1 << 10)] where bytes >= size && bytes % size == 0 {
            return "\(bytes / size)\(unit)"
        }
        return "\(bytes)"
    }
}
