import Core
import Foundation
import Testing
@testable import Site

/// An incremental build must give exactly what a clean build gives, whatever was edited.
@Suite(.serialized) struct IncrementalBuildTests {
    let fs = LocalFileSystem()

    func makeSite() throws -> String { try TestSite.smallSiteOnDisk(fs) }

    func build(_ root: String, output: String, cache: Bool) async -> BuildReport {
        var builder = SiteBuilder(fileSystem: fs, options: BuildOptions(siteDirectory: root, outputDirectory: Path.join(root, output), clock: TestSite.fixedDay))
        builder.useCache = cache
        return await builder.build()
    }

    func tree(_ root: String, _ output: String) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let folder = Path.join(root, output)
        for path in try fs.recursiveFiles(in: folder) { result[path] = try fs.read(Path.join(folder, path)) }
        return result
    }

    @discardableResult
    func expectSameAsClean(_ root: String, reused: Int) async throws -> BuildReport {
        let incremental = await build(root, output: "public", cache: true)
        #expect(incremental.errorCount == 0, "\(incremental.diagnostics)")
        #expect(incremental.reusedPageCount == reused)
        let clean = await build(root, output: "clean", cache: false)
        #expect(clean.errorCount == 0)
        let a = try tree(root, "public"), b = try tree(root, "clean")
        #expect(a.keys.sorted() == b.keys.sorted())
        for key in a.keys where a[key] != b[key] { Issue.record("\(key) differs from a clean build: \(dumpDifference(a[key], b[key]))") }
        return incremental
    }

    @Test func aSeriesOfEditsGivesWhatACleanBuildGives() async throws {
        let root = try makeSite()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let first = await build(root, output: "public", cache: true)
        #expect(first.errorCount == 0, "\(first.diagnostics)")

        let unchanged = await build(root, output: "public", cache: true)
        #expect(unchanged.unchanged)
        #expect(unchanged.pageCount == first.pageCount)

        // A body edit: only that page is made again (the statement always is); the pages
        // Herald makes (A to Z, 404, lists) show only front matter, so they are kept too.
        try fs.write("---\ntitle: Report online\n---\n## Online form\n\nUse the police website's form.\n", to: Path.join(root, "content/report/online.md"))
        let bodyEdit = try await expectSameAsClean(root, reused: 3)
        #expect(bodyEdit.reusedGeneratedCount >= 2)
        // A title edit: the section listing it and the home page change, and the lists Herald
        // makes; the other page in the section shows only its parents' titles and is kept.
        try fs.write("---\ntitle: Report a crime online\n---\n## Online form\n\nUse the police website's form.\n", to: Path.join(root, "content/report/online.md"))
        let titleEdit = try await expectSameAsClean(root, reused: 1)
        #expect(titleEdit.reusedGeneratedCount == 1) // the 404 page; the A to Z is made again
        // A heading edit breaks the anchor another page links to: an error, nothing published.
        try fs.write("---\ntitle: Report a crime online\n---\n## The form\n\nUse it.\n", to: Path.join(root, "content/report/online.md"))
        let broken = await build(root, output: "public", cache: true)
        #expect(broken.diagnostics.contains { $0.message.contains("has no heading with the id 'online-form'") })
        // Fixed again, a new page added, and a template changed.
        try fs.write("---\ntitle: Report a crime online\n---\n## Online form\n\nUse it.\n", to: Path.join(root, "content/report/online.md"))
        try fs.write("---\ntitle: Report anonymously\n---\nUse Crimestoppers.\n", to: Path.join(root, "content/report/anonymous.md"))
        try await expectSameAsClean(root, reused: 0)
        try fs.write(TestSite.templates["templates/page.mustache"]! + "\n<p>Printed from the website.</p>", to: Path.join(root, "templates/page.mustache"))
        try await expectSameAsClean(root, reused: 0)
        try fs.write("---\ntitle: Report anonymously\n---\nUse Crimestoppers, a charity.\n", to: Path.join(root, "content/report/anonymous.md"))
        try await expectSameAsClean(root, reused: 4)
        try fs.remove(Path.join(root, "content/report/anonymous.md"))
        try await expectSameAsClean(root, reused: 0)
    }

    /// A front matter edit makes again the pages that show the edited page (its section, its
    /// children, pages that list it as related, the pages with the news and decisions lists)
    /// and keeps the rest; a new URL makes every page again.
    @Test func frontMatterEditsRemakeThePagesThatShowTheEditedPage() async throws {
        let root = try makeSite()
        defer { try? FileManager.default.removeItem(atPath: root) }
        // A page template that shows all that a page can show of others.
        try fs.write("""
            {{#page.breadcrumbs}}<a href="{{url}}">{{title}}</a> {{/page.breadcrumbs}}
            {{#page.section}}<p>In {{title}}</p>{{/page.section}}
            <h1>{{page.title}}</h1>
            {{{page.content}}}
            {{#page.has_pages}}<ul>{{#page.pages}}<li><a href="{{url}}">{{title}}</a> {{description}}</li>{{/page.pages}}</ul>{{/page.has_pages}}
            {{#page.has_related}}<ul>{{#page.related}}<li><a href="{{url}}">{{title}}</a> {{description}}</li>{{/page.related}}</ul>{{/page.has_related}}
            """, to: Path.join(root, "templates/page.mustache"))
        try fs.write("---\ntitle: Report by phone\nrelated:\n  - online.md\n---\nSee [the online form](online.md#online-form).\n",
                     to: Path.join(root, "content/report/phone.md"))
        try fs.write("---\ntitle: About us\n---\nWho we are.\n", to: Path.join(root, "content/about/_index.md"))
        try fs.write("---\ntitle: Our team\n---\nThe people.\n", to: Path.join(root, "content/about/team.md"))
        try fs.write("---\ntitle: Our budget\naliases: [/money/]\n---\nThe money.\n", to: Path.join(root, "content/about/budget.md"))
        try fs.write("---\ntitle: New patrols\nkind: news\ndate: 2024-02-01\nsummary: More patrols.\n---\nA story.\n",
                     to: Path.join(root, "content/news/patrols.md"))
        try fs.write("---\ntitle: New station\nkind: news\ndate: 2024-03-01\nsummary: A station.\n---\nA story.\n",
                     to: Path.join(root, "content/news/station.md"))
        let first = await build(root, output: "public", cache: true)
        #expect(first.errorCount == 0, "\(first.diagnostics)")
        let generated = first.reusedGeneratedCount

        // online's title: online, its section, phone (related), home and the statement again;
        // about, team, budget and the news kept; of the pages Herald makes, the A to Z again,
        // the news list, the 404 page and budget's redirect kept.
        try fs.write("---\ntitle: Report a crime online\n---\n## Online form\n\nUse the form.\n", to: Path.join(root, "content/report/online.md"))
        let titleEdit = try await expectSameAsClean(root, reused: 5)
        #expect(generated == 0 && titleEdit.reusedGeneratedCount == 3)
        let phone = String(decoding: try fs.read(Path.join(root, "public/report/phone/index.html")), as: UTF8.self)
        #expect(phone.contains(">Report a crime online</a>"))
        let team = String(decoding: try fs.read(Path.join(root, "public/about/team/index.html")), as: UTF8.self)
        #expect(team.contains(">About us</a>") && team.contains("In About us"))
        // The section's description: its children (breadcrumbs) and itself; the report pages kept.
        try fs.write("---\ntitle: About us\ndescription: Who runs the office.\n---\nWho we are.\n", to: Path.join(root, "content/about/_index.md"))
        try await expectSameAsClean(root, reused: 5)
        // A weight and title reorder the section's list: budget, its section and its redirect again.
        try fs.write("---\ntitle: Our budget and spending\nweight: 1\naliases: [/money/]\n---\nThe money.\n", to: Path.join(root, "content/about/budget.md"))
        let weightEdit = try await expectSameAsClean(root, reused: 6)
        #expect(weightEdit.reusedGeneratedCount == 2)
        // A news title: the news list again (and home, which shows the latest), the other story kept.
        try fs.write("---\ntitle: New patrols in Ely\nkind: news\ndate: 2024-02-01\nsummary: More patrols.\n---\nA story.\n",
                     to: Path.join(root, "content/news/patrols.md"))
        let newsEdit = try await expectSameAsClean(root, reused: 7)
        #expect(newsEdit.reusedGeneratedCount == 2)
        let list = String(decoding: try fs.read(Path.join(root, "public/news/index.html")), as: UTF8.self)
        #expect(list.contains("New patrols in Ely"))
        // A new slug is a new URL: every page again.
        try fs.write("---\ntitle: Our team\nslug: people\n---\nThe people.\n", to: Path.join(root, "content/about/team.md"))
        try await expectSameAsClean(root, reused: 0)
    }

    /// "Nothing changed" is decided from the small head file alone; a head that is damaged, or
    /// stale after a build that changed the output, never makes a build skip work it must do.
    @Test func theHeadFileDecidesNothingChangedAndNeverWrongly() async throws {
        let root = try makeSite()
        defer { try? FileManager.default.removeItem(atPath: root) }
        _ = await build(root, output: "public", cache: true)
        let options = BuildOptions(siteDirectory: root, outputDirectory: Path.join(root, "public"), clock: TestSite.fixedDay)
        let head = BuildCache.headPath(in: options)
        #expect(fs.kind(of: head) == .file)
        let staleHead = try fs.read(head)

        // The whole cache gone: the head alone says nothing changed.
        try fs.remove(BuildCache.path(in: options))
        #expect(await build(root, output: "public", cache: true).unchanged)

        // A damaged head: built again (nothing to reuse now), the same as a clean build.
        try fs.write("{not json", to: head)
        try await expectSameAsClean(root, reused: 0)

        // An edit, then the old head put back: its manifest no longer matches, so the edit is built.
        try fs.write("---\ntitle: Report online\n---\n## Online form\n\nUse the form today.\n", to: Path.join(root, "content/report/online.md"))
        _ = await build(root, output: "public", cache: true)
        try fs.write(staleHead, to: head)
        let afterStale = await build(root, output: "public", cache: true)
        #expect(!afterStale.unchanged)
        let page = String(decoding: try fs.read(Path.join(root, "public/report/online/index.html")), as: UTF8.self)
        #expect(page.contains("Use the form today."))
    }

    @Test func anOutputFolderChangedByHandIsRebuilt() async throws {
        let root = try makeSite()
        defer { try? FileManager.default.removeItem(atPath: root) }
        _ = await build(root, output: "public", cache: true)
        try fs.remove(Path.join(root, "public/report/index.html"))
        try fs.write("{}", to: Path.join(root, "public/.herald-manifest.json"))
        let report = await build(root, output: "public", cache: true)
        #expect(!report.unchanged)
        #expect(fs.exists(Path.join(root, "public/report/index.html")))
    }
}
extension IncrementalBuildTests {
    func dumpDifference(_ a: Data?, _ b: Data?) -> String {
        let x = String(decoding: a ?? Data(), as: UTF8.self).split(separator: "\n"), y = String(decoding: b ?? Data(), as: UTF8.self).split(separator: "\n")
        for (l, r) in zip(x, y) where l != r { return "incremental: \(l)\nclean:       \(r)" }
        return "lengths \(x.count) \(y.count)"
    }
}
