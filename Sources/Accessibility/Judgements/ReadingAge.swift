/// The Flesch-Kincaid grade of a text, turned into a reading age (grade + 5), the measure
/// GOV.UK's readability guidance uses.
struct ReadingAge {
    var words = 0
    var sentences = 0
    var syllables = 0

    mutating func add(_ text: [Character]) {
        for sentence in Sentences.ranges(in: text) {
            let words = Sentences.words(in: text[sentence])
            guard !words.isEmpty else { continue }
            sentences += 1
            self.words += words.count
            for word in words { syllables += Self.syllables(in: text[word]) }
        }
    }

    /// Nil when there are fewer than `minimumWords` words: too little text to say.
    func age(minimumWords: Int) -> Double? {
        guard words >= minimumWords, words > 0, sentences > 0 else { return nil }
        let grade = 0.39 * Double(words) / Double(sentences) + 11.8 * Double(syllables) / Double(words) - 15.59
        return max(5, grade + 5)
    }

    static func syllables(in word: ArraySlice<Character>) -> Int {
        let letters = word.filter(\.isLetter).map { Character($0.lowercased()) }
        guard !letters.isEmpty else { return 1 }
        let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y"]
        var count = 0
        var previousWasVowel = false
        for letter in letters {
            let isVowel = vowels.contains(letter)
            if isVowel && !previousWasVowel { count += 1 }
            previousWasVowel = isVowel
        }
        // A silent final e: "make", "police" (but not "people", "the").
        if letters.count > 2, letters.last == "e", letters[letters.count - 2] != "l", count > 1 { count -= 1 }
        return max(1, count)
    }
}
