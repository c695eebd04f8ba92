extension UInt8 {
    var isASCIILowercaseLetter: Bool { self >= UInt8(ascii: "a") && self <= UInt8(ascii: "z") }
    var isASCIIUppercaseLetter: Bool { self >= UInt8(ascii: "A") && self <= UInt8(ascii: "Z") }
    var isASCIILetter: Bool { isASCIILowercaseLetter || isASCIIUppercaseLetter }
    var isASCIIDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }
    var isASCIIAlphanumeric: Bool { isASCIILetter || isASCIIDigit }
    /// `[a-z0-9]`, the edges of a DNS label.
    var isLowercaseAlphanumeric: Bool { isASCIILowercaseLetter || isASCIIDigit }

    /// The lower-case form of an ASCII upper-case letter, else itself.
    var asciiLowercased: UInt8 { isASCIIUppercaseLetter ? self + 32 : self }
}
