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

    /// ASCII text takes a path of its own, by byte: it gives what the scalar path gives for
    /// every printable ASCII character alone, between letters and doubled, and for nothing else.
    @Test func theASCIIPathGivesTheWordsJoined() {
        let printable = (0x00...0x7F).map { String(UnicodeScalar(UInt8($0))) }
        var samples = printable.flatMap { [$0, "a\($0)b", "\($0)\($0)", " Q\($0)9 \($0)"] }
        samples += ["Read more", "  Read   MORE  ", "", "!!!", "Victim Support's 24/7 line", "a\nb\tc", "'quoted' words'"]
        for sample in samples {
            #expect(TextNormaliser.asciiPhrase(sample) == TextNormaliser.words(sample).joined(separator: " "), "\(sample.debugDescription)")
        }
        #expect(TextNormaliser.asciiPhrase("café") == nil)
        #expect(TextNormaliser.asciiPhrase("Victim Support’s") == nil)
    }
}
