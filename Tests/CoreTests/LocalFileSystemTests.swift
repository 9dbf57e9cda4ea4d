import Foundation
import Testing
@testable import Core

/// The real disk's operations the build leans on most: listing folders and removing a whole
/// previous site, both done without Foundation's walk.
@Suite(.serialized) struct LocalFileSystemTests {
    let fs = LocalFileSystem()

    func folder() throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("herald-fs-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        return root
    }

    @Test func removingATreeTakesEverythingInItAndFollowsNoLink() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let site = root + "/public", outside = root + "/keep"
        for path in ["index.html", "report/index.html", "report/online/index.html", "assets/a b/ü.css", ".hidden"] {
            try fs.write(Data("x".utf8), to: site + "/" + path)
        }
        try fs.createDirectory(site + "/empty")
        try fs.write(Data("precious".utf8), to: outside + "/file.txt")
        try FileManager.default.createSymbolicLink(atPath: site + "/link-out", withDestinationPath: outside)
        try FileManager.default.createSymbolicLink(atPath: site + "/report/dangling", withDestinationPath: root + "/nowhere")

        try fs.remove(site)
        #expect(fs.kind(of: site) == nil)
        #expect(try fs.read(outside + "/file.txt") == Data("precious".utf8))
        try fs.remove(site)   // nothing there: not an error
    }

    @Test func removingAFileOrALinkRemovesOnlyIt() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try fs.write(Data("a".utf8), to: root + "/a.txt")
        try FileManager.default.createSymbolicLink(atPath: root + "/to-root", withDestinationPath: root)
        try fs.remove(root + "/to-root")
        try fs.remove(root + "/a.txt")
        #expect(fs.kind(of: root) == .directory)
        #expect(try fs.entries(in: root).isEmpty)
    }

    @Test func listingGivesKindsSortedByName() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try fs.write(Data(), to: root + "/b.md")
        try fs.createDirectory(root + "/a")
        try FileManager.default.createSymbolicLink(atPath: root + "/c", withDestinationPath: root + "/b.md")
        let entries = try fs.entries(in: root)
        #expect(entries.map(\.name) == ["a", "b.md", "c"])
        #expect(entries.map(\.kind) == [.directory, .file, .symbolicLink])
        #expect(throws: FileSystemError.self) { try fs.entries(in: root + "/b.md") }
    }
}
