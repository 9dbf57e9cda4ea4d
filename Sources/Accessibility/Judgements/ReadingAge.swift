/// The Flesch-Kincaid grade of a text, turned into a reading age (grade + 5), the measure
/// GOV.UK's readability guidance uses.
struct ReadingAge {
    var words = 0
    var sentences = 0
    var syllables = 0

    mutating func add(_ text: [Character]) {
        let prose = Prose(text)
        for sentence in Sentences.ranges(in: prose) {
            add(sentence: Sentences.words(in: prose, sentence), of: prose)
        }
    }

    /// Adds one sentence, given as its words.
    mutating func add(sentence words: some Collection<Range<Int>>, of prose: Prose) {
        guard !words.isEmpty else { return }
        add(ReadingAge(words: words.count, sentences: 1, syllables: words.reduce(0) { $0 + Self.syllables(in: prose, $1) }))
    }

    mutating func add(_ other: ReadingAge) {
        words += other.words
        sentences += other.sentences
        syllables += other.syllables
    }

    /// Nil when there are fewer than `minimumWords` words: too little text to say.
    func age(minimumWords: Int) -> Double? {
        guard words >= minimumWords, words > 0, sentences > 0 else { return nil }
        let grade = 0.39 * Double(words) / Double(sentences) + 11.8 * Double(syllables) / Double(words) - 15.59
        return max(5, grade + 5)
    }

    static func syllables(in word: ArraySlice<Character>) -> Int {
        let prose = Prose(Array(word))
        return syllables(in: prose, 0..<prose.count)
    }

    static func syllables(in prose: Prose, _ word: Range<Int>) -> Int {
        var count = 0
        var letters = 0
        var previousWasVowel = false
        var last: Unicode.Scalar = " ", beforeLast: Unicode.Scalar = " "
        for index in word where prose.isLetter(index) {
            let letter = lowercaseScalar(prose, index)
            let isVowel = isVowel(letter)
            if isVowel && !previousWasVowel { count += 1 }
            previousWasVowel = isVowel
            beforeLast = last
            last = letter
            letters += 1
        }
        guard letters > 0 else { return 1 }
        // A silent final e: "make", "police" (but not "people", "the").
        if letters > 2, last == "e", beforeLast != "l", count > 1 { count -= 1 }
        return max(1, count)
    }

    // A switch, not a Set: hashing each letter of every word was a visible share of a build.
    private static func isVowel(_ letter: Unicode.Scalar) -> Bool {
        switch letter {
        case "a", "e", "i", "o", "u", "y": true
        default: false
        }
    }

    private static func lowercaseScalar(_ prose: Prose, _ index: Int) -> Unicode.Scalar {
        let scalar = prose.scalar(index)
        if scalar.isASCII { return prose.isUppercase(index) ? Unicode.Scalar(scalar.value + 0x20)! : scalar }
        return prose.character(index).lowercased().unicodeScalars.first ?? scalar
    }
}
