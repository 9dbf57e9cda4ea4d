import Core
import Foundation
import Testing
@testable import Accessibility

/// Every page rule has fixture pages that fail it (complete, valid pages that break one rule, so
/// that axe-core can be run over them too) and pages that pass it.
@Suite struct PageFixtureTests {
    /// The exact findings for each failing page: rule, line, column in the HTML file.
    static let failing: [String: [Spot]] = [
        "audio-transcript": [Spot("audio-transcript", 16, 1)],
        // The colour-contrast group (Contrast/) run through the linter, at the element it found.
        "colour-contrast": [Spot("colour-contrast", 17, 1)],
        "dl-children": [Spot("dl-children", 18, 1)],
        "dl-item-parent": [Spot("dl-item-parent", 16, 1), Spot("dl-item-parent", 17, 1)],
        "heading-bold-paragraph": [Spot("heading-bold-paragraph", 16, 1)],
        "heading-empty": [Spot("heading-empty", 16, 1)],
        "heading-image-only": [Spot("heading-image-only", 16, 1)],
        "heading-order": [Spot("heading-order", 16, 1)],
        "heading-single-h1": [Spot("heading-single-h1", 16, 1)],
        "heading-single-h1-missing": [Spot("heading-single-h1", 8, 1)],
        "html-lang": [Spot("html-lang", 2, 1)],
        "html-lang-valid": [Spot("html-lang-valid", 2, 1)],
        "html-nesting-depth": [Spot("html-nesting-depth", 16, 4996)],
        "id-unique": [Spot("id-unique", 17, 1)],
        "iframe-title": [Spot("iframe-title", 16, 1)],
        "img-alt-filename": [Spot("img-alt-filename", 16, 1)],
        "img-alt-url": [Spot("img-alt-filename", 16, 1)],
        "img-alt-generic": [Spot("img-alt-generic", 16, 1)],
        "img-alt-long": [Spot("img-alt-long", 16, 1)],
        "img-alt-missing": [Spot("img-alt-missing", 16, 1)],
        "img-alt-redundant-prefix": [Spot("img-alt-redundant-prefix", 16, 1)],
        "img-alt-repeats-text": [Spot("img-alt-repeats-text", 16, 1)],
        "img-link-alt": [Spot("img-link-alt", 16, 20)],
        "landmark-one-main": [Spot("landmark-one-main", 8, 1)],
        "landmark-two-mains": [Spot("landmark-no-duplicate-main", 17, 1)],
        "lang-valid": [Spot("lang-valid", 15, 1)],
        "link-empty": [Spot("link-empty", 16, 4)],
        "link-new-window": [Spot("link-new-window", 15, 18)],
        "link-text-ambiguous": [Spot("link-text-ambiguous", 16, 4)],
        "link-text-url": [Spot("link-text-vague", 15, 25)],
        "link-text-vague": [Spot("link-text-vague", 15, 30)],
        "list-children": [Spot("list-children", 17, 1)],
        "list-item-parent": [Spot("list-item-parent", 16, 1)],
        "page-title": [Spot("page-title", 6, 1)],
        "page-title-missing": [Spot("page-title", 3, 1)],
        "skip-link": [Spot("skip-link", 9, 1)],
        "skip-link-missing": [Spot("skip-link-missing", 9, 24)],
        "table-caption": [Spot("table-caption", 15, 1)],
        "table-headers": [Spot("table-headers", 15, 1)],
        "video-captions": [Spot("video-captions", 16, 1)],
        "viewport-maximum-scale": [Spot("viewport-zoom", 5, 1)],
        "viewport-zoom": [Spot("viewport-zoom", 5, 1)],
        // Each is a good page alone; together they break page-title-unique (see SiteRuleTests).
        "duplicate-title-a": [],
        "duplicate-title-b": [],
    ]

    /// The pages that exercise each rule and pass it.
    static let passing: [String: [String]] = {
        let everything = "complete-page"
        var table: [String: [String]] = [:]
        for rule in RuleRegistry.builtIn where rule.scopes.contains(.page) { table[rule.id] = [everything, "minimal-page"] }
        table["colour-contrast"] = [everything, "minimal-page"]
        table["heading-image-only", default: []].append("named-by-aria")
        table["link-empty", default: []].append("named-by-aria")
        table["img-link-alt", default: []].append("named-by-aria")
        table["table-headers", default: []].append("layout-table")
        table["table-caption", default: []].append("layout-table")
        table["lang-valid", default: []].append("language-tags")
        table["viewport-zoom", default: []].append("viewport-zoom-allowed")
        return table
    }()

    static func lint(_ name: String) throws -> [Finding] {
        try Linter().lintHTMLFile(Fixtures.path(name), fileSystem: LocalFileSystem())
    }

    @Test(arguments: failing.keys.sorted())
    func failingPageGivesExactlyItsFindings(_ name: String) throws {
        let findings = try Self.lint("fail/\(name).html")
        #expect(findings.spots == Self.failing[name]!)
        #expect(findings.allSatisfy { $0.location?.file == Fixtures.path("fail/\(name).html") })
    }

    @Test(arguments: ["complete-page", "minimal-page", "named-by-aria", "layout-table", "language-tags", "viewport-zoom-allowed"])
    func passingPageHasNoFindings(_ name: String) throws {
        #expect(try Self.lint("pass/\(name).html").spots == [])
    }

    @Test func everyFixtureIsListedAndEveryPageRuleHasFailingAndPassingPages() throws {
        #expect(Set(try Fixtures.names(in: "fail").map { String($0.dropLast(5)) }) == Set(Self.failing.keys))
        let failed = Set(Self.failing.values.flatMap { $0.map(\.rule) })
        let pageRules = RuleRegistry.builtIn.filter { $0.scopes.contains(.page) }.map(\.id)
        for rule in pageRules {
            #expect(failed.contains(rule), "no failing fixture for \(rule)")
            let passes = Self.passing[rule] ?? []
            #expect(!passes.isEmpty, "no passing fixture for \(rule)")
            for name in passes {
                #expect(FileManager.default.fileExists(atPath: Fixtures.path("pass/\(name).html")))
            }
        }
    }

    @Test func failingPagesAreOtherwiseCompletePages() throws {
        for name in Self.failing.keys {
            let text = try Fixtures.text("fail/\(name).html")
            #expect(text.hasPrefix("<!DOCTYPE html>\n<html"), "\(name) is not a complete page")
            let document = HTMLParser.parse(text, refusalDepth: nil)
            #expect(document.hasDoctype)
            #expect(document.head?.line ?? 0 > 0 && document.body?.line ?? 0 > 0, "\(name) relies on implied head or body")
        }
    }
}
