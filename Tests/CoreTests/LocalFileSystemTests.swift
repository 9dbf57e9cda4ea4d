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

    /// A mapped file is read where it is; `write` replaces the file whole, so a reader of the
    /// old one keeps what it mapped.
    @Test func aMappedFileKeepsItsBytesWhenTheFileIsReplaced() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = root + "/cache/build.cache"
        let old = Data((0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        try fs.write(old, to: path)
        let mapped = try fs.readMapped(path)
        #expect(mapped == old)
        try fs.write(Data("new".utf8), to: path)
        #expect(mapped == old)
        #expect(try fs.readMapped(path) == Data("new".utf8))
        try fs.write(Data(), to: root + "/empty")
        #expect(try fs.readMapped(root + "/empty").isEmpty)
        #expect(throws: FileSystemError.self) { try fs.readMapped(root + "/missing") }
        #expect(throws: FileSystemError.self) { try fs.readMapped(root + "/cache") }
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

    @Test func writingStagedMakesMissingFoldersAndReplacesWhatWasThere() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try fs.writeStaged(Data("first".utf8), to: root + "/report/online/index.html")
        try fs.writeStaged(Data("2".utf8), to: root + "/report/online/index.html")
        try fs.writeStaged(Data(), to: root + "/report/empty.txt")
        #expect(try fs.read(root + "/report/online/index.html") == Data("2".utf8))
        #expect(try fs.read(root + "/report/empty.txt").isEmpty)
        var info = stat()
        #expect(stat(root + "/report/online/index.html", &info) == 0 && info.st_mode & 0o777 == 0o666 & ~Self.umaskNow())
    }

    @Test func writingStagedOverAHardLinkLeavesTheLinkedFileAlone() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        // An incremental build links unchanged pages from the published site into staging.
        try fs.write(Data("published".utf8), to: root + "/public/index.html")
        try fs.linkOrCopy(root + "/public/index.html", to: root + "/staging/index.html")
        try fs.writeStaged(Data("new".utf8), to: root + "/staging/index.html")
        #expect(try fs.read(root + "/staging/index.html") == Data("new".utf8))
        #expect(try fs.read(root + "/public/index.html") == Data("published".utf8))
    }

    func inode(_ path: String) -> UInt64? {
        var info = stat()
        return lstat(path, &info) == 0 ? UInt64(info.st_ino) : nil
    }

    @Test func writingStagedOverAFileOfItsOwnWritesItInPlace() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = root + "/report/index.html"
        try fs.writeStaged(Data("a longer first version".utf8), to: path)
        let before = inode(path)
        for version in ["short", "a version longer than the first one", "", "x"] {
            try fs.writeStaged(Data(version.utf8), to: path)
            #expect(try fs.read(path) == Data(version.utf8), "nothing of an earlier version is left")
            #expect(inode(path) == before, "the same file, written over")
        }
    }

    @Test func writingStagedOverASymbolicLinkReplacesTheLinkNotItsTarget() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try fs.write(Data("outside".utf8), to: root + "/outside.txt")
        try fs.createDirectory(root + "/staging")
        #expect(symlink(root + "/outside.txt", root + "/staging/index.html") == 0)
        try fs.writeStaged(Data("new".utf8), to: root + "/staging/index.html")
        #expect(fs.kind(of: root + "/staging/index.html") == .file)
        #expect(try fs.read(root + "/staging/index.html") == Data("new".utf8))
        #expect(try fs.read(root + "/outside.txt") == Data("outside".utf8))
    }

    @Test func writingStagedOverAFIFOReplacesItWithoutWaitingForAReader() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(mkfifo(root + "/pipe", 0o644) == 0)
        try fs.writeStaged(Data("file".utf8), to: root + "/pipe")
        #expect(try fs.read(root + "/pipe") == Data("file".utf8))
    }

    @Test func writingStagedWhereAFileOrLinkStandsForAFolderReplacesIt() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        // A staging folder made from an earlier site: `report` was a page's file then.
        try fs.write(Data("x".utf8), to: root + "/staging/report")
        try fs.writeStaged(Data("y".utf8), to: root + "/staging/report/online/index.html")
        #expect(try fs.read(root + "/staging/report/online/index.html") == Data("y".utf8))
        // A link to a file where a folder is needed goes, and the file it pointed at stays.
        try fs.write(Data("outside".utf8), to: root + "/outside.txt")
        #expect(symlink(root + "/outside.txt", root + "/staging/news") == 0)
        try fs.writeStaged(Data("z".utf8), to: root + "/staging/news/index.html")
        #expect(try fs.read(root + "/staging/news/index.html") == Data("z".utf8))
        #expect(try fs.read(root + "/outside.txt") == Data("outside".utf8))
    }

    @Test func writingStagedWhereAFolderStandsForAFileReplacesIt() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try fs.write(Data("old".utf8), to: root + "/staging/plan/index.html")
        try fs.writeStaged(Data("a file now".utf8), to: root + "/staging/plan")
        #expect(fs.kind(of: root + "/staging/plan") == .file)
        #expect(try fs.read(root + "/staging/plan") == Data("a file now".utf8))
    }

    @Test func writingStagedWhereNoFileCanBeSaysWhyItFailed() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let tooLong = root + "/" + String(repeating: "n", count: 300) + ".html"
        let error = #expect(throws: FileSystemError.self) { try fs.writeStaged(Data("y".utf8), to: tooLong) }
        #expect(error?.path == tooLong)
        #expect(error.map { "\($0)".contains("File name too long") } == true, "\(String(describing: error))")
    }

    @Test func linkingIntoAMissingFolderMakesIt() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try fs.write(Data("page".utf8), to: root + "/old/index.html")
        try fs.linkOrCopy(root + "/old/index.html", to: root + "/new/a/b/index.html")
        #expect(try fs.read(root + "/new/a/b/index.html") == Data("page".utf8))
    }

    @Test func linkingOverAFileSharedWithAnotherReplacesItAndLeavesTheOtherAlone() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        // The spare site shares a page with the published one; the build links a newer page
        // over the spare's copy: the published page must not change.
        try fs.write(Data("published".utf8), to: root + "/public/index.html")
        try fs.linkOrCopy(root + "/public/index.html", to: root + "/spare/index.html")
        try fs.write(Data("newer".utf8), to: root + "/newer/index.html")
        try fs.linkOrCopy(root + "/newer/index.html", to: root + "/spare/index.html")
        #expect(try fs.read(root + "/spare/index.html") == Data("newer".utf8))
        #expect(try fs.read(root + "/public/index.html") == Data("published".utf8))
        var spare = stat(), newer = stat()
        #expect(stat(root + "/spare/index.html", &spare) == 0 && stat(root + "/newer/index.html", &newer) == 0)
        #expect(spare.st_ino == newer.st_ino, "linked, not copied")
    }

    @Test func readingGivesTheWholeFileOrSaysWhyNot() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let text = Data("0123456789".utf8), big = Data((0..<200_000).map { UInt8($0 % 251) })
        try fs.write(text, to: root + "/ten.txt")
        try fs.write(big, to: root + "/big.bin")
        try fs.write(Data(), to: root + "/empty.txt")
        #expect(try fs.read(root + "/ten.txt") == text)
        #expect(try fs.read(root + "/big.bin") == big)
        #expect(try fs.read(root + "/empty.txt") == Data())
        #expect(try fs.read(root + "/ten.txt", limit: 10) == text)
        let long = #expect(throws: FileTooLong.self) { try fs.read(root + "/ten.txt", limit: 9) }
        #expect(long?.size == 10)
        let missing = #expect(throws: FileSystemError.self) { try fs.read(root + "/none.txt") }
        #expect(missing?.reason == "no such file")
        let folder = #expect(throws: FileSystemError.self) { try fs.read(root) }
        #expect(folder?.reason == "cannot be read")
    }

    private static func umaskNow() -> mode_t {
        let mask = umask(0o022)
        umask(mask)
        return mask
    }
}
