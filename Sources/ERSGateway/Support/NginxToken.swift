/// What may be written into the config unquoted. Every string from the spec that reaches the
/// config passes one of these checks, so no spec value can end a directive (`;`), open a block
/// (`{`), start a variable (`$`) or a comment (`#`).
enum NginxToken {
    /// A URI path for `location` and `proxy_pass`: `/` followed by unreserved characters and `/`
    /// (RFC 3986 `unreserved`), without empty, `.` or `..` segments — nginx normalizes those
    /// away before matching, so such a location would never match.
    static func isSafePath(_ path: String) -> Bool {
        guard path.first == "/" else { return false }
        let allowed = path.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (isAlphanumeric(scalar) || "-._~/".unicodeScalars.contains(scalar))
        }
        guard allowed else { return false }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        return !segments.enumerated().contains { index, segment in
            (segment.isEmpty && index < segments.count - 1) || segment == "." || segment == ".."
        }
    }

    /// A host name, IPv4 address or name part: letters, digits, `-`, `.` and `_`.
    static func isSafeName(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (isAlphanumeric(scalar) || "-._".unicodeScalars.contains(scalar))
        }
    }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }
}
