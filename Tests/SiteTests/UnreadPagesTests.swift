import Core
import Foundation
import Testing
@testable import Site

/// `herald build` reads a page's file only when its stamp changed or the page is made again:
/// the last build's record of it stands for the rest.
struct UnreadPagesTests {
    @Test func aBuildReadsOnlyThePagesItMakesAgain() async throws {
        let memory = TestSite.files([
            "report/_index.md": "---\ntitle: Report a crime\n---\nWays to report.\n",
            "report/online.md": "---\ntitle: Report online\n---\n## Online form\n\nUse the form.\n",
            "report/phone.md": "---\ntitle: Report by phone\n---\nSee [the online form](online.md#online-form).\n",
            "accessibility.md": "---\ntitle: Accessibility statement\n---\n## Status\n\n{{accessibility.compliance}}\n",
        ])
        let fs = WatchedFileSystem(memory)
        let builder = SiteBuilder(fileSystem: fs, options: TestSite.options())
        #expect(await builder.build().succeeded)
        func pagesRead() -> Set<String> { Set(fs.reads.withLock { $0 }.filter { $0.hasPrefix("content/") && $0.hasSuffix(".md") }) }

        // A body edit: that page is read, and the statement, which is made every time.
        try memory.write("---\ntitle: Report online\n---\n## Online form\n\nUse the form today.\n", to: "content/report/online.md")
        fs.reads.withLock { $0 = [] }
        #expect(await builder.build().succeeded)
        #expect(pagesRead() == ["content/report/online.md", "content/accessibility.md"])

        // A title edit: the section that lists the page is made again, so it is read too.
        try memory.write("---\ntitle: Report a crime online\n---\n## Online form\n\nUse the form today.\n", to: "content/report/online.md")
        fs.reads.withLock { $0 = [] }
        #expect(await builder.build().succeeded)
        #expect(pagesRead().isSuperset(of: ["content/report/online.md", "content/report/_index.md", "content/accessibility.md"]))
        #expect(!pagesRead().contains("content/report/phone.md"))
        #expect(try memory.readText("public/report/index.html").contains("Report a crime online"))
        let clean = await TestSite.render(memory)
        for (path, text) in clean.1 where path.hasSuffix(".html") {
            #expect(try memory.readText("public/" + path) == text, "\(path) differs from a clean render")
        }
    }
}
