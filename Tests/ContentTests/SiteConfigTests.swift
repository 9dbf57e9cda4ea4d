import Core
import Testing
@testable import Content

@Suite struct SiteConfigTests {
    let good = """
    title: Police and Crime Commissioner
    base_url: https://www.example.gov.uk/
    language: en-GB
    organisation:
      name: Office of the Commissioner
      email: office@example.gov.uk
    navigation:
      - title: Report a crime
        url: /report/
    footer:
      - { title: Accessibility statement, url: /accessibility/ }
    search: true
    """

    @Test func readsEveryKey() throws {
        let (config, warnings) = try SiteConfigLoader.load(good, file: "herald.yml")
        #expect(warnings.isEmpty)
        #expect(config.title == "Police and Crime Commissioner")
        #expect(config.baseURL == "https://www.example.gov.uk")
        #expect(config.organisation.email == "office@example.gov.uk")
        #expect(config.navigation == [SiteConfig.MenuLink(title: "Report a crime", url: "/report/",
                                                          location: SourceLocation(file: "herald.yml", line: 9, column: 10))])
        #expect(config.footer.first?.url == "/accessibility/")
        #expect(config.search)
    }

    @Test func missingKeyIsAnErrorNamingIt() {
        let text = "title: X\nlanguage: en-GB\norganisation:\n  name: Y\n"
        #expect {
            try SiteConfigLoader.load(text, file: "herald.yml")
        } throws: { error in
            let list = error as! DiagnosticList
            return list.diagnostics.count == 1 && list.diagnostics[0].message.contains("'base_url'")
                && list.diagnostics[0].location?.file == "herald.yml"
        }
    }

    @Test func badValueIsAnErrorAtItsLine() {
        let text = good.replacingOccurrences(of: "language: en-GB", with: "language: english language")
        do {
            _ = try SiteConfigLoader.load(text, file: "herald.yml")
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.map(\.location?.line) == [3])
            #expect(error.diagnostics[0].sourceLine == "language: english language")
        }
    }

    @Test func unknownKeyIsAWarningWithASuggestion() throws {
        let (_, warnings) = try SiteConfigLoader.load(good + "\nnavigaton: []\n", file: "herald.yml")
        #expect(warnings.count == 1)
        #expect(warnings[0].severity == .warning)
        #expect(warnings[0].hint == "Did you mean 'navigation'?")
        #expect(warnings[0].location?.line == 13)
    }

    @Test func malformedYAMLPointsAtTheLine() {
        let text = "title: X\nbase_url: [unclosed\nlanguage: en-GB\n"
        do {
            _ = try SiteConfigLoader.load(text, file: "herald.yml")
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.count == 1)
            #expect((error.diagnostics[0].location?.line ?? 0) >= 2)
        }
    }

    @Test func emptyConfigIsAnError() {
        #expect(throws: DiagnosticList.self) { try SiteConfigLoader.load("", file: "herald.yml") }
    }

    @Test func baseURLMustBeAbsolute() {
        let text = good.replacingOccurrences(of: "https://www.example.gov.uk/", with: "www.example.gov.uk")
        #expect(throws: DiagnosticList.self) { try SiteConfigLoader.load(text, file: "herald.yml") }
    }
}
