import Foundation
import Testing
@testable import Preview

@Suite("Pieces")
struct UnitTests {
    @Test func theScriptGoesBeforeTheLastClosingBody() {
        let page = Data("<html><body><p>&lt;/body&gt; </body >x</Body></html>".utf8)
        let result = String(decoding: ReloadInjection.inject(into: page), as: UTF8.self)
        #expect(result == "<html><body><p>&lt;/body&gt; </body >x\(PreviewAssets.scriptTag)</Body></html>")
    }

    @Test func aPageWithoutABodyTagGetsTheScriptAtTheEnd() {
        let result = String(decoding: ReloadInjection.inject(into: Data("<p>hi".utf8)), as: UTF8.self)
        #expect(result == "<p>hi" + PreviewAssets.scriptTag)
    }

    @Test func onlyHTMLIsInjected() {
        let css = PreparedFile(path: "a.css", data: Data("</body>".utf8))
        #expect(String(buffer: css.body) == "</body>")
        let html = PreparedFile(path: "a/index.html", data: Data("</body>".utf8))
        #expect(String(buffer: html.body) == PreviewAssets.scriptTag + "</body>")
    }

    @Test func unknownExtensionsAreOctetStreams() {
        #expect(ContentType.forPath("archive.bin") == "application/octet-stream")
        #expect(ContentType.forPath("README") == "application/octet-stream")
        #expect(ContentType.forPath("PHOTO.JPG") == "image/jpeg")
    }

    @Test func theScanSeesCreatedModifiedAndDeletedFilesButNotHiddenOnes() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try FileManager.default.createDirectory(atPath: site.content + "/deep/er", withIntermediateDirectories: true)
        try site.write("a", to: "keep.md")
        try site.write("b", to: "change.md")
        try site.write("c", to: "remove.md")
        let before = FileScan(of: [site.content, site.root + "/missing-config.yml"])
        #expect(before.files.count == 3)

        try site.write("bb", to: "change.md")
        try FileManager.default.removeItem(atPath: site.content + "/remove.md")
        try site.write("d", to: "deep/er/new.md")
        try site.write("swap", to: ".change.md.swp")
        try site.write("backup", to: "keep.md~")
        try site.write("lock", to: "~$leaflet.docx")
        let after = FileScan(of: [site.content, site.root + "/missing-config.yml"])
        #expect(before.changes(to: after) == [
            site.content + "/change.md", site.content + "/deep/er/new.md", site.content + "/remove.md",
        ])
        #expect(after.changes(to: after).isEmpty)

        // Looking again at named paths alone finds the same changes, and skips hidden names.
        var updated = before
        let named = Set(["change.md", "remove.md", "deep/er/new.md", ".change.md.swp", "keep.md"].map { site.content + "/" + $0 })
        #expect(updated.update(named) == before.changes(to: after))
        #expect(updated == after)
        #expect(updated.update(named).isEmpty)
    }

    @Test func aWatchedFileCanBeTheConfig() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let config = site.root + "/herald.yml"
        try "title: A".write(toFile: config, atomically: true, encoding: .utf8)
        let before = FileScan(of: [config])
        try "title: B, longer".write(toFile: config, atomically: true, encoding: .utf8)
        #expect(before.changes(to: FileScan(of: [config])) == [config])
    }

    @Test func aWatchedRootThatIsALinkIsFollowed() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        // A site sharing another's theme: its templates folder is a link to the other's.
        let shared = site.root + "/shared-theme"
        try FileManager.default.createDirectory(atPath: shared, withIntermediateDirectories: true)
        try "<p>a</p>".write(toFile: shared + "/page.mustache", atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: site.root + "/templates", withDestinationPath: shared)
        let before = FileScan(of: [site.root + "/templates"])
        #expect(before.files.keys.sorted() == [site.root + "/templates/page.mustache"])
        try "<p>a longer page</p>".write(toFile: shared + "/page.mustache", atomically: false, encoding: .utf8)
        #expect(before.changes(to: FileScan(of: [site.root + "/templates"])) == [site.root + "/templates/page.mustache"])
    }

    @Test func symbolicLinksAreListedNotFollowed() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try FileManager.default.createSymbolicLink(atPath: site.content + "/loop", withDestinationPath: site.content)
        let scan = FileScan(of: [site.content])
        #expect(scan.files.keys.sorted() == [site.content + "/loop"])
    }
}

@Suite("Site store")
struct SiteStoreTests {
    @Test func aWaitingRequestGetsTheFirstBuild() async {
        let store = SiteStore()
        let waiter = Task { await store.current() }
        try? await Task.sleep(for: .milliseconds(20))
        store.install(.success(BuiltSite(files: ["index.html": Data("hi".utf8)])))
        let state = await waiter.value
        #expect(state?.lastGood?.hasFile("index.html") == true)
    }

    @Test func aCancelledWaiterGivesUp() async {
        let store = SiteStore()
        let waiter = Task { await store.current() }
        try? await Task.sleep(for: .milliseconds(20))
        waiter.cancel()
        #expect(await waiter.value == nil)
    }

    @Test func aFailedBuildKeepsTheLastGoodSiteAndEachBuildHasANewID() {
        let store = SiteStore()
        let good = store.install(.success(BuiltSite(files: ["a.css": Data()])))
        let bad = store.install(.failure([.error("nope")]))
        #expect(bad.lastGood === good.lastGood)
        #expect(bad.failure?.count == 1)
        #expect(bad.buildID != good.buildID)
    }
}
