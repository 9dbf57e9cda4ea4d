import Foundation
import Core
import Markdown
import Synchronization

/// GOV.UK-style plain English advice: long sentences, reading age, capitals, words to avoid.
struct PlainEnglishRules {
    var configuration: LintConfiguration

    func check(_ survey: ContentSurvey) -> [Finding] {
        var findings: [Finding] = []
        var page = ReadingAge()
        var hardest: (age: Double, location: SourceLocation)?
        let phrases = PhrasesToAvoid.made(from: configuration.wordsToAvoid)
        let avoid = phrases.byFirstWord, starts = phrases.starts
        for block in survey.blocks {
            let text = block.text
            let prose = text.prose
            let words = Sentences.words(in: prose, 0..<prose.count)
            if case .paragraph = block.node.kind {
                var paragraph = ReadingAge()
                let sentences = Sentences.ranges(in: prose)
                for (sentence, words) in zip(sentences, Sentences.words(words, by: sentences)) {
                    if words.count > configuration.maximumSentenceWords {
                        findings.append(Finding(
                            .plainSentenceLength,
                            "This sentence has \(words.count) words; aim for \(configuration.maximumSentenceWords) or fewer.",
                            at: text.location(of: sentence.lowerBound)))
                    }
                    paragraph.add(sentence: words, of: prose)
                }
                page.add(paragraph)
                if let age = paragraph.age(minimumWords: 10), age > (hardest?.age ?? 0) {
                    hardest = (age, block.location)
                }
            }
            findings += capitals(in: text, words: words)
            findings += wordsToAvoid(avoid, starts: starts, in: text, words: words)
        }
        if let age = page.age(minimumWords: 30), age.rounded() > Double(configuration.readingAgeTarget) {
            let place = hardest?.location ?? survey.documentLocation
            let hardestNote = hardest.map { " The hardest paragraph, here, reads at about \(Int($0.age.rounded()))." } ?? ""
            findings.append(Finding(
                .plainReadingAge,
                "The page's estimated reading age is \(Int(age.rounded())), above the target of \(configuration.readingAgeTarget).\(hardestNote)",
                at: place))
        }
        return findings
    }

    private func capitals(in text: InlineText, words: [Range<Int>]) -> [Finding] {
        var findings: [Finding] = []
        let prose = text.prose
        var run: [Range<Int>] = []
        func flush() {
            if run.count >= configuration.capitalsRun {
                findings.append(Finding(
                    .plainCapitals, "\(run.count) words in a row are in capital letters.", at: text.location(of: run[0].lowerBound)))
            }
            run = []
        }
        for word in words {
            var letters = 0
            var allUppercase = true
            for index in word where prose.isLetter(index) {
                letters += 1
                if !prose.isUppercase(index) { allUppercase = false }
            }
            // Numbers and single capitals ("999", "A", "I") neither make nor break a run.
            if letters < 2 && allUppercase && !text.isCode(at: word.lowerBound) { continue }
            if allUppercase, !text.isCode(at: word.lowerBound) {
                run.append(word)
            } else {
                flush()
            }
        }
        flush()
        return findings
    }

    /// `avoid`: the phrases to avoid, as words, by their first word.
    /// - Parameter starts: which words could start a phrase to avoid: only those are lower-cased
    ///   (lower-casing every word of every page was a third of the plain English checks).
    private func wordsToAvoid(_ avoid: [String: [[String]]], starts: PhraseStarts, in text: InlineText,
                              words ranges: [Range<Int>]) -> [Finding] {
        guard !avoid.isEmpty else { return [] }
        let prose = text.prose
        var lowered = [String?](repeating: nil, count: ranges.count)
        func word(_ index: Int) -> String {
            if let known = lowered[index] { return known }
            let made = prose.lowercased(ranges[index])
            lowered[index] = made
            return made
        }
        func mayStartAPhrase(_ range: Range<Int>) -> Bool {
            guard !range.isEmpty else { return true }
            let first = range.lowerBound
            return starts.mayStart(first: prose.isASCII(first) ? prose.scalar(first) : nil, length: range.count)
        }
        var findings: [Finding] = []
        for (index, range) in ranges.enumerated() where !text.isCode(at: range.lowerBound) && mayStartAPhrase(range) {
            for phrase in avoid[word(index)] ?? [] where index + phrase.count <= ranges.count
                && phrase.indices.allSatisfy({ word(index + $0) == phrase[$0] }) {
                let written = text.text(range.lowerBound..<ranges[index + phrase.count - 1].upperBound)
                findings.append(Finding(
                    .plainWordsToAvoid, "\"\(written)\" is on the site's list of words to avoid.", at: text.location(of: range.lowerBound)))
            }
        }
        return findings
    }
}

/// The site's words to avoid as phrases of words, by their first word. Made once per list, not
/// once per page: every page of a build asks with the same list.
struct PhrasesToAvoid: Sendable {
    let byFirstWord: [String: [[String]]]
    let starts: PhraseStarts

    init(_ list: [String]) {
        byFirstWord = Dictionary(grouping: list.map { TextNormaliser.words($0) }.filter { !$0.isEmpty }, by: { $0[0] })
        starts = PhraseStarts(byFirstWord.keys)
    }

    private static let last = Mutex<(list: [String], phrases: PhrasesToAvoid)?>(nil)

    /// The phrases of `list`, made again only when the list is not the one asked for last.
    static func made(from list: [String]) -> PhrasesToAvoid {
        if let known = last.withLock({ $0 }), known.list == list { return known.phrases }
        let phrases = PhrasesToAvoid(list)
        last.withLock { $0 = (list, phrases) }
        return phrases
    }
}

/// The first letters and lengths of the phrases to avoid, as a table of bits: a word whose
/// first character is ASCII is looked up only when a phrase starts with that letter (in either
/// case) and has that many characters.
struct PhraseStarts: Sendable {
    /// Bit `n` of entry `b`: a first word of `n` characters (63 for 63 or more) starts with byte `b`.
    private var ascii = [UInt64](repeating: 0, count: 128)

    init(_ firstWords: some Sequence<String>) {
        // A word whose first character is not one ASCII scalar is always looked up, so only
        // phrases that start with one need a bit.
        for word in firstWords {
            guard let first = word.unicodeScalars.first, first.isASCII else { continue }
            let bit = UInt64(1) << min(word.count, 63)
            ascii[Int(first.value)] |= bit
            if ("a"..."z").contains(first) { ascii[Int(first.value) - 0x20] |= bit }
        }
    }

    /// Whether a word of `length` characters may start a phrase, given its first character if
    /// that is one ASCII scalar (nil for any other character).
    func mayStart(first: Unicode.Scalar?, length: Int) -> Bool {
        guard let first else { return true }
        return ascii[Int(first.value)] & (UInt64(1) << min(length, 63)) != 0
    }
}
