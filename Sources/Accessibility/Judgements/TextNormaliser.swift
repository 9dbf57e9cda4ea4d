/// Turns text into comparable words: lower-cased, punctuation dropped.
enum TextNormaliser {
    static func words(_ text: String) -> [String] {
        var result: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isWordScalar(scalar) {
                appendLowered(scalar, to: &current)
            } else if !current.isEmpty {
                result.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { result.append(String(current)) }
        return result
    }

    /// The words joined by single spaces, written straight into one string: this runs for
    /// every link on every page (twice), and an array of words between cost more than the rest.
    static func phrase(_ text: String) -> String {
        if let ascii = asciiPhrase(text) { return ascii }
        var result = String.UnicodeScalarView()
        var spaceDue = false
        for scalar in text.unicodeScalars {
            if isWordScalar(scalar) {
                if spaceDue {
                    result.append(" ")
                    spaceDue = false
                }
                appendLowered(scalar, to: &result)
            } else if !result.isEmpty {
                spaceDue = true
            }
        }
        return String(result)
    }

    /// `phrase` for ASCII text, byte by byte into the string's own storage (nil for other
    /// text): appending scalars one at a time was most of comparing link texts and alt texts
    /// with their neighbours. The phrase is never longer than the text: each space it writes
    /// stands for at least one byte it dropped.
    static func asciiPhrase(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count) { output in
                var count = 0
                var spaceDue = false
                for byte in bytes {
                    switch byte {
                    case 0x61...0x7A, 0x30...0x39, 0x27, 0x41...0x5A:
                        if spaceDue {
                            output[count] = 0x20
                            count += 1
                            spaceDue = false
                        }
                        output[count] = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
                        count += 1
                    default:
                        if count > 0 { spaceDue = true }
                    }
                }
                return count
            }
        }
    }

    /// Letters, digits, apostrophes (straight or curly) and combining marks make words.
    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x61...0x7A, 0x30...0x39, 0x27, 0x41...0x5A: true
        case 0..<0x80: false
        default: scalar == "’" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            || scalar.properties.generalCategory == .nonspacingMark
        }
    }

    /// A word scalar lower-cased, the curly apostrophe made straight.
    private static func appendLowered(_ scalar: Unicode.Scalar, to text: inout String.UnicodeScalarView) {
        switch scalar.value {
        case 0x41...0x5A: text.append(Unicode.Scalar(scalar.value + 0x20)!)
        case 0..<0x80: text.append(scalar)
        default:
            if scalar == "’" {
                text.append("'")
            } else {
                for lowered in String(scalar).lowercased().unicodeScalars { text.append(lowered) }
            }
        }
    }

    static func withoutArticle(_ words: [String]) -> [String] {
        if let first = words.first, ["a", "an", "the"].contains(first) { return Array(words.dropFirst()) }
        return words
    }

    static func isBlank(_ text: String) -> Bool {
        text.allSatisfy { $0.isWhitespace || $0 == "\u{00A0}" || $0 == "\u{200B}" }
    }
}

extension StringProtocol {
    /// True when the UTF-8 text holds `byte`; cheaper than `contains(_:)` with a string, which
    /// goes through Foundation.
    func hasByte(_ byte: UInt8) -> Bool { utf8.contains(byte) }
}
