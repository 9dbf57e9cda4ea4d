import Core
import Foundation
import Testing
@testable import Site

/// The preview's quickest rebuild (`renderTextEdits`): told which files changed, an edit below
/// the front matter re-makes those pages alone. Each test compares with a fresh render, and
/// checks that anything else (front matter, headings, new files, errors) takes the usual path.
@Suite(.serialized) struct TextEditRenderTests {
    let fs = LocalFileSystem()

    func builder(_ root: String) -> SiteBuilder {
        SiteBuilder(fileSystem: fs, options: BuildOptions(siteDirectory: root, clock: TestSite.fixedDay))
    }

    /// Renders remembering `memory` and told `changed` (paths below the site root), then afresh,
    /// and expects the same files and findings.
    func expectSameAsFresh(_ root: String, _ memory: RenderMemory?, changed: [String]) async -> (BuildReport, RenderMemory?) {
        let remembered = MemoryOutput()
        let (report, next) = await builder(root).render(into: remembered, remembering: memory,
                                                        changed: changed.map { Path.join(root, $0) })
        let fresh = MemoryOutput()
        let freshReport = await builder(root).render(into: fresh)
        #expect(report.diagnostics == freshReport.diagnostics)
        #expect(report.pageCount == freshReport.pageCount)
        #expect(report.fileCount == freshReport.fileCount)
        if report.succeeded {
            let a = remembered.files, b = fresh.files
            #expect(a.keys.sorted() == b.keys.sorted())
            for key in a.keys where a[key] != b[key] { Issue.record("\(key) differs from a fresh render") }
        }
        return (report, next)
    }

    func page(_ memory: RenderMemory?, _ path: String) -> String {
        String(decoding: memory?.files[path] ?? Data(), as: UTF8.self)
    }

    func start() async throws -> (String, RenderMemory?) {
        let root = try TestSite.smallSiteOnDisk(fs)
        let (report, memory) = await builder(root).render(into: MemoryOutput(), remembering: nil)
        #expect(report.errorCount == 0, "\(report.diagnostics)")
        return (root, memory)
    }

    @Test func aBodyEditRemakesThatPageAlone() async throws {
        let (root, memory) = try await start()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try fs.write("---\ntitle: Report online\n---\n## Online form\n\nUse the police website's form.\n",
                     to: Path.join(root, "content/report/online.md"))
        let (report, next) = await expectSameAsFresh(root, memory, changed: ["content/report/online.md"])
        #expect(report.onlyEditedPages)
        #expect(report.reusedPageCount == 4)
        let page = page(next, "report/online/index.html")
        #expect(page.contains("Use the police website"))
        // What the paths say is all that is looked at: a file added meanwhile and not named
        // waits for the next render that is told of it.
        try fs.write("---\ntitle: Report in person\n---\nAt a police station.\n", to: Path.join(root, "content/report/in-person.md"))
        try fs.write("---\ntitle: Report online\n---\n## Online form\n\nUse the form on the website.\n",
                     to: Path.join(root, "content/report/online.md"))
        let output = MemoryOutput()
        let (quick, _) = await builder(root).render(into: output, remembering: next, changed: [Path.join(root, "content/report/online.md")])
        #expect(quick.succeeded && quick.onlyEditedPages)
        #expect(output.files["report/in-person/index.html"] == nil)
        #expect(String(decoding: output.files["report/online/index.html"] ?? Data(), as: UTF8.self).contains("Use the form on the website"))
        // Told of the new file, the render looks at everything and gives the fresh render's files.
        let (full, _) = await expectSameAsFresh(root, next, changed: ["content/report/in-person.md", "content/report/online.md"])
        #expect(full.reusedPageCount == 0 && !full.onlyEditedPages)
    }

    @Test func newFindingsRemakeTheAccessibilityStatement() async throws {
        let (root, memory) = try await start()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let before = page(memory, "accessibility/index.html")
        #expect(before.contains("fully compliant"))
        try fs.write("---\ntitle: Report by phone\n---\nSee [click here](online.md#online-form).\n",
                     to: Path.join(root, "content/report/phone.md"))
        let (report, next) = await expectSameAsFresh(root, memory, changed: ["content/report/phone.md"])
        #expect(report.warningCount > 0)
        #expect(report.onlyEditedPages)
        #expect(report.reusedPageCount == 3)
        let after = page(next, "accessibility/index.html")
        #expect(after.contains("partially compliant"))
        // And back again.
        try fs.write("---\ntitle: Report by phone\n---\nSee [the online form](online.md#online-form).\n",
                     to: Path.join(root, "content/report/phone.md"))
        let (fixed, last) = await expectSameAsFresh(root, next, changed: ["content/report/phone.md"])
        #expect(fixed.warningCount == 0 && fixed.onlyEditedPages)
        #expect(page(last, "accessibility/index.html").contains("fully compliant"))
    }

    @Test func frontMatterHeadingsAndTheStatementTakeTheUsualPath() async throws {
        var (root, memory) = try await start()
        defer { try? FileManager.default.removeItem(atPath: root) }
        var report: BuildReport
        // A title is shown on other pages.
        try fs.write("---\ntitle: Report a crime online\n---\n## Online form\n\nUse the form.\n", to: Path.join(root, "content/report/online.md"))
        (report, memory) = await expectSameAsFresh(root, memory, changed: ["content/report/online.md"])
        #expect(!report.onlyEditedPages)
        #expect(report.reusedPageCount == 1)
        // A new heading is a new link target.
        try fs.write("---\ntitle: Report a crime online\n---\n## Online form\n\nUse the form.\n\n## After\n\nWe call.\n",
                     to: Path.join(root, "content/report/online.md"))
        (report, memory) = await expectSameAsFresh(root, memory, changed: ["content/report/online.md"])
        #expect(!report.onlyEditedPages)
        #expect(report.errorCount == 0)
        // The statement reports on every page: made with the others' findings in full.
        try fs.write("---\ntitle: Accessibility statement\n---\n## Status\n\n{{accessibility.compliance}}\n\nUpdated.\n",
                     to: Path.join(root, "content/accessibility.md"))
        (report, memory) = await expectSameAsFresh(root, memory, changed: ["content/accessibility.md"])
        #expect(!report.onlyEditedPages)
        #expect(page(memory, "accessibility/index.html").contains("Updated."))
        // A template.
        try fs.write(TestSite.templates["templates/page.mustache"]! + "\n<p>Printed from the website.</p>", to: Path.join(root, "templates/page.mustache"))
        (report, memory) = await expectSameAsFresh(root, memory, changed: ["templates/page.mustache"])
        #expect(!report.onlyEditedPages)
        #expect(page(memory, "report/phone/index.html").contains("Printed from the website."))
        // A file removed.
        try fs.remove(Path.join(root, "content/report/phone.md"))
        (report, memory) = await expectSameAsFresh(root, memory, changed: ["content/report/phone.md"])
        #expect(!report.onlyEditedPages)
        #expect(memory?.files["report/phone/index.html"] == nil)
    }

    @Test func aBodyEditThatBreaksALinkFailsAndKeepsTheLastGoodRender() async throws {
        let (root, memory) = try await start()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try fs.write("---\ntitle: Report by phone\n---\nSee [the online form](online.md#no-such-heading).\n",
                     to: Path.join(root, "content/report/phone.md"))
        let (broken, afterBroken) = await expectSameAsFresh(root, memory, changed: ["content/report/phone.md"])
        #expect(!broken.succeeded && broken.onlyEditedPages)
        #expect(broken.diagnostics.contains { $0.message.contains("has no heading with the id 'no-such-heading'") })
        #expect(afterBroken?.files == memory?.files)
        // Another page edited while the link is still broken: still failing.
        try fs.write("---\ntitle: Report online\n---\n## Online form\n\nUse the new form.\n", to: Path.join(root, "content/report/online.md"))
        let (stillBroken, afterBoth) = await expectSameAsFresh(root, afterBroken, changed: ["content/report/online.md"])
        #expect(!stillBroken.succeeded)
        // Fixed, and told only of the fix: the memory knows the edits the failed renders did not
        // take in, so the other page's edit is there too (the fresh render compared has it).
        try fs.write("---\ntitle: Report by phone\n---\nSee [the form](online.md#online-form).\n",
                     to: Path.join(root, "content/report/phone.md"))
        let (fixed, last) = await expectSameAsFresh(root, afterBoth, changed: ["content/report/phone.md"])
        #expect(fixed.succeeded && fixed.onlyEditedPages)
        #expect(fixed.reusedPageCount == 3)
        #expect(page(last, "report/online/index.html").contains("Use the new form."))
    }

    @Test func anUnpublishedDraftIsReadAgainAndShownNowhere() async throws {
        var (root, memory) = try await start()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let draft = "---\ntitle: Report a fraud\ndraft: true\n---\nSoon.\n"
        try fs.write(draft, to: Path.join(root, "content/report/fraud.md"))
        (_, memory) = await expectSameAsFresh(root, memory, changed: ["content/report/fraud.md"])
        try fs.write(draft + "\nLater.\n", to: Path.join(root, "content/report/fraud.md"))
        let (report, next) = await expectSameAsFresh(root, memory, changed: ["content/report/fraud.md"])
        #expect(report.succeeded && report.onlyEditedPages)
        #expect(next?.files == memory?.files.merging([Manifest.fileName: next?.files[Manifest.fileName] ?? Data()]) { $1 })
        #expect(next?.files.keys.contains { $0.hasPrefix("report/fraud") } == false)
    }
}
