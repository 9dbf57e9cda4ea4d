import Testing
import TestSupport
@testable import Accessibility

/// Prose reads ASCII text a byte at a time; it must come out exactly as character by character.
@Suite struct ProseTests {
    static let samples = [
        "", "Report a crime", "Call 999 in an emergency.", "tab\there", "line\nbreak", "crlf\r\nline", "lone\rcarriage",
        "café", "cafe\u{301}", "e\u{301}", "a\u{200D}b", "👩‍👩‍👧 family", "🇬🇧 flag", "Ünïcödé CAPITALS", "’quoted’",
        "ends with combining e\u{301}", "\r\n", "\r", "A\r\nB\rC\nD",
    ]

    static func byCharacter(_ text: String) -> Prose { Prose(Array(text)) }

    static func byText(_ pieces: [String]) -> Prose {
        var prose = Prose()
        for piece in pieces { prose.append(contentsOf: piece) }
        return prose
    }

    static func same(_ a: Prose, _ b: Prose) -> Bool {
        a.characters == b.characters && a.scalars == b.scalars && a.flags.map(\.rawValue) == b.flags.map(\.rawValue)
    }

    @Test func eachSampleReadsAsItsCharacters() {
        for text in Self.samples {
            let prose = Self.byText([text])
            #expect(Self.same(prose, Self.byCharacter(text)), "\(text.debugDescription)")
            #expect(prose.count == text.count)
        }
    }

    @Test func piecesAppendAsSeparateRuns() {
        // Each piece is read on its own, as InlineText gathers a block's text nodes.
        for first in Self.samples {
            for second in Self.samples {
                let joined = Self.byText([first, second])
                let expected = Prose(Array(first) + Array(second))
                #expect(Self.same(joined, expected), "\(first.debugDescription) + \(second.debugDescription)")
            }
        }
    }

    /// Only characters that are not one ASCII scalar are kept whole; any stretch comes back as
    /// the text it was, and its columns count its scalars.
    @Test func anyStretchComesBackAsWritten() {
        for first in Self.samples {
            for second in Self.samples {
                let prose = Self.byText([first, second])
                let characters = Array(first) + Array(second)
                #expect(prose.characters == characters, "\(first.debugDescription) + \(second.debugDescription)")
                for start in 0...characters.count {
                    for end in start...characters.count {
                        let expected = String(characters[start..<end])
                        #expect(prose.text(start..<end).unicodeScalars.elementsEqual(expected.unicodeScalars))
                        #expect(prose.scalarCount(start..<end) == expected.unicodeScalars.count)
                    }
                }
            }
        }
    }

    @Test func asciiIsClassifiedByItsByte() {
        let prose = Self.byText(["Aa9 \t."])
        #expect(prose.isLetter(0) && prose.isUppercase(0))
        #expect(prose.isLetter(1) && !prose.isUppercase(1))
        #expect(prose.isNumber(2) && !prose.isLetter(2))
        #expect(prose.isWhitespace(3) && prose.isWhitespace(4))
        #expect(!prose.isLetterOrNumber(5) && !prose.isWhitespace(5))
    }
}

/// The contrast walk's quick questions about a text agree with asking Unicode character by character.
@Suite struct ContrastTextQuestionTests {
    static let samples = [
        "", " ", " \t\n\r ", "a", " a ", "9", "!", " ... ", "\u{00A0}", "\u{2003}x", "é", "e\u{301}", "—", "£5", "\r\n",
        "Report it", "  \n  ", "\u{85}", "«»", "x\u{301}y", "!\u{301}", "١٢٣",
    ]

    @Test func nonWhitespaceAgreesWithUnicode() {
        for text in Self.samples {
            #expect(ContrastEngine.hasNonWhitespace(text) == text.unicodeScalars.contains { !$0.properties.isWhitespace },
                    "\(text.debugDescription)")
        }
    }

    @Test func letterOrDigitAgreesWithCharacters() {
        for text in Self.samples {
            for other in Self.samples {
                let joined = text + other
                #expect(ContrastEngine.hasLetterOrDigit(joined) == joined.contains { $0.isLetter || $0.isNumber },
                        "\(joined.debugDescription)")
            }
        }
    }
}

/// A paragraph's sentences take their words from the words of the whole block: for any text,
/// each sentence gets exactly the words a search of that sentence alone finds.
@Suite struct SentenceWordsTests {
    static let pieces = ["Report", "it", "now", ".", "!", "?", " ", "  ", "\n", "'", "’", "-", "\"", "(", ")", "e.g.", "Dr.",
                         "999", "it's", "dogs'", "well-being", "café", "e\u{301}", "—", "…", "A", "Z.", "\u{00A0}"]

    @Test func eachSentenceGetsTheWordsFoundInIt() {
        var generator = SplitMix64(seed: 7)
        var texts = ["", "One. Two! Three? four", "He said 'go.' Then we went.", "Dogs'. Next", "end- Next. a-b.", "1.5 m. 2.5 m."]
        for _ in 0..<3_000 {
            texts.append((0..<Int.random(in: 1...24, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator)! }.joined())
        }
        for text in texts {
            let prose = Prose(Array(text))
            let sentences = Sentences.ranges(in: prose)
            let split = Sentences.words(Sentences.words(in: prose, 0..<prose.count), by: sentences)
            #expect(split.map(Array.init) == sentences.map { Sentences.words(in: prose, $0) }, "\(text.debugDescription)")
        }
    }
}
