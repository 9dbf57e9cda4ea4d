import Core
import Testing
@testable import Markdown

@Suite struct UnreadLinksTests {
    /// The pipeline's diagnostics for `text` as the body of a page whose body starts on line 5.
    func errors(_ text: String) -> [Diagnostic] { findings(text).filter { $0.severity == .error } }

    func findings(_ text: String) -> [Diagnostic] {
        MarkdownPipeline().run(text, firstLine: 5, file: "content/news/a.md").diagnostics
    }

    @Test func anAddressWithSpacesIsReportedAtItsBracket() throws {
        let found = errors("Read [the copy](District Days Copy.md) today.\n")
        let error = try #require(found.first)
        #expect(found.count == 1)
        #expect(error.location == SourceLocation(file: "content/news/a.md", line: 5, column: 6))
        #expect(error.message == "this link is shown as typed: its address has a space in it")
        #expect(error.hint == "Put the address in angle brackets, [words](<District Days Copy.md>), or rename the file without spaces.")
        #expect(error.sourceLine == "Read [the copy](District Days Copy.md) today.")
    }

    @Test func followingTheHintMakesALink() {
        #expect(errors("Read [the copy](<District Days Copy.md>) today.\n").isEmpty)
    }

    @Test func aSpaceBetweenTheBracketsIsAWarning() throws {
        let found = findings("Intro line.\nSee [the news] (district-days.md) for more.\n")
        let error = try #require(found.first)
        #expect(found.count == 1)
        #expect(error.severity == .warning)
        #expect(error.location == SourceLocation(file: "content/news/a.md", line: 6, column: 5))
        #expect(error.message.hasSuffix("there is a space between `]` and `(`"))
        #expect(error.hint == "Remove the space: [words](district-days.md).")
    }

    @Test func anUnclosedAddressIsReported() {
        let found = errors("Go to [x](district-days.md and more\n")
        #expect(found.map(\.message) == ["this link is shown as typed: its address has no closing `)`"])
        #expect(found.first?.location?.column == 7)
    }

    @Test func anUndefinedReferenceIsAWarning() {
        let found = findings("Read [the plan][plan] now.\n")
        #expect(found.map(\.message) == ["this link is shown as typed: the page does not define [plan]"])
        #expect(found.map(\.severity) == [.warning])
        #expect(findings("Read [the plan][plan] now.\n\n[plan]: plan.md\n").isEmpty)
    }

    @Test func theColumnCountsUnicodeScalarsAsEveryOtherReportDoes() {
        // Five scalars, one character: the same column the link rules give.
        let found = errors("👩‍👩‍👧 Read [a](b c.md).\n")
        #expect(found.first?.location?.column == 12)
    }

    @Test func aLongLineOfBracketsIsReadInOnePassAndReportedAFewTimes() {
        let line = String(repeating: "x](", count: 50_000) + "\n"
        #expect(UnreadLinks.problems(in: .init(text: Array(line), line: 1, column: 1)).count == 50_000)
        #expect(errors(line).count == UnreadLinks.mostPerParagraph)
    }

    @Test func anImageIsCalledAnImage() {
        let found = errors("![A map of the county](county map.png)\n")
        #expect(found.map(\.message) == ["this image is shown as typed: its address has a space in it"])
        #expect(found.first?.location?.column == 2)
    }

    @Test func theColumnIsFoundOnTheFileLinePastEscapesAndEmphasis() {
        // The run after the emphasis starts at `](`; escapes shorten the text before it.
        let found = errors("A \\[note\\] and *some* [more](a b.md).\n")
        #expect(found.count == 1)
        #expect(found.first?.location?.column == 23)
    }

    @Test func linksInListsTablesAndHeadingsAreChecked() {
        #expect(errors("- [one](a b.md)\n").count == 1)
        #expect(errors("## See [two](a b.md)\n").count == 1)
        #expect(errors("| A | B |\n| --- | --- |\n| [three](a b.md) | x |\n").count == 1)
    }

    @Test(arguments: [
        "A leaflet [PDF] (2 MB) is coming.",
        "The precept for [Band D] (2024/25) rises by £13.",
        "Police and Crime Plan [PDF] (1.2MB)",
        "[Redacted] (s.40)",
        "Meeting [cancelled] (10:30)",
        "Cambridgeshire Constabulary[1][2] serves the county.",
        "See note [3][a] below.",
        "The survey [see below] (in 2023) found more.",
        "He said [sic] that it was late.",
        "Real links: [the plan](plan.md), [the news][news].\n\n[news]: news.md",
        "Code is fine: `[a](b c)` and `[x] (y.md)`.",
        "Brackets alone [like this] and a bracket ] on its own.",
        "A square bracket at the end [",
    ])
    func proseAndRealLinksAreLeftAlone(_ text: String) {
        #expect(findings(text + "\n").isEmpty, "\(text)")
    }

    @Test(arguments: ["(plan.md)", "(../news/a.md#top)", "(https://example.org)", "(leaflet.pdf)", "(mailto:office@example.org)", "(#contact)"])
    func aSpaceBeforeAnAddressIsReported(_ address: String) {
        #expect(findings("See [the page] \(address) now.\n").map(\.severity) == [.warning], "\(address)")
    }
}
