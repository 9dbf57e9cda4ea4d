import Core
import Foundation
import Testing
@testable import Site

/// What happens after the staged site is swapped in: the old site is kept as the next build's
/// spare, or else removed while the cache is saved, and failing to do either never undoes or
/// fails the build.
struct PublishTests {
    @Test func aBuildKeepsTheSiteItReplacedAsTheSpare() async throws {
        let fs = TestSite.files(["report/_index.md": "---\ntitle: Report\n---\nFirst.\n"])
        let builder = SiteBuilder(fileSystem: fs, options: TestSite.options())
        #expect(await builder.build().succeeded)
        try fs.write("---\ntitle: Report\n---\nSecond.\n", to: "content/report/_index.md")
        let report = await builder.build()
        #expect(report.succeeded)
        #expect(try fs.readText("public/report/index.html").contains("Second."))
        #expect(try fs.entries(in: "").map(\.name).filter { $0.contains("herald-staging") }.isEmpty)
        #expect(try fs.readText("public.herald-spare/report/index.html").contains("First."))
        #expect(report.diagnostics.isEmpty)
    }

    /// The time a build reports is the whole build's, the search index and publishing included.
    @Test func theReportedTimeIncludesTheSearchIndex() async throws {
        let fs = TestSite.files(["report/_index.md": "---\ntitle: Report\n---\nFirst.\n"],
                                config: TestSite.config + "\nsearch: true\n")
        var builder = SiteBuilder(fileSystem: fs, options: TestSite.options())
        builder.searchIndexer = { staging in
            Thread.sleep(forTimeInterval: 0.3)
            try fs.write("{}", to: Path.join(staging, "pagefind/pagefind-entry.json"))
        }
        let report = await builder.build()
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(fs.kind(of: "public/pagefind/pagefind-entry.json") == .file)
        #expect(report.seconds >= 0.3)
    }

    @Test func anOldSiteThatCannotBeRemovedIsAdviceAndTheNextBuildClearsIt() async throws {
        let memory = TestSite.files(["report/_index.md": "---\ntitle: Report\n---\nFirst.\n"])
        let fs = WatchedFileSystem(memory)
        let builder = SiteBuilder(fileSystem: fs, options: TestSite.options())
        #expect(await builder.build().succeeded)

        // Neither removed nor made the spare.
        fs.refuse.withLock { $0 = { operation, path in
            operation == .remove ? path.contains(".herald-staging-") : path.hasSuffix(".herald-spare")
        } }
        try memory.write("---\ntitle: Report\n---\nSecond.\n", to: "content/report/_index.md")
        let report = await builder.build()
        #expect(report.succeeded, "the new site is out: the build succeeded")
        #expect(try memory.readText("public/report/index.html").contains("Second."))
        let advice = report.diagnostics.filter { $0.message.contains("the previous site could not be removed") }
        #expect(advice.count == 1 && advice.allSatisfy { $0.severity == .advice }, "\(report.diagnostics)")
        #expect(advice.first?.hint?.contains("The next build tries again") == true)
        let left = try memory.entries(in: "").map(\.name).filter { $0.contains("herald-staging") }
        #expect(left.count == 1)

        fs.refuse.withLock { $0 = { _, _ in false } }
        try memory.write("---\ntitle: Report\n---\nThird.\n", to: "content/report/_index.md")
        #expect(await builder.build().succeeded)
        #expect(try memory.entries(in: "").map(\.name).filter { $0.contains("herald-staging") }.isEmpty)
        #expect(try memory.readText("public/report/index.html").contains("Third."))
    }
}
