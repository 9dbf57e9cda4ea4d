import Core
import Foundation
import Synchronization
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

    @Test func anOldSiteThatCannotBeRemovedIsAdviceAndTheNextBuildClearsIt() async throws {
        let memory = TestSite.files(["report/_index.md": "---\ntitle: Report\n---\nFirst.\n"])
        let fs = StuckRemovals(memory)
        let builder = SiteBuilder(fileSystem: fs, options: TestSite.options())
        #expect(await builder.build().succeeded)

        fs.stuck.withLock { $0 = true }
        try memory.write("---\ntitle: Report\n---\nSecond.\n", to: "content/report/_index.md")
        let report = await builder.build()
        #expect(report.succeeded, "the new site is out: the build succeeded")
        #expect(try memory.readText("public/report/index.html").contains("Second."))
        let advice = report.diagnostics.filter { $0.message.contains("the previous site could not be removed") }
        #expect(advice.count == 1 && advice.allSatisfy { $0.severity == .advice }, "\(report.diagnostics)")
        #expect(advice.first?.hint?.contains("The next build tries again") == true)
        let left = try memory.entries(in: "").map(\.name).filter { $0.contains("herald-staging") }
        #expect(left.count == 1)

        fs.stuck.withLock { $0 = false }
        try memory.write("---\ntitle: Report\n---\nThird.\n", to: "content/report/_index.md")
        #expect(await builder.build().succeeded)
        #expect(try memory.entries(in: "").map(\.name).filter { $0.contains("herald-staging") }.isEmpty)
        #expect(try memory.readText("public/report/index.html").contains("Third."))
    }
}

/// An in-memory disk on which, while `stuck` is set, a staging folder can be neither removed nor
/// made the spare (a file held open elsewhere, a permission changed under the build).
private final class StuckRemovals: FileSystem {
    let base: InMemoryFileSystem
    let stuck = Mutex(false)

    init(_ base: InMemoryFileSystem) { self.base = base }

    func remove(_ path: String) throws {
        if stuck.withLock({ $0 }), path.contains(".herald-staging-"), base.kind(of: path) != nil {
            throw FileSystemError(path: path, reason: "cannot be removed")
        }
        try base.remove(path)
    }

    func read(_ path: String) throws -> Data { try base.read(path) }
    func write(_ data: Data, to path: String) throws { try base.write(data, to: path) }
    func entries(in directory: String) throws -> [DirectoryEntry] { try base.entries(in: directory) }
    func kind(of path: String) -> FileKind? { base.kind(of: path) }
    func resolvingSymbolicLinks(_ path: String) throws -> String { try base.resolvingSymbolicLinks(path) }
    func createDirectory(_ path: String) throws { try base.createDirectory(path) }
    func move(_ source: String, to destination: String) throws {
        if stuck.withLock({ $0 }), destination.hasSuffix(".herald-spare") {
            throw FileSystemError(path: destination, reason: "cannot be made")
        }
        try base.move(source, to: destination)
    }
    func exchange(_ replacement: String, with target: String) throws { try base.exchange(replacement, with: target) }
    func modificationDate(of path: String) -> Date? { base.modificationDate(of: path) }
    func size(of path: String) -> Int? { base.size(of: path) }
    func linkOrCopy(_ source: String, to destination: String) throws { try base.linkOrCopy(source, to: destination) }
}
