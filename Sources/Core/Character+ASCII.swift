/// ASCII classes of characters, for the formats Herald reads (language tags, byte ranges, file
/// names) whose digits and letters are ASCII only.
extension Character {
    public var isASCIILetter: Bool { isASCII && isLetter }
    public var isASCIIDigit: Bool { isASCII && isNumber }
    public var isASCIIAlphanumeric: Bool { isASCIILetter || isASCIIDigit }
}
