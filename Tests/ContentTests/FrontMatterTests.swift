import Core
import Testing
@testable import Content

@Suite struct FrontMatterTests {
    func parse(_ text: String) -> (PageMetadata?, [Diagnostic]) { parseFrontMatter(text) }

    @Test func splitsYAMLFromBody() throws {
        let front = try FrontMatter.split("---\ntitle: A\n---\n# Body\n", file: "a.md")
        #expect(front.yaml == "title: A\n")
        #expect(front.yamlFirstLine == 2)
        #expect(front.body == "# Body\n")
        #expect(front.bodyFirstLine == 4)
    }

    @Test func unclosedFrontMatterIsAnError() {
        #expect(throws: Diagnostic.self) { try FrontMatter.split("---\ntitle: A\n# Body\n", file: "a.md") }
    }

    @Test func readsCommonFields() {
        let (meta, diagnostics) = parse("""
        ---
        title: Report hate crime
        description: How to report
        date: 2023-03-15
        weight: 3
        aliases: [/old/]
        lang: cy
        draft: false
        lint_ignore:
          plain-sentence-length: quotes a statute
        ---
        """)
        #expect(diagnostics.isEmpty)
        #expect(meta?.title == "Report hate crime")
        #expect(meta?.date == Day(year: 2023, month: 3, day: 15))
        #expect(meta?.weight == 3)
        #expect(meta?.aliases.map(\.value) == ["/old/"])
        #expect(meta?.lang == "cy")
        #expect(meta?.lintIgnore == ["plain-sentence-length": "quotes a statute"])
    }

    @Test func missingTitleIsAnError() {
        let (meta, diagnostics) = parse("---\ndescription: x\n---\n")
        #expect(meta == nil)
        #expect(diagnostics.contains { $0.severity == .error && $0.message.contains("'title'") })
    }

    @Test func unknownKeyWarnsWithSuggestion() {
        let (meta, diagnostics) = parse("---\ntitle: A\ndescripton: x\n---\n")
        #expect(meta != nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].severity == .warning)
        #expect(diagnostics[0].hint == "Did you mean 'description'?")
        #expect(diagnostics[0].location == SourceLocation(file: "content/a.md", line: 3, column: 1))
    }

    @Test func wrongTypeIsAnErrorAtItsLine() {
        let (meta, diagnostics) = parse("---\ntitle: A\nweight: heavy\ndraft: maybe\n---\n")
        #expect(meta == nil)
        #expect(diagnostics.map(\.location?.line) == [3, 4])
        #expect(diagnostics.allSatisfy { $0.severity == .error })
    }

    @Test func badDateIsAnError() {
        let (_, diagnostics) = parse("---\ntitle: A\ndate: 15/03/2023\n---\n")
        #expect(diagnostics.first?.message == "'date' must be a date written YYYY-MM-DD")
        #expect(diagnostics.first?.location == SourceLocation(file: "content/a.md", line: 3, column: 7))
    }

    @Test func decisionWithoutNumberIsAnErrorAtTheFrontMatter() {
        let (meta, diagnostics) = parse("""
        ---
        title: Youth fund lights
        kind: decision
        date: 2023-03-15
        decision_maker: Commissioner
        meeting: Business Coordination Board
        status: approved
        category: Grants
        summary: Approved.
        financial_implications: Not stated.
        confidential: false
        ---
        """)
        #expect(meta == nil)
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1)
        #expect(errors[0].message.contains("'number'"))
        #expect(errors[0].location?.line == 2)
    }

    @Test func completeDecisionParses() {
        let (meta, diagnostics) = parse("""
        ---
        title: Youth fund lights
        kind: decision
        number: 2023-014
        date: 2023-03-15
        decision_maker: Commissioner
        meeting: Business Coordination Board
        status: Approved
        category: Grants
        summary: Approved.
        financial_implications: Not stated.
        confidential: false
        background_papers:
          - { title: Report, file: report.pdf }
        ---
        """)
        #expect(diagnostics.isEmpty)
        #expect(meta?.decision?.year == 2023)
        #expect(meta?.decision?.sequence == 14)
        #expect(meta?.decision?.status == .approved)
        #expect(meta?.decision?.backgroundPapers.first?.file == "report.pdf")
    }

    @Test func badDecisionNumberAndStatus() {
        let (_, diagnostics) = parse("---\ntitle: A\nkind: decision\nnumber: 14\nstatus: maybe\n---\n")
        #expect(diagnostics.contains { $0.message.contains("not a decision number") && $0.location?.line == 4 })
        #expect(diagnostics.contains { $0.message.contains("not a decision status") && $0.location?.line == 5 })
    }

    @Test func eachKindRequiresItsFields() {
        for kind in PageKind.allCases where !kind.requiredFields.isEmpty {
            let (meta, diagnostics) = parse("---\ntitle: A\nkind: \(kind.rawValue)\n---\n")
            #expect(meta == nil, "kind \(kind)")
            let missing = Set(diagnostics.compactMap { d in d.message.split(separator: "'").dropFirst().first.map(String.init) })
            #expect(missing == Set(kind.requiredFields), "kind \(kind)")
        }
    }

    @Test func fieldOfAnotherKindSaysWhichKind() {
        let (_, diagnostics) = parse("---\ntitle: A\nperiod: 2022 to 2024\n---\n")
        #expect(diagnostics.first?.message == "field 'period' belongs to `kind: strategy` pages, not `kind: page`")
    }

    @Test func unknownKindSuggests() {
        let (_, diagnostics) = parse("---\ntitle: A\nkind: guid\n---\n")
        #expect(diagnostics.first?.hint?.hasPrefix("Did you mean 'guide'?") == true)
    }

    @Test func silencingWithoutReasonIsAnError() {
        let (_, diagnostics) = parse("---\ntitle: A\nlint_ignore:\n  link-text: \"\"\n---\n")
        #expect(diagnostics.first?.message == "silencing 'link-text' needs a reason")
    }

    @Test func frontMatterThatIsNotAMappingIsAnError() {
        let (meta, diagnostics) = parse("---\n- a\n- b\n---\n")
        #expect(meta == nil)
        #expect(diagnostics.first?.message.contains("must be a set of `key: value` lines") == true)
    }

    @Test func malformedYAMLIsAnErrorAtItsLine() {
        let (meta, diagnostics) = parse("---\ntitle: A\ndescription: a: b\n---\n")
        #expect(meta == nil)
        #expect(diagnostics.first?.location?.line == 3)
        #expect(diagnostics.first?.hint?.contains("quotes") == true)
    }

    @Test func billionLaughsIsRefused() {
        var yaml = "title: A\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            yaml += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let (meta, diagnostics) = parse("---\n" + yaml + "---\n")
        #expect(meta == nil)
        #expect(diagnostics.first?.message.contains("expands to more than") == true)
    }

    @Test func unsafeSlugIsRefused() {
        for slug in ["../escape", "a/b", ".hidden", "two words"] {
            let (meta, diagnostics) = parse("---\ntitle: A\nslug: \"\(slug)\"\n---\n")
            #expect(meta == nil, "\(slug)")
            #expect(diagnostics.first?.location?.line == 3)
        }
    }
}
