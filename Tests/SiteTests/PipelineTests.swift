import Core
import Foundation
import Testing
@testable import Site

@Suite struct PipelineTests {
    @Test func buildsPagesWithFolderStyleURLsAndSiteFiles() async {
        let fs = TestSite.files([
            "report/_index.md": "---\ntitle: Report a crime\ndescription: Ways to report\n---\nChoose a way to report.\n",
            "report/hate-crime.md": "---\ntitle: Report hate crime\n---\n## Online\n\nUse the [non-emergency guide](../report/_index.md).\n",
            "accessibility.md": "---\ntitle: Accessibility statement\n---\nText.\n",
        ])
        let (report, files) = await TestSite.render(fs)
        #expect(report.errorCount == 0, "\(report.diagnostics)")
        #expect(files["report/hate-crime/index.html"]?.contains("<h1>Report hate crime</h1>") == true)
        #expect(files["report/index.html"]?.contains("href=\"/report/hate-crime/\"") == true)
        #expect(files["report/hate-crime/index.html"]?.contains("<h2 id=\"online\"") == true)
        #expect(files["report/hate-crime/index.html"]?.contains("data-sourcepos") == false)
        for path in ["sitemap.xml", "robots.txt", "404.html", "a-to-z/index.html", "news/feed.xml", "decisions/feed.xml",
                     "decisions.csv", "decisions.json", ".herald-manifest.json"] {
            #expect(files[path] != nil, "\(path) missing")
        }
        #expect(files["sitemap.xml"]?.contains("<loc>https://example.gov.uk/report/hate-crime/</loc>") == true)
        #expect(files["robots.txt"]?.contains("Sitemap: https://example.gov.uk/sitemap.xml") == true)
        #expect(report.pageCount == 5)
    }

    @Test func badYAMLIsAnErrorAtItsLineAndNothingIsWritten() async {
        let fs = TestSite.files(["bad.md": "---\ntitle: A\ndescription: a: b\n---\nBody\n"])
        let (report, files) = await TestSite.render(fs)
        #expect(report.errorCount == 1)
        #expect(report.diagnostics.first?.location == SourceLocation(file: "content/bad.md", line: 3, column: 15))
        #expect(report.diagnostics.first?.sourceLine == "description: a: b")
        #expect(files.isEmpty)
        #expect(!report.succeeded)
    }

    @Test func missingLinkTargetIsAnErrorAtItsSourceLine() async {
        let fs = TestSite.files(["a.md": "---\ntitle: A\n---\nIntro.\n\nSee [the hate crime guide](report/hate-crim.md).\n"])
        let (report, files) = await TestSite.render(fs)
        let error = report.diagnostics.first { $0.severity == .error }
        #expect(error?.message == "there is no page content/report/hate-crim.md")
        #expect(error?.location?.line == 6)
        #expect(error?.location?.column == 5)
        #expect(files.isEmpty)
    }

    @Test func missingAnchorIsAnErrorWithTheHeadingsListed() async {
        let fs = TestSite.files([
            "a.md": "---\ntitle: A\n---\nSee [online reporting](b.md#onlin).\n",
            "b.md": "---\ntitle: B\n---\n## Online\n\nText.\n",
        ])
        let (report, _) = await TestSite.render(fs)
        let error = report.diagnostics.first { $0.severity == .error }
        #expect(error?.message.contains("has no heading with the id 'onlin'") == true)
        #expect(error?.hint == "Did you mean #online?")
    }

    /// The contents list names the page's own sections: headings inside steps or a details block
    /// (which may be closed) neither count towards the three that bring it nor appear in it.
    @Test func theContentsListHasThePagesOwnSectionsOnly() async throws {
        let steps = "```steps\n## Call 101\n\nOr report online.\n\n## Note the reference\n\nKeep it.\n```\n"
        let details = "```details More help\n## Victim Support\n\nCall them.\n```\n"
        let two = "---\ntitle: A\nkind: guide\nupdated: 2026-11-23\n---\nIntro.\n\n## First\n\nText.\n\n\(steps)\n## Second\n\nText.\n\n\(details)"
        let three = two + "\n## Third\n\nText.\n"
        let fs = try RealTheme.fileSystem(config: TestSite.config, content: ["_index.md": TestSite.home, "two.md": two, "three.md": three])
        let output = MemoryOutput()
        let report = await SiteBuilder(fileSystem: fs, options: TestSite.options()).render(into: output)
        #expect(report.errorCount == 0, "\(report.diagnostics.filter { $0.severity == .error })")
        let twoPage = String(decoding: output.files["two/index.html"] ?? Data(), as: UTF8.self)
        #expect(!twoPage.contains("contents-list__link"), "two sections of its own: no contents list")
        let threePage = String(decoding: output.files["three/index.html"] ?? Data(), as: UTF8.self)
        let listed = threePage.components(separatedBy: "contents-list__link\" href=\"#").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(listed == ["first", "second", "third"])
    }

    /// A bad `lint_ignore` entry is reported at its own line, not at the front matter's start.
    @Test func aBadLintIgnoreEntryIsReportedAtItsLine() async {
        let fs = TestSite.files(["a.md": "---\ntitle: A\nlint_ignore:\n  plain-sentence-length: \"quotes a statute\"\n  link-txt: \"a typo\"\n---\nText.\n"])
        let (report, _) = await TestSite.render(fs)
        let bad = report.diagnostics.first { $0.message.contains("'link-txt'") }
        #expect(bad?.location?.file == "content/a.md")
        #expect(bad?.location?.line == 5)
        #expect(bad?.location?.column == 3)
    }

    @Test func linkThatEscapesTheSiteIsAnError() async {
        let fs = TestSite.files(["a.md": "---\ntitle: A\n---\nSee [the passwords](../../etc/passwd) and [root](/etc/passwd).\n"])
        let (report, _) = await TestSite.render(fs)
        let messages = report.diagnostics.filter { $0.severity == .error }.map(\.message)
        #expect(messages.contains("'../../etc/passwd' points outside the site's content folder"))
        #expect(messages.contains("'/etc/passwd' is an absolute path"))
    }

    @Test func twoPagesClaimingOneURLAreBothNamed() async {
        let fs = TestSite.files([
            "report.md": "---\ntitle: A\n---\nA.\n",
            "report/_index.md": "---\ntitle: B\n---\nB.\n",
        ])
        let (report, files) = await TestSite.render(fs)
        #expect(report.diagnostics.contains { $0.message == "content/report.md and content/report/_index.md both claim the URL /report/" })
        #expect(files.isEmpty)
    }

    @Test func draftsAndFuturePagesAreLeftOutUnlessAskedFor() async {
        let pages = [
            "draft.md": "---\ntitle: Draft\ndraft: true\n---\nD.\n",
            "future.md": "---\ntitle: Future\npublish_date: 2099-01-01\n---\nF.\n",
        ]
        let (_, files) = await TestSite.render(TestSite.files(pages))
        #expect(files["draft/index.html"] == nil)
        #expect(files["future/index.html"] == nil)
        #expect(files["sitemap.xml"]?.contains("future") == false)
        let (_, preview) = await TestSite.render(TestSite.files(pages), options: TestSite.options { $0.includeDrafts = true })
        #expect(preview["draft/index.html"] != nil)
        #expect(preview["future/index.html"] != nil)
    }

    @Test func aliasesBecomeRedirectPages() async {
        let fs = TestSite.files(["new.md": "---\ntitle: New home\naliases: [/old/, /older.html]\n---\nN.\n"])
        let (report, files) = await TestSite.render(fs)
        #expect(report.errorCount == 0)
        #expect(files["old/index.html"]?.contains("url=/new/") == true)
        #expect(files["older.html"]?.contains("url=/new/") == true)
        #expect(files["sitemap.xml"]?.contains("/old/") == false)
    }

    @Test func anAliasWithoutTheRedirectTemplateIsAnErrorAtTheAlias() async throws {
        let fs = TestSite.files(["new.md": "---\ntitle: New home\naliases:\n  - /old/\n---\nN.\n", "plain.md": "---\ntitle: Plain\n---\nP.\n"])
        try fs.remove("templates/redirect.mustache")
        let (report, files) = await TestSite.render(fs)
        #expect(report.diagnostics.map(\.message) == ["the alias /old/ needs the theme's templates/redirect.mustache, which is missing"])
        #expect(report.diagnostics.first?.location == SourceLocation(file: "content/new.md", line: 4, column: 5))
        #expect(report.diagnostics.first?.sourceLine == "  - /old/")
        #expect(files.isEmpty)
        // A site without aliases needs no redirect template.
        try fs.remove("content/new.md")
        #expect(await TestSite.render(fs).0.errorCount == 0)
    }

    @Test func documentsAreCopiedAndLinkedWithTypeAndSize() async {
        let fs = TestSite.files(["a.md": "---\ntitle: A\n---\nRead the [annual report](Annual%20Report.pdf).\n"])
        try? fs.write(Data(repeating: 0x25, count: 250_000), to: "content/Annual Report.pdf")
        let (report, files) = await TestSite.render(fs)
        #expect(report.errorCount == 0, "\(report.diagnostics)")
        #expect(files["annual-report.pdf"]?.utf8.count == 250_000)
        #expect(files["a/index.html"]?.contains("<a href=\"/annual-report.pdf\">annual report <span class=\"document-meta\">(PDF, 244 KB)</span></a>") == true)
    }

    /// Destinations skip Foundation's trimming when they start and end with a visible ASCII
    /// character: only when trimming could not change them.
    @Test func destinationsSeenAsTrimmedAreLeftAsTrimmingLeavesThem() {
        let samples = ["a.md", " a.md", "a.md ", "\ta.md", "a.md\t", "\u{A0}a.md", "a.md\u{3000}", "é.md", "a.md\u{301}", "x", "",
                       " ", "#top", "a b.md", "../x.md", "\u{2003}", "a\u{200B}"]
        for sample in samples where LinkResolver.isTrimmed(sample) {
            #expect(sample.trimmingCharacters(in: .whitespaces) == sample, "\(sample.debugDescription)")
        }
        #expect(LinkResolver.isTrimmed("a.md") && LinkResolver.isTrimmed("../x.md#top"))
        #expect(!LinkResolver.isTrimmed(" a.md") && !LinkResolver.isTrimmed("a.md\u{3000}") && !LinkResolver.isTrimmed("é.md"))
    }

    @Test func sameInputGivesByteIdenticalOutput() async {
        let pages = [
            "report/_index.md": "---\ntitle: Report\n---\nR.\n",
            "report/a.md": "---\ntitle: A\n---\nA.\n",
            "news/n.md": "---\ntitle: N\nkind: news\ndate: 2023-01-02\nsummary: S\n---\nN.\n",
        ]
        let (_, first) = await TestSite.render(TestSite.files(pages))
        let (_, second) = await TestSite.render(TestSite.files(pages))
        #expect(!first.isEmpty)
        #expect(first == second)
    }

    @Test func missingConfigIsAConfigurationFailure() async {
        let fs = InMemoryFileSystem(files: TestSite.templates.merging(["content/_index.md": TestSite.home]) { a, _ in a })
        let (report, files) = await TestSite.render(fs)
        #expect(report.isConfigurationFailure)
        #expect(report.diagnostics.first?.message.contains("there is no herald.yml") == true)
        #expect(files.isEmpty)
    }

    @Test func brokenTemplateIsAnErrorAtItsLine() async {
        let fs = TestSite.files([:])
        try? fs.write("<h1>{{page.title}}</h1>\n{{#page.pages}}\n", to: "templates/page.mustache")
        let (report, files) = await TestSite.render(fs)
        #expect(report.diagnostics.first?.location?.file == "templates/page.mustache")
        #expect(files.isEmpty)
    }

    @Test func summaryLineCountsPagesErrorsAndWarnings() {
        var report = BuildReport()
        report.pageCount = 142
        report.seconds = 0.31
        report.diagnostics = [.warning("w"), .warning("w"), .warning("w")]
        #expect(report.summary() == "Built 142 pages in 0.31 s: 0 errors, 3 warnings")
        #expect(report.summary(shown: (1, 2)) == "Built 142 pages in 0.31 s: 1 error, 2 warnings")
        report.strict = true
        #expect(!report.succeeded)
    }
}
