import Core
import Testing
@testable import Content

/// Front matter and the config take exactly the tags the linter takes on the rendered page.
@Suite struct LanguageTagTests {
    @Test(arguments: ["Polish", "english", "xx", "en_GB", "x-klingon", "en-", ""])
    func aTagTheLinterRefusesIsRefusedWhereItIsWritten(_ tag: String) throws {
        #expect(!LanguageTag.isValid(tag))
        let front = try FrontMatter.split("---\ntitle: A\nlang: \"\(tag)\"\n---\nText.\n", file: "content/a.md")
        let (meta, diagnostics) = FrontMatterParser.parse(front, file: "content/a.md")
        #expect(meta == nil || tag.isEmpty)
        if !tag.isEmpty {
            #expect(diagnostics.map(\.message) == ["'\(tag)' is not a valid language tag"])
            #expect(diagnostics.first?.location?.line == 3)
        }
    }

    @Test(arguments: ["cy", "pl", "pt-PT", "en-GB", "zh-Hant-TW", "yue"])
    func realTagsPass(_ tag: String) {
        #expect(LanguageTag.isValid(tag))
        #expect(BCP47.problem(with: tag) == nil)
    }

    @Test func theConfigsLanguageIsCheckedTheSameWay() {
        let text = "title: X\nbase_url: https://example.org\nlanguage: Polish\norganisation:\n  name: Y\n"
        #expect(throws: DiagnosticList.self) { try SiteConfigLoader.load(text, file: "herald.yml") }
    }
}
