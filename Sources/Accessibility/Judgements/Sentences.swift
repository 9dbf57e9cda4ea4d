/// Splits prose into sentences and words, well enough to count them.
enum Sentences {
    /// The sentences of `text` as ranges of character offsets, leading spaces left out.
    static func ranges(in text: [Character]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = skipSpaces(text, from: 0)
        var index = start
        while index < text.count {
            let character = text[index]
            guard character == "." || character == "!" || character == "?" else {
                index += 1
                continue
            }
            var end = index + 1
            while end < text.count, closers.contains(text[end]) { end += 1 }
            let next = skipSpaces(text, from: end)
            let followedBySpace = end == text.count || text[end].isWhitespace
            let startsAnother = next == text.count || text[next].isUppercase || text[next].isNumber || openers.contains(text[next])
            if followedBySpace && startsAnother && !(character == "." && isAbbreviation(text, dotAt: index)) {
                if end > start { result.append(start..<end) }
                start = next
                index = next
            } else {
                index = end
            }
        }
        if start < text.count {
            var end = text.count
            while end > start, text[end - 1].isWhitespace { end -= 1 }
            if end > start { result.append(start..<end) }
        }
        return result
    }

    /// The words of a stretch of text: runs of letters and digits (with inner apostrophes and hyphens).
    static func words(in text: ArraySlice<Character>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var wordStart: Int?
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let inWord = character.isLetter || character.isNumber
                || (wordStart != nil && (character == "'" || character == "’" || character == "-")
                    && index + 1 < text.endIndex && (text[index + 1].isLetter || text[index + 1].isNumber))
            if inWord {
                if wordStart == nil { wordStart = index }
            } else if let start = wordStart {
                result.append(start..<index)
                wordStart = nil
            }
            index += 1
        }
        if let start = wordStart { result.append(start..<text.endIndex) }
        return result
    }

    private static let closers: Set<Character> = ["\"", "'", ")", "]", "’", "”"]
    private static let openers: Set<Character> = ["\"", "'", "(", "[", "‘", "“"]

    private static func skipSpaces(_ text: [Character], from start: Int) -> Int {
        var index = start
        while index < text.count, text[index].isWhitespace { index += 1 }
        return index
    }

    private static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "st", "no", "vs", "etc", "eg", "ie", "e.g", "i.e", "approx", "inc", "ltd", "co",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "prof", "rev", "cllr",
        "supt", "insp", "sgt", "pc", "ch", "det",
    ]

    private static func isAbbreviation(_ text: [Character], dotAt dot: Int) -> Bool {
        var start = dot
        while start > 0, text[start - 1].isLetter || text[start - 1] == "." { start -= 1 }
        let word = String(text[start..<dot]).lowercased()
        if word.count == 1 && word.first!.isLetter { return true }
        return abbreviations.contains(word)
    }
}
