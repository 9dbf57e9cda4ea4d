import Core
import Foundation
import Testing
@testable import Accessibility

@Suite struct ReportTests {
    let findings: [Finding] = [
        Finding(.imageAltMissing, "The image a.jpg has no alt text.", at: SourceLocation(file: "content/a,b.md", line: 4, column: 2)),
        Finding(.plainSentenceLength, "This sentence has 30 words; aim for 25 or fewer.", at: SourceLocation(file: "content/a.md", line: 9, column: 1)),
        Finding(diagnostic: Finding(.linkTextVague, "Link text \"here\" does not say where the link goes.", at: SourceLocation(file: "content/a.md", line: 7, column: 5)).diagnostic,
                silencedBecause: "Legacy wording, agreed with the editor"),
    ]

    @Test func humanReportIsCompilerStyleWithSilencedAndCounts() {
        let sourced = findings.withSourceLines(["content/a,b.md": "one\ntwo\nthree\n ![](a.jpg)\n"])
        let text = LintReport(findings: sourced).render(.human)
        #expect(text.contains("""
            content/a,b.md:4:2: error: The image a.jpg has no alt text. (WCAG 1.1.1) [img-alt-missing]
            4 |  ![](a.jpg)
              |  ^
            hint:
            """))
        #expect(text.contains("Silenced by lint_ignore:\n  content/a.md:7:5: [link-text-vague] Link text \"here\" does not say where the link goes. (reason: Legacy wording, agreed with the editor)"))
        #expect(text.hasSuffix("1 error, 0 warnings, 1 advice (1 silenced)\n"))
    }

    @Test func jsonCarriesEveryFieldOfEveryFinding() throws {
        let text = LintReport(findings: findings).render(.json)
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
        let items = object["findings"] as! [[String: Any]]
        #expect(items.count == 3)
        let first = items[0]
        #expect(first["rule"] as? String == "img-alt-missing")
        #expect(first["criteria"] as? [String] == ["1.1.1"])
        #expect(first["criterion"] as? String == "1.1.1")
        #expect(first["severity"] as? String == "error")
        #expect(first["file"] as? String == "content/a,b.md")
        #expect(first["line"] as? Int == 4)
        #expect(first["column"] as? Int == 2)
        #expect(first["message"] as? String == "The image a.jpg has no alt text.")
        #expect(first["axeRule"] as? String == "image-alt")
        #expect(first["silenced"] as? Bool == false)
        // Sorted by place: "a,b.md" before "a.md"; the silenced link finding is second.
        #expect(items[1]["axeRule"] is NSNull)
        #expect(items[1]["silenced"] as? Bool == true)
        #expect(items[1]["silenceReason"] as? String == "Legacy wording, agreed with the editor")
        #expect(items[2]["silenceReason"] is NSNull)
        let summary = object["summary"] as! [String: Int]
        #expect(summary == ["errors": 1, "warnings": 0, "advice": 1, "silenced": 1])
    }

    @Test func githubAnnotationsEscapeDataAndProperties() {
        let text = LintReport(findings: findings).render(.github)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("::error file=content/a%2Cb.md,line=4,col=2,title=img-alt-missing (WCAG 1.1.1)::The image a.jpg has no alt text.%0AHint: "))
        #expect(lines[1] == "::notice file=content/a.md,line=9,col=1,title=plain-sentence-length (WCAG 3.1.5)::This sentence has 30 words; aim for 25 or fewer.%0AHint: \(Rule.plainSentenceLength.hint)")
        #expect(lines.count == 3)
        #expect(lines[2] == "::notice title=Herald accessibility::1 error, 0 warnings, 1 advice (1 silenced)")
        #expect(GitHubReport.data("100% done\r\nnext: a,b") == "100%25 done%0D%0Anext: a,b")
        #expect(GitHubReport.property("100% done\nnext: a,b") == "100%25 done%0Anext%3A a%2Cb")
    }

    @Test func sarifListsTheRulesAndTheResults() throws {
        let text = LintReport(findings: findings).render(.sarif)
        let log = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
        #expect(log["version"] as? String == "2.1.0")
        #expect(log["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
        let run = (log["runs"] as! [[String: Any]])[0]
        let driver = (run["tool"] as! [String: Any])["driver"] as! [String: Any]
        let rules = driver["rules"] as! [[String: Any]]
        #expect(rules.map { $0["id"] as! String } == RuleRegistry.standard.rules.map(\.id))
        let imageRule = rules.first { $0["id"] as? String == "img-alt-missing" }!
        #expect((imageRule["defaultConfiguration"] as! [String: String])["level"] == "error")
        #expect(imageRule["helpUri"] as? String == "https://www.w3.org/WAI/WCAG22/Understanding/non-text-content.html")
        #expect((imageRule["properties"] as! [String: Any])["tags"] as? [String] == ["accessibility", "wcag111"])
        let results = run["results"] as! [[String: Any]]
        #expect(results.map { $0["ruleId"] as! String } == ["img-alt-missing", "link-text-vague", "plain-sentence-length"])
        #expect(results.map { $0["level"] as! String } == ["error", "warning", "note"])
        let index = results[0]["ruleIndex"] as! Int
        #expect(rules[index]["id"] as? String == "img-alt-missing")
        let location = ((results[0]["locations"] as! [[String: Any]])[0]["physicalLocation"]) as! [String: Any]
        #expect((location["artifactLocation"] as! [String: String])["uri"] == "content/a,b.md")
        #expect((location["region"] as! [String: Int]) == ["startLine": 4, "startColumn": 2])
        let suppressions = results[1]["suppressions"] as! [[String: String]]
        #expect(suppressions == [["kind": "inSource", "justification": "Legacy wording, agreed with the editor"]])
        #expect(results[0]["suppressions"] == nil)
    }

    @Test func theSameRuleAtTheSamePlaceIsReportedOnce() {
        let twice = findings + [Finding(.imageAltMissing, "Said again by the page rules.", at: SourceLocation(file: "content/a,b.md", line: 4, column: 2))]
        let report = LintReport(findings: twice)
        #expect(report.findings.count == 3)
        #expect(report.failsBuild(strict: false))
        let adviceOnly = LintReport(findings: [findings[1], findings[2]])
        #expect(!adviceOnly.failsBuild(strict: true))
        let warning = LintReport(findings: [Finding(.linkTextVague, "vague", at: nil)])
        #expect(!warning.failsBuild(strict: false) && warning.failsBuild(strict: true))
    }

    @Test func findingsOfNoRuleAtOnePlaceAreRepeatsOnlyWithTheSameMessage() {
        let top = SourceLocation(file: "content/decisions/a.md", line: 2, column: 1)
        let missing = ["category", "meeting", "decision_maker"].map {
            Finding(diagnostic: .error("front matter is missing required field '\($0)'", at: top))
        }
        let report = LintReport(findings: missing + [missing[0]])
        #expect(report.findings.map(\.message).sorted() == missing.map(\.message).sorted())
        #expect(report.summary.errors == 3)
    }

    @Test func formatsAreNamedAsOnTheCommandLine() {
        #expect(ReportFormat(rawValue: "sarif") == .sarif)
        #expect(ReportFormat(rawValue: "xml") == nil)
        #expect(ReportFormat.allCases.map(\.rawValue) == ["human", "json", "github", "sarif"])
    }
}
