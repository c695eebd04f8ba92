public import Foundation
import Crypto

/// SHA-256 checksums for annotations (`checksum/config`) and migration files.
public enum Checksum {
    /// Lower-case hex SHA-256 (64 characters) of the UTF-8 bytes of `text`.
    public static func sha256Hex(_ text: String) -> String {
        sha256Hex(Data(text.utf8))
    }

    /// Lower-case hex SHA-256 (64 characters) of `data`.
    public static func sha256Hex(_ data: Data) -> String {
        let digest = SHA256.hash(data: data)
        var hex = ""
        hex.reserveCapacity(64)
        for byte in digest {
            let value = Int(byte)
            hex.append(Checksum.hexDigits[value >> 4])
            hex.append(Checksum.hexDigits[value & 0xF])
        }
        return hex
    }

    private static let hexDigits: [Character] = Array("0123456789abcdef")
}
