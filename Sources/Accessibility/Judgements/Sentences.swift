/// Splits prose into sentences and words, well enough to count them.
enum Sentences {
    /// The sentences of `text` as ranges of character offsets, leading spaces left out.
    static func ranges(in text: [Character]) -> [Range<Int>] { ranges(in: Prose(text)) }

    static func ranges(in text: Prose) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = skipSpaces(text, from: 0)
        var index = start
        while index < text.count {
            let character = text.scalar(index)
            guard character == "." || character == "!" || character == "?" else {
                index += 1
                continue
            }
            var end = index + 1
            while end < text.count, isCloser(text.scalar(end)) { end += 1 }
            let next = skipSpaces(text, from: end)
            let followedBySpace = end == text.count || text.isWhitespace(end)
            let startsAnother = next == text.count || text.isUppercase(next) || text.isNumber(next) || isOpener(text.scalar(next))
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
            while end > start, text.isWhitespace(end - 1) { end -= 1 }
            if end > start { result.append(start..<end) }
        }
        return result
    }

    /// Each sentence's words, taken from the words of the whole text rather than found again:
    /// no word crosses a sentence's end, which is punctuation then a space or the end of the text
    /// (a test checks this against `words(in:_:)` for each sentence).
    static func words(_ words: [Range<Int>], by sentences: [Range<Int>]) -> [ArraySlice<Range<Int>>] {
        var result: [ArraySlice<Range<Int>>] = []
        result.reserveCapacity(sentences.count)
        var next = 0
        for sentence in sentences {
            while next < words.count, words[next].lowerBound < sentence.lowerBound { next += 1 }
            var end = next
            while end < words.count, words[end].upperBound <= sentence.upperBound { end += 1 }
            result.append(words[next..<end])
            next = end
        }
        return result
    }

    /// The words of a stretch of text: runs of letters and digits (with inner apostrophes and hyphens).
    static func words(in text: ArraySlice<Character>) -> [Range<Int>] {
        let prose = Prose(Array(text))
        return words(in: prose, 0..<prose.count).map { ($0.lowerBound + text.startIndex)..<($0.upperBound + text.startIndex) }
    }

    static func words(in text: Prose, _ range: Range<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var wordStart: Int?
        var index = range.lowerBound
        while index < range.upperBound {
            let inWord = text.isLetterOrNumber(index)
                || (wordStart != nil && isJoiner(text.scalar(index))
                    && index + 1 < range.upperBound && text.isLetterOrNumber(index + 1))
            if inWord {
                if wordStart == nil { wordStart = index }
            } else if let start = wordStart {
                result.append(start..<index)
                wordStart = nil
            }
            index += 1
        }
        if let start = wordStart { result.append(start..<range.upperBound) }
        return result
    }

    // Asked of every character between words: a switch, where a set would hash each one.
    private static func isJoiner(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "'", "’", "-": true
        default: false
        }
    }

    private static func isCloser(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\"", "'", ")", "]", "’", "”": true
        default: false
        }
    }

    private static func isOpener(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\"", "'", "(", "[", "‘", "“": true
        default: false
        }
    }

    private static func skipSpaces(_ text: Prose, from start: Int) -> Int {
        var index = start
        while index < text.count, text.isWhitespace(index) { index += 1 }
        return index
    }

    private static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "st", "no", "vs", "etc", "eg", "ie", "e.g", "i.e", "approx", "inc", "ltd", "co",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "prof", "rev", "cllr",
        "supt", "insp", "sgt", "pc", "ch", "det",
    ]

    private static func isAbbreviation(_ text: Prose, dotAt dot: Int) -> Bool {
        var start = dot
        while start > 0, text.isLetter(start - 1) || text.scalar(start - 1) == "." { start -= 1 }
        if dot - start == 1 && text.isLetter(start) { return true }
        guard dot - start <= 6 else { return false }   // longer than any abbreviation listed
        return abbreviations.contains(text.lowercased(start..<dot))
    }
}
