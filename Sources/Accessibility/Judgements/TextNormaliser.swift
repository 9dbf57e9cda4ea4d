/// Turns text into comparable words: lower-cased, punctuation dropped.
enum TextNormaliser {
    static func words(_ text: String) -> [String] {
        var result: [String] = []
        forEachWord(in: text) { result.append(String($0)) }
        return result
    }

    /// The words joined by single spaces, made without an array of words between.
    static func phrase(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        forEachWord(in: text) { word in
            if !result.isEmpty { result.append(" ") }
            result.append(contentsOf: word)
        }
        return String(result)
    }

    /// Calls `body` with each word, lower-cased, in a buffer it reuses.
    private static func forEachWord(in text: String, _ body: (String.UnicodeScalarView) -> Void) {
        // Works on scalars with an ASCII fast path: this runs for every link and image on every page.
        var current = String.UnicodeScalarView()
        func flush() {
            if !current.isEmpty {
                body(current)
                current.removeAll(keepingCapacity: true)
            }
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                switch value {
                case 0x61...0x7A, 0x30...0x39, 0x27: current.append(scalar)
                case 0x41...0x5A: current.append(Unicode.Scalar(value + 0x20)!)
                default: flush()
                }
            } else if scalar == "’" {
                current.append("'")
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar.properties.generalCategory == .nonspacingMark {
                current.append(contentsOf: String(scalar).lowercased().unicodeScalars)
            } else {
                flush()
            }
        }
        flush()
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
