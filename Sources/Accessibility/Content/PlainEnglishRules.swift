import Foundation
import Core
import Markdown

/// GOV.UK-style plain English advice: long sentences, reading age, capitals, words to avoid.
struct PlainEnglishRules {
    var configuration: LintConfiguration

    func check(_ survey: ContentSurvey) -> [Finding] {
        var findings: [Finding] = []
        var page = ReadingAge()
        var hardest: (age: Double, location: SourceLocation)?
        let avoid = configuration.wordsToAvoid.map { TextNormaliser.words($0) }.filter { !$0.isEmpty }
        for block in survey.blocks {
            let text = block.text
            if case .paragraph = block.node.kind {
                for sentence in Sentences.ranges(in: text.characters) {
                    let count = Sentences.words(in: text.characters[sentence]).count
                    if count > configuration.maximumSentenceWords {
                        findings.append(Finding(
                            .plainSentenceLength,
                            "This sentence has \(count) words; aim for \(configuration.maximumSentenceWords) or fewer.",
                            at: text.location(of: sentence.lowerBound)))
                    }
                }
                page.add(text.characters)
                var paragraph = ReadingAge()
                paragraph.add(text.characters)
                if let age = paragraph.age(minimumWords: 10), age > (hardest?.age ?? 0) {
                    hardest = (age, block.location)
                }
            }
            findings += capitals(in: text)
            findings += wordsToAvoid(avoid, in: text)
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

    private func capitals(in text: InlineText) -> [Finding] {
        var findings: [Finding] = []
        let words = Sentences.words(in: text.characters[...])
        var run: [Range<Int>] = []
        func flush() {
            if run.count >= configuration.capitalsRun {
                findings.append(Finding(
                    .plainCapitals, "\(run.count) words in a row are in capital letters.", at: text.location(of: run[0].lowerBound)))
            }
            run = []
        }
        for word in words {
            let letters = text.characters[word].filter(\.isLetter)
            // Numbers and single capitals ("999", "A", "I") neither make nor break a run.
            if letters.count < 2 && letters.allSatisfy(\.isUppercase) && !text.isCode(at: word.lowerBound) { continue }
            if letters.allSatisfy(\.isUppercase), !text.isCode(at: word.lowerBound) {
                run.append(word)
            } else {
                flush()
            }
        }
        flush()
        return findings
    }

    private func wordsToAvoid(_ avoid: [[String]], in text: InlineText) -> [Finding] {
        guard !avoid.isEmpty else { return [] }
        let ranges = Sentences.words(in: text.characters[...])
        let words = ranges.map { String(text.characters[$0]).lowercased().replacingOccurrences(of: "’", with: "'") }
        var findings: [Finding] = []
        for (index, range) in ranges.enumerated() where !text.isCode(at: range.lowerBound) {
            for phrase in avoid where index + phrase.count <= words.count && Array(words[index..<index + phrase.count]) == phrase {
                let written = String(text.characters[range.lowerBound..<ranges[index + phrase.count - 1].upperBound])
                findings.append(Finding(
                    .plainWordsToAvoid, "\"\(written)\" is on the site's list of words to avoid.", at: text.location(of: range.lowerBound)))
            }
        }
        return findings
    }
}
