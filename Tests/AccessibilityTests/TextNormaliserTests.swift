import Testing
@testable import Accessibility

/// Link texts and alt texts are compared as lower-cased words, punctuation dropped.
@Suite struct TextNormaliserTests {
    @Test func wordsAreLowerCasedRunsOfLettersAndDigits() {
        #expect(TextNormaliser.words("Click HERE’s  the CAFÉ—now, 2 times!") == ["click", "here's", "the", "café", "now", "2", "times"])
        #expect(TextNormaliser.words("") == [])
        #expect(TextNormaliser.words(" — ... ") == [])
        #expect(TextNormaliser.words("cafe\u{301}") == ["cafe\u{301}"])
    }

    @Test func aPhraseIsItsWordsJoinedBySingleSpaces() {
        let samples = ["Read more", "  Read   MORE…  ", "", "!!!", "Victim Support’s 24/7 line", "Ünïcödé Straße", "a\nb\tc"]
        for sample in samples {
            #expect(TextNormaliser.phrase(sample) == TextNormaliser.words(sample).joined(separator: " "), "\(sample)")
        }
        #expect(TextNormaliser.phrase("  Read   MORE…  ") == "read more")
    }
}
