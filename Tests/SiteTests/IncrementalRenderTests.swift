import Core
import Foundation
import Testing
@testable import Site

/// The preview's rebuild: an in-memory render that remembers the last one must give exactly the
/// files a fresh render gives, while making again only what an edit affects.
@Suite(.serialized) struct IncrementalRenderTests {
    let fs = LocalFileSystem()

    func makeSite() throws -> String { try TestSite.smallSiteOnDisk(fs) }

    var builder: (String) -> SiteBuilder {
        { root in SiteBuilder(fileSystem: fs, options: BuildOptions(siteDirectory: root, clock: TestSite.fixedDay)) }
    }

    /// Renders remembering `memory`, renders afresh, and expects the same files.
    func expectSameAsFresh(_ root: String, _ memory: RenderMemory?) async -> (BuildReport, RenderMemory?) {
        let remembered = MemoryOutput()
        let (report, next) = await builder(root).render(into: remembered, remembering: memory)
        let fresh = MemoryOutput()
        let freshReport = await builder(root).render(into: fresh)
        #expect(report.errorCount == freshReport.errorCount, "\(report.diagnostics)")
        let a = remembered.files, b = fresh.files
        #expect(a.keys.sorted() == b.keys.sorted())
        for key in a.keys where a[key] != b[key] { Issue.record("\(key) differs from a fresh render") }
        return (report, next)
    }

    @Test func aSeriesOfEditsGivesWhatAFreshRenderGives() async throws {
        let root = try makeSite()
        defer { try? FileManager.default.removeItem(atPath: root) }
        var (report, memory) = await expectSameAsFresh(root, nil)
        #expect(report.errorCount == 0, "\(report.diagnostics)")
        #expect(report.reusedPageCount == 0)
        let remembered = memory?.pageCount ?? 0
        #expect(remembered > 5)

        // What the sitemap and feeds are reused under is what the build makes of them.
        let made = Set((memory?.files.keys).map(Array.init) ?? [])
        #expect(Set(PageStage.siteFileNames).isSubset(of: made))

        // Nothing changed: every page but the accessibility statement is taken as it was.
        (report, memory) = await expectSameAsFresh(root, memory)
        #expect(report.reusedPageCount == 4)
        #expect(report.reusedGeneratedCount >= 2)

        // A body edit: that page is made again, the others are not.
        try fs.write("---\ntitle: Report online\n---\n## Online form\n\nUse the police website's form.\n", to: Path.join(root, "content/report/online.md"))
        (report, memory) = await expectSameAsFresh(root, memory)
        #expect(report.reusedPageCount == 3)
        let online = String(decoding: memory?.files["report/online/index.html"] ?? Data(), as: UTF8.self)
        #expect(online.contains("Use the police website"))

        // A title edit changes the section's list, the home page and the A to Z; the other page
        // in the section is kept.
        try fs.write("---\ntitle: Report a crime online\n---\n## Online form\n\nUse the police website's form.\n", to: Path.join(root, "content/report/online.md"))
        (report, memory) = await expectSameAsFresh(root, memory)
        #expect(report.reusedPageCount == 1)
        #expect(report.reusedGeneratedCount == 1) // the 404 page; the A to Z is made again

        // A template edit: every page again.
        (report, memory) = await expectSameAsFresh(root, memory)
        try fs.write(TestSite.templates["templates/page.mustache"]! + "\n<p>Printed from the website.</p>", to: Path.join(root, "templates/page.mustache"))
        (report, memory) = await expectSameAsFresh(root, memory)
        #expect(report.reusedPageCount == 0)
        let page = String(decoding: memory?.files["report/online/index.html"] ?? Data(), as: UTF8.self)
        #expect(page.contains("Printed from the website."))
    }

    @Test func aFailedRenderKeepsTheLastGoodMemory() async throws {
        let root = try makeSite()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (first, memory) = await builder(root).render(into: MemoryOutput(), remembering: nil)
        #expect(first.errorCount == 0)
        // The heading another page links to is renamed: an error, and nothing to remember.
        try fs.write("---\ntitle: Report online\n---\n## The form\n\nUse it.\n", to: Path.join(root, "content/report/online.md"))
        let (broken, afterBroken) = await builder(root).render(into: MemoryOutput(), remembering: memory)
        #expect(broken.diagnostics.contains { $0.message.contains("has no heading with the id 'online-form'") })
        #expect(afterBroken?.files == memory?.files)
        // Fixed: the render from the remembered good one matches a fresh render.
        try fs.write("---\ntitle: Report online\n---\n## Online form\n\nUse it now.\n", to: Path.join(root, "content/report/online.md"))
        let (fixed, _) = await expectSameAsFresh(root, afterBroken)
        #expect(fixed.errorCount == 0)
        #expect(fixed.reusedPageCount == 3)
    }

    /// A file's size and modification time say whether it changed (as for make): one with both
    /// unchanged is not read again, which is what keeps a rebuild of a large site quick.
    @Test func aFileWithTheSameSizeAndTimeIsNotReadAgain() async throws {
        let root = try makeSite()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = Path.join(root, "content/report/phone.md")
        // A whole second, which setting the time back can repeat exactly.
        let modified = Date(timeIntervalSince1970: 1_700_000_000)
        try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: path)
        let (_, memory) = await builder(root).render(into: MemoryOutput(), remembering: nil)
        let text = try fs.readText(path)
        try fs.write(text.replacingOccurrences(of: "Report by phone", with: "Report by PHONE"), to: path)
        try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: path)
        let remembered = MemoryOutput()
        _ = await builder(root).render(into: remembered, remembering: memory)
        let page = String(decoding: remembered.files["report/phone/index.html"] ?? Data(), as: UTF8.self)
        #expect(page.contains("Report by phone"))
        // A fresh render reads it.
        let fresh = MemoryOutput()
        _ = await builder(root).render(into: fresh)
        #expect(String(decoding: fresh.files["report/phone/index.html"] ?? Data(), as: UTF8.self).contains("Report by PHONE"))
    }
}
