import Testing
@testable import Accessibility

@Suite struct JudgementTests {
    @Test func viewportSettingsThatBlockZoom() {
        #expect(Viewport.zoomProblem("width=device-width, initial-scale=1") == nil)
        #expect(Viewport.zoomProblem("width=device-width, user-scalable=yes, maximum-scale=2") == nil)
        #expect(Viewport.zoomProblem("maximum-scale=10") == nil)
        #expect(Viewport.zoomProblem("width=device-width; user-scalable=no") != nil)
        #expect(Viewport.zoomProblem("user-scalable = 0") != nil)
        #expect(Viewport.zoomProblem("maximum-scale=1.0") != nil)
        #expect(Viewport.zoomProblem("Maximum-Scale=1.5") != nil)
    }

    @Test func altTextJudgements() {
        func rules(_ alt: String) -> [String] { AltText.problems(alt, maximumLength: 150).map(\.rule.id) }
        #expect(rules("A crowd outside the new station") == [])
        #expect(rules("DSC01234") == ["img-alt-filename"])
        #expect(rules("hero banner.PNG") == ["img-alt-filename"])
        #expect(rules("www.example.org/a") == ["img-alt-filename"])
        #expect(rules("Graphic") == ["img-alt-generic"])
        #expect(rules("a photograph") == ["img-alt-generic"])
        #expect(rules("Photograph of a crowd") == ["img-alt-redundant-prefix"])
        #expect(rules("An image showing the office") == ["img-alt-redundant-prefix"])
        #expect(rules("Image") == ["img-alt-generic"])
        #expect(rules(String(repeating: "x", count: 151)) == ["img-alt-long"])
        #expect(rules(String(repeating: "x", count: 150)) == [])
        #expect(AltText.repeats("Opening day!", "opening  day"))
        #expect(!AltText.repeats("Opening day", "Opening day at the hub"))
    }

    @Test func linkTextJudgements() {
        #expect(LinkText.vagueness("Click here to report") != nil)
        #expect(LinkText.vagueness("More") != nil)
        #expect(LinkText.vagueness("Read more »") != nil)
        #expect(LinkText.vagueness("cambs-pcc@cambs.pnn.police.uk") == nil)
        #expect(LinkText.vagueness("Report a crime online") == nil)
        #expect(LinkText.vagueness("Here is how to report") == nil)
        #expect(LinkText.announcesNewWindow("Victim Support (opens in new tab)"))
        #expect(!LinkText.announcesNewWindow("Victim Support"))
        #expect(LinkText.destinationKey("/report/") == LinkText.destinationKey("/report"))
        #expect(LinkText.destinationKey("/report/index.html") == LinkText.destinationKey("/report/"))
    }

    @Test func readingAgeOfPlainAndDenseText() {
        var plain = ReadingAge()
        plain.add(Array("Call 999 if you are in danger. We will send help. You can also call 101. It is free to call. We are here to help you. Tell us what you saw."))
        var dense = ReadingAge()
        dense.add(Array("Organisational accountability necessitates comprehensive institutional transparency regarding operational expenditure and commissioning arrangements across the constabulary."))
        #expect(plain.age(minimumWords: 10)! < 9)
        #expect(dense.age(minimumWords: 10)! > 18)
        #expect(plain.age(minimumWords: 1_000) == nil)
        #expect(ReadingAge.syllables(in: Array("police")[...]) == 2)
        #expect(ReadingAge.syllables(in: Array("people")[...]) == 2)
        #expect(ReadingAge.syllables(in: Array("commissioner")[...]) == 4)
    }
}
