import Core
import Markdown
import Testing
@testable import Accessibility

/// The content rules on hand-built Markdown trees: each rule fails where it should, at the
/// Markdown line and column, and passes where it should.
@Suite struct ContentRuleTests {
    let file = "content/report/online.md"

    func lint(_ document: Node, _ configuration: LintConfiguration = LintConfiguration()) -> [Spot] {
        Linter(configuration: configuration).lintContent(document, file: file).spots
    }

    func only(_ rule: String, _ spots: [Spot]) -> [Spot] { spots.filter { $0.rule == rule } }

    // MARK: Headings

    @Test func emptyHeading() {
        let document = MD.document(MD.heading(2, line: 5), MD.heading(2, line: 7, MD.text("Online", 7, 4)))
        #expect(lint(document) == [Spot("heading-empty", 5, 1)])
    }

    @Test func headingOfOnlyAnImageWithoutAlt() {
        let bare = MD.document(MD.heading(2, line: 5, MD.image("crest.png", alt: "", decorative: true, 5, 4)))
        #expect(lint(bare) == [Spot("heading-image-only", 5, 1)])
        let named = MD.document(MD.heading(2, line: 5, MD.image("crest.png", alt: "Our partners", 5, 4)))
        #expect(lint(named) == [])
    }

    @Test func skippedLevelsCountFromTheTemplatesH1() {
        let skipsFromTitle = MD.document(MD.heading(3, line: 4, MD.text("Online", 4, 5)))
        #expect(lint(skipsFromTitle) == [Spot("heading-order", 4, 1)])
        let skipsInside = MD.document(
            MD.heading(2, line: 4, MD.text("Ways", 4, 4)),
            MD.heading(4, line: 8, MD.text("Online", 8, 6)),
            MD.heading(2, line: 12, MD.text("Back up", 12, 4)),
            MD.heading(3, line: 14, MD.text("Fine", 14, 5)))
        #expect(lint(skipsInside) == [Spot("heading-order", 8, 1)])
        // A template whose last heading before the content is an h2 allows content to start at h3.
        #expect(lint(skipsFromTitle, LintConfiguration(headingContext: 2)) == [])
    }

    @Test func aSecondH1InContent() {
        let document = MD.document(MD.heading(1, line: 3, MD.text("Report", 3, 3)))
        #expect(lint(document) == [Spot("heading-single-h1", 3, 1)])
        // Content that must bring its own h1 (no template heading) may have one, not two.
        let own = LintConfiguration(headingContext: 0)
        #expect(lint(document, own) == [])
        let two = MD.document(MD.heading(1, line: 3, MD.text("A", 3, 3)), MD.heading(1, line: 5, MD.text("B", 5, 3)))
        #expect(lint(two, own) == [Spot("heading-single-h1", 5, 1)])
        #expect(lint(MD.document(MD.paragraph(line: 3, MD.text("No heading.", 3, 1))), own) == [Spot("heading-single-h1", 1, 1)])
    }

    @Test func boldParagraphStandingInForAHeading() {
        let document = MD.document(
            MD.paragraph(line: 5, MD.strong(5, 1, MD.text("Opening hours", 5, 3))),
            MD.paragraph(line: 7, MD.strong(7, 1, MD.text("Call 999 now.", 7, 3))),
            MD.paragraph(line: 9, MD.strong(9, 1, MD.text("Note", 9, 3)), MD.text(" that lines close at 5pm", 9, 9)),
            MD.list(line: 11, MD.item(line: 11, MD.paragraph(line: 11, column: 3, MD.strong(11, 3, MD.text("Phone", 11, 5))))))
        #expect(lint(document) == [Spot("heading-bold-paragraph", 5, 1)])
    }

    // MARK: Images

    @Test func missingAltUnlessDecorative() {
        let document = MD.document(
            MD.paragraph(line: 3, MD.image("station.jpg", alt: "", 3, 1)),
            MD.paragraph(line: 5, MD.image("divider.png", alt: "", decorative: true, 5, 1)))
        #expect(lint(document) == [Spot("img-alt-missing", 3, 1)])
    }

    @Test func altTextThatDescribesNothing() {
        let document = MD.document(
            MD.paragraph(line: 3, MD.image("a.jpg", alt: "station.jpg", 3, 1)),
            MD.paragraph(line: 5, MD.image("a.jpg", alt: "https://example.org/a.jpg", 5, 1)),
            MD.paragraph(line: 7, MD.image("a.jpg", alt: "IMG_2041", 7, 1)),
            MD.paragraph(line: 9, MD.image("a.jpg", alt: "Photo", 9, 1)),
            MD.paragraph(line: 11, MD.image("a.jpg", alt: "an image", 11, 1)),
            MD.paragraph(line: 13, MD.image("a.jpg", alt: "Picture of the new station", 13, 1)),
            MD.paragraph(line: 15, MD.image("a.jpg", alt: String(repeating: "A long description. ", count: 9), 15, 1)),
            MD.paragraph(line: 17, MD.image("a.jpg", alt: "The commissioner at the new station", 17, 1)))
        #expect(lint(document) == [
            Spot("img-alt-filename", 3, 1), Spot("img-alt-filename", 5, 1), Spot("img-alt-filename", 7, 1),
            Spot("img-alt-generic", 9, 1), Spot("img-alt-generic", 11, 1), Spot("img-alt-redundant-prefix", 13, 1),
            Spot("img-alt-long", 15, 1),
        ])
    }

    @Test func altRepeatingTheTextOrCaptionBesideIt() {
        let caption = MD.document(
            MD.paragraph(line: 3, MD.image("hub.jpg", alt: "The commissioner opens the hub", 3, 1)),
            MD.paragraph(line: 5, MD.text("The commissioner opens the hub.", 5, 1)))
        #expect(lint(caption) == [Spot("img-alt-repeats-text", 3, 1)])
        let title = MD.document(MD.paragraph(
            line: 3, MD.image("hub.jpg", alt: "Opening day", title: "Opening day", 3, 1)))
        #expect(lint(title) == [Spot("img-alt-repeats-text", 3, 1)])
        let different = MD.document(
            MD.paragraph(line: 3, MD.image("hub.jpg", alt: "A crowd outside a glass building", 3, 1)),
            MD.paragraph(line: 5, MD.text("The commissioner opens the hub.", 5, 1)))
        #expect(lint(different) == [])
    }

    @Test func imageThatIsALinksOnlyContentNamesTheDestination() {
        let unnamed = MD.document(MD.paragraph(line: 3, MD.link("/report/", 3, 1, MD.image("r.png", alt: "", 3, 2))))
        #expect(lint(unnamed) == [Spot("img-link-alt", 3, 2)])
        let decorative = MD.document(MD.paragraph(line: 3, MD.link("/report/", 3, 1, MD.image("r.png", alt: "", decorative: true, 3, 2))))
        #expect(lint(decorative) == [Spot("img-link-alt", 3, 2)])
        let named = MD.document(MD.paragraph(line: 3, MD.link("/report/", 3, 1, MD.image("r.png", alt: "Report a crime online", 3, 2))))
        #expect(lint(named) == [])
    }

    // MARK: Links

    @Test func emptyLink() {
        let document = MD.document(MD.paragraph(line: 3, MD.text("See ", 3, 1), MD.link("/contact/", 3, 5)))
        #expect(lint(document) == [Spot("link-empty", 3, 5)])
    }

    @Test func vagueLinkText() {
        let document = MD.document(
            MD.paragraph(line: 3, MD.link("/a/", 3, 1, MD.text("Click here", 3, 2))),
            MD.paragraph(line: 4, MD.link("/b/", 4, 1, MD.text("Read more…", 4, 2))),
            MD.paragraph(line: 5, MD.link("/c/", 5, 1, MD.text("here", 5, 2))),
            MD.paragraph(line: 6, MD.link("https://example.org/x", 6, 1, MD.text("https://example.org/x", 6, 2))),
            MD.paragraph(line: 7, MD.link("https://www.cambs.police.uk/", 7, 1, MD.text("www.cambs.police.uk", 7, 2))),
            MD.paragraph(line: 8, MD.link("mailto:a@b.org", 8, 1, MD.text("a@b.org", 8, 2))),
            MD.paragraph(line: 9, MD.link("/d/", 9, 1, MD.text("Read the annual report", 9, 2))))
        #expect(lint(document) == [
            Spot("link-text-vague", 3, 1), Spot("link-text-vague", 4, 1), Spot("link-text-vague", 5, 1),
            Spot("link-text-vague", 6, 1), Spot("link-text-vague", 7, 1),
        ])
    }

    @Test func sameTextToDifferentPlaces() {
        let document = MD.document(
            MD.paragraph(line: 3, MD.link("/reports/2022.pdf", 3, 1, MD.text("Annual report", 3, 2))),
            MD.paragraph(line: 5, MD.link("/reports/2022.pdf/", 5, 1, MD.text("annual report", 5, 2))),
            MD.paragraph(line: 7, MD.link("/reports/2023.pdf", 7, 1, MD.text("Annual report", 7, 2))))
        #expect(lint(document) == [Spot("link-text-ambiguous", 7, 1)])
    }

    // MARK: Plain English

    @Test func longSentencesPointAtTheSentence() {
        let long = (1...26).map { "Word\($0)" }.joined(separator: " ") + "."
        let text = "Short one. " + long + " Another short one."
        let document = MD.document(MD.paragraph(line: 6, MD.text(text, 6, 1)))
        #expect(only("plain-sentence-length", lint(document)) == [Spot("plain-sentence-length", 6, 12)])
        let justUnder = (1...25).map { "w\($0)" }.joined(separator: " ") + "."
        #expect(only("plain-sentence-length", lint(MD.document(MD.paragraph(line: 6, MD.text(justUnder, 6, 1))))) == [])
    }

    @Test func sentencePositionsFollowTextNodesAcrossLines() {
        // "First line ends here. Then" / second line, after a soft break.
        let second = (1...26).map { "W\($0)" }.joined(separator: " ") + "."
        let document = MD.document(MD.paragraph(
            line: 10, MD.text("Short sentence here.", 10, 1), MD.softBreak, MD.text(second, 11, 3)))
        #expect(only("plain-sentence-length", lint(document)) == [Spot("plain-sentence-length", 11, 3)])
    }

    @Test func abbreviationsDoNotEndSentences() {
        let text = "Contact Dr. Smith, e.g. by phone, on weekdays."
        #expect(Sentences.ranges(in: Array(text)).count == 1)
        #expect(Sentences.ranges(in: Array("One. Two! Three? four")).count == 3)
    }

    @Test func readingAgeAboveTheTarget() {
        let hard = "Organisational accountability necessitates comprehensive institutional transparency regarding operational expenditure. "
            + "Consequently, stakeholders anticipate systematic evaluation of commissioning arrangements and procurement methodologies."
        let easy = "We help you. Call us on 101. We are here all day. You can talk to us. We will listen to you. "
            + "We can send help. It is free to call. Tell us what you saw."
        let document = MD.document(
            MD.paragraph(line: 3, MD.text(easy, 3, 1)),
            MD.paragraph(line: 5, MD.text(hard, 5, 1)))
        #expect(only("plain-reading-age", lint(document)) == [Spot("plain-reading-age", 5, 1)])
        let calm = MD.document(MD.paragraph(line: 3, MD.text(easy + " " + easy, 3, 1)))
        #expect(only("plain-reading-age", lint(calm)) == [])
        #expect(only("plain-reading-age", lint(document, LintConfiguration(readingAgeTarget: 30))) == [])
    }

    @Test func readingAgeNeedsEnoughText() {
        let document = MD.document(MD.paragraph(line: 3, MD.text("Institutional accountability necessitates transparency.", 3, 1)))
        #expect(only("plain-reading-age", lint(document)) == [])
    }

    @Test func longPassagesInCapitals() {
        let document = MD.document(
            MD.paragraph(line: 4, MD.text("Please note: CALL 999 IF YOU ARE IN DANGER NOW.", 4, 1)),
            MD.paragraph(line: 6, MD.text("The PCC and CPS and NHS work together.", 6, 1)))
        #expect(only("plain-capitals", lint(document)) == [Spot("plain-capitals", 4, 14)])
    }

    @Test func wordsToAvoidAreMatchedWholeAndCaseInsensitively() {
        let document = MD.document(MD.paragraph(line: 2, MD.text("We will Deliver a robust plan, not a deliverable.", 2, 1)))
        #expect(only("plain-words-to-avoid", lint(document)) == [Spot("plain-words-to-avoid", 2, 9), Spot("plain-words-to-avoid", 2, 19)])
        let custom = LintConfiguration(wordsToAvoid: ["in order to", "plan"])
        let phrase = MD.document(MD.paragraph(line: 2, MD.text("We met in order to plan.", 2, 1)))
        #expect(only("plain-words-to-avoid", lint(phrase, custom)) == [Spot("plain-words-to-avoid", 2, 8), Spot("plain-words-to-avoid", 2, 20)])
        #expect(only("plain-words-to-avoid", lint(phrase, LintConfiguration(wordsToAvoid: []))) == [])
    }

    /// The phrases are made once per list: a second list, and the first again, each get their own.
    @Test func eachListOfWordsToAvoidIsItsOwn() {
        let document = MD.document(MD.paragraph(line: 2, MD.text("We plan to deliver.", 2, 1)))
        let plan = LintConfiguration(wordsToAvoid: ["plan"]), deliver = LintConfiguration(wordsToAvoid: ["deliver"])
        for _ in 0..<2 {
            #expect(only("plain-words-to-avoid", lint(document, plan)) == [Spot("plain-words-to-avoid", 2, 4)])
            #expect(only("plain-words-to-avoid", lint(document, deliver)) == [Spot("plain-words-to-avoid", 2, 12)])
        }
    }

    /// Words are only lower-cased when they could start a phrase to avoid: capitals, letters
    /// beyond ASCII and a curly apostrophe still match.
    @Test func wordsToAvoidStartingWithAnyLetter() {
        let custom = LintConfiguration(wordsToAvoid: ["über", "don't", "leverage", "ßtraße"])
        let document = MD.document(MD.paragraph(line: 3, MD.text("Über that, DON’T Leverage the ẞTRASSE or don't.", 3, 1)))
        #expect(only("plain-words-to-avoid", lint(document, custom))
            == [Spot("plain-words-to-avoid", 3, 1), Spot("plain-words-to-avoid", 3, 12), Spot("plain-words-to-avoid", 3, 18),
                Spot("plain-words-to-avoid", 3, 42)])
    }

    @Test func inlineCodeIsNotProse() {
        let document = MD.document(MD.paragraph(line: 2, MD.text("Run ", 2, 1), Node(.code("DELIVER THE ROBUST PLAN NOW"), range: MD.range(2, 5, 29))))
        #expect(lint(document) == [])
    }

    @Test func columnsCountUnicodeScalars() {
        let document = MD.document(MD.paragraph(line: 2, MD.text("Café au lait, we deliver.", 2, 1)))
        #expect(only("plain-words-to-avoid", lint(document)) == [Spot("plain-words-to-avoid", 2, 18)])
    }

    @Test func nodesWithoutRangesFallBackToTheirParent() {
        let image = Node(.image(source: "a.png", title: "", decorative: false))
        let document = MD.document(MD.paragraph(line: 8, column: 3, image))
        #expect(lint(document) == [Spot("img-alt-missing", 8, 3)])
    }

    @Test func nestingFarPastTheParsersCapIsWalked() {
        // The parser flattens past 256 levels; the linter's walks are iterative all the same.
        // (Much deeper and freeing the Node tree itself would exhaust a test thread's stack.)
        var node = MD.paragraph(line: 1, MD.image("a.png", alt: "", 1, 1))
        for _ in 0..<2_000 { node = Node(.blockQuote, children: [node], range: MD.range(1, 1)) }
        let findings = Linter().lintContent(Node(.document, children: [node]), file: file)
        #expect(findings.spots == [Spot("img-alt-missing", 1, 1)])
    }

    @Test func cleanContentHasNoFindings() {
        let document = MD.document(
            MD.heading(2, line: 5, MD.text("How to report", 5, 4)),
            MD.paragraph(line: 7, MD.text("Call 101, or ", 7, 1), MD.link("/report/online/", 7, 14, MD.text("report it online", 7, 15)), MD.text(".", 7, 46)),
            MD.heading(3, line: 9, MD.text("Online", 9, 5)),
            MD.paragraph(line: 11, MD.image("form.png", alt: "The first page of the online form", 11, 1)),
            MD.heading(2, line: 13, MD.text("Get help", 13, 4)))
        #expect(lint(document) == [])
    }
}
