import Core
import Markdown
import Testing
@testable import Accessibility

/// A page silences a rule only with a reason; silenced findings stay in the results, marked.
@Suite struct SilencingTests {
    let document = MD.document(
        MD.paragraph(line: 4, MD.image("a.jpg", alt: "", 4, 1)),
        MD.paragraph(line: 6, MD.link("/x/", 6, 1, MD.text("click here", 6, 2))))

    @Test func aSilencedRuleIsKeptAndMarkedWithItsReason() {
        let findings = Linter().lintContent(document, file: "c.md", silences: [Silence(rule: "link-text-vague", reason: "Quoting the old site's wording")])
        #expect(findings.map(\.ruleID) == ["img-alt-missing", "link-text-vague"])
        #expect(findings[0].silencedBecause == nil)
        #expect(findings[1].silencedBecause == "Quoting the old site's wording")
        #expect(findings[0].failsBuild(strict: false))
        #expect(!findings[1].failsBuild(strict: true))
    }

    @Test func aSilenceWithoutAReasonSilencesNothingAndIsAnError() {
        let place = SourceLocation(file: "c.md", line: 2, column: 3)
        let findings = Linter().lintContent(document, file: "c.md", silences: [Silence(rule: "img-alt-missing", reason: "  ", at: place)])
        #expect(findings.spots == [Spot("lint-ignore-invalid", 2, 3), Spot("img-alt-missing", 4, 1), Spot("link-text-vague", 6, 1)])
        #expect(findings.allSatisfy { !$0.isSilenced })
        #expect(findings[0].severity == .error)
    }

    @Test func aSilenceForAnUnknownRuleSuggestsTheNearestOne() {
        let findings = Linter().lintContent(document, file: "c.md", silences: [Silence(rule: "img-alt-mising", reason: "x", at: SourceLocation(file: "c.md", line: 2))])
        let problem = findings.first { $0.ruleID == "lint-ignore-invalid" }
        #expect(problem?.message.contains("Did you mean 'img-alt-missing'?") == true)
        #expect(findings.first { $0.ruleID == "img-alt-missing" }?.isSilenced == false)
    }

    @Test func pageFindingsAreSilencedTooButBadEntriesAreReportedOnce() {
        let html = "<!DOCTYPE html><html lang=\"en-GB\"><head><title>T</title></head><body><a href=\"#m\">Skip</a><main id=\"m\"><h1>T</h1><iframe src=\"x.html\"></iframe></main></body></html>"
        let result = Linter().lintPage(html: html, file: "p.html", silences: [
            Silence(rule: "iframe-title", reason: "A third-party widget we are replacing"),
            Silence(rule: "no-such-rule", reason: "x"),
        ])
        #expect(result.findings.map(\.ruleID) == ["iframe-title"])
        #expect(result.findings[0].silencedBecause == "A third-party widget we are replacing")
    }
}
