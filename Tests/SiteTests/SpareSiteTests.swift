import Core
import Foundation
import Testing
@testable import Site

/// The site a build replaces is kept as the next build's spare (`public.herald-spare`): the next
/// build stages into it and writes only what differs. Whatever state the spare is in, the
/// published site must be exactly what a clean build makes, and the live site must never be
/// written into while the spare shares its files.
@Suite(.serialized) struct SpareSiteTests {
    let fs = LocalFileSystem()

    func build(_ root: String, output: String = "public", cache: Bool = true) async -> BuildReport {
        var builder = SiteBuilder(fileSystem: fs, options: BuildOptions(siteDirectory: root, outputDirectory: Path.join(root, output), clock: TestSite.fixedDay))
        builder.useCache = cache
        return await builder.build()
    }

    func tree(_ folder: String) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for path in try fs.recursiveFiles(in: folder) { result[path] = try fs.read(Path.join(folder, path)) }
        return result
    }

    /// Every folder below `folder`, to catch one left empty.
    func folders(_ folder: String) throws -> Set<String> {
        var result = Set<String>()
        func walk(_ relative: String) throws {
            for entry in try fs.entries(in: relative.isEmpty ? folder : Path.join(folder, relative)) where entry.kind == .directory {
                let path = relative.isEmpty ? entry.name : Path.join(relative, entry.name)
                result.insert(path)
                try walk(path)
            }
        }
        try walk("")
        return result
    }

    func expectSameAsClean(_ root: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) async throws {
        let clean = await build(root, output: "clean", cache: false)
        #expect(clean.errorCount == 0, sourceLocation: sourceLocation)
        let published = Path.join(root, "public"), fresh = Path.join(root, "clean")
        let a = try tree(published), b = try tree(fresh)
        #expect(a.keys.sorted() == b.keys.sorted(), sourceLocation: sourceLocation)
        for key in a.keys where a[key] != b[key] { Issue.record("\(key) differs from a clean build", sourceLocation: sourceLocation) }
        #expect(try folders(published) == folders(fresh), "no folder left behind", sourceLocation: sourceLocation)
    }

    func inode(_ path: String) -> UInt64? {
        var info = stat()
        return stat(path, &info) == 0 ? UInt64(info.st_ino) : nil
    }

    func edit(_ root: String, _ body: String) throws {
        try fs.write("---\ntitle: Report online\n---\n## Online form\n\n\(body)\n", to: Path.join(root, "content/report/online.md"))
    }

    /// A site built twice, the second time after an edit, so that a spare is beside `public/`.
    func siteWithASpare() async throws -> String {
        let root = try TestSite.smallSiteOnDisk(fs)
        #expect(await build(root).succeeded)
        try edit(root, "Use the form now.")
        #expect(await build(root).succeeded)
        return root
    }

    @Test func theReplacedSiteIsTheSpareAndAnUnchangedPageIsNeverWrittenAgain() async throws {
        let root = try TestSite.smallSiteOnDisk(fs)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let spare = Path.join(root, "public.herald-spare"), phone = "report/phone/index.html"
        #expect(await build(root).succeeded)
        #expect(fs.kind(of: spare) == nil, "the first build replaced nothing")
        let phoneFile = inode(Path.join(root, "public", phone))

        for round in 1...3 {
            try edit(root, "Use the form, round \(round).")
            let report = await build(root)
            #expect(report.succeeded, "\(report.diagnostics)")
            #expect(try fs.readText(Path.join(root, "public/report/online/index.html")).contains("round \(round)."))
            // The spare is the site just replaced: a page written into it in place would have
            // changed the live site too, through the hard link they share.
            let replaced = try fs.readText(Path.join(spare, "report/online/index.html"))
            #expect(round == 1 ? replaced.contains("Use the form.") : replaced.contains("round \(round - 1)."))
            #expect(inode(Path.join(root, "public", phone)) == phoneFile, "the unchanged page is the same file, round \(round)")
            #expect(try fs.entries(in: root).map(\.name).filter { $0.contains("herald-staging") }.isEmpty)
            try await expectSameAsClean(root)
        }
    }

    @Test func aRemovedPageGoesWithTheFoldersItLeavesEmpty() async throws {
        let root = try TestSite.smallSiteOnDisk(fs)
        defer { try? FileManager.default.removeItem(atPath: root) }
        try fs.write("---\ntitle: Community toolkit\n---\nFor leaders.\n", to: Path.join(root, "content/toolkit/_index.md"))
        try fs.write("---\ntitle: Hold a meeting\n---\nBook a room.\n", to: Path.join(root, "content/toolkit/meetings/hold-a-meeting.md"))
        try fs.write("---\ntitle: Meetings\n---\nHow to run one.\n", to: Path.join(root, "content/toolkit/meetings/_index.md"))
        #expect(await build(root).succeeded)
        try edit(root, "Use the form today.")
        #expect(await build(root).succeeded)
        #expect(fs.kind(of: Path.join(root, "public.herald-spare/toolkit/meetings/hold-a-meeting/index.html")) == .file)

        try fs.remove(Path.join(root, "content/toolkit"))
        let report = await build(root)
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(fs.kind(of: Path.join(root, "public/toolkit")) == nil)
        try await expectSameAsClean(root)
    }

    @Test func aSpareFileRemovedOrCutShortByHandIsWrittenAgain() async throws {
        let root = try await siteWithASpare()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let spare = Path.join(root, "public.herald-spare")
        try fs.remove(Path.join(spare, "report/phone/index.html"))
        try fs.writeStaged(Data("cut".utf8), to: Path.join(spare, "report/index.html"))
        try edit(root, "Use the form later.")
        #expect(await build(root).succeeded)
        try await expectSameAsClean(root)
    }

    @Test func aSpareWhoseManifestDoesNotReadIsRemovedNotUsed() async throws {
        let root = try await siteWithASpare()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let spare = Path.join(root, "public.herald-spare")
        try fs.write("{ not json", to: Path.join(spare, Manifest.fileName))
        try fs.write("stray", to: Path.join(spare, "stray.html"))
        try edit(root, "Use the form later.")
        #expect(await build(root).succeeded)
        #expect(fs.kind(of: Path.join(root, "public/stray.html")) == nil)
        try await expectSameAsClean(root)
        #expect(Manifest.entries(at: Path.join(spare, Manifest.fileName), on: fs) != nil, "the new spare is the replaced site")
    }

    @Test func aCleanBuildLeavesNothingOfTheSpareItDidNotMake() async throws {
        let root = try await siteWithASpare()
        defer { try? FileManager.default.removeItem(atPath: root) }
        // Files and folders the spare's manifest does not list would survive staging into the
        // spare: `--clean` is the way out of whatever was done to it by hand.
        let spare = Path.join(root, "public.herald-spare")
        try fs.write("stray", to: Path.join(spare, "stray.html"))
        try fs.write("stray", to: Path.join(spare, "old/deep/page.html"))
        try fs.write("cut", to: Path.join(spare, "report/index.html"))
        try edit(root, "Use the form later.")
        #expect(await build(root, cache: false).succeeded)
        #expect(fs.kind(of: Path.join(root, "public/stray.html")) == nil)
        #expect(fs.kind(of: Path.join(root, "public/old")) == nil)
        try await expectSameAsClean(root)
    }

    @Test func aCleanBuildRemovesASpareWithALinkOrAnEmptyFolderInsteadOfUsingIt() async throws {
        for oddity in ["link", "empty folder"] {
            let root = try await siteWithASpare()
            defer { try? FileManager.default.removeItem(atPath: root) }
            let spare = Path.join(root, "public.herald-spare")
            let outside = Path.join(root, "outside")
            try fs.write("keep me", to: Path.join(outside, "index.html"))
            if oddity == "link" {
                // A folder that is a link elsewhere: writing through it would write outside the site.
                try fs.remove(Path.join(spare, "report"))
                #expect(symlink(outside, Path.join(spare, "report")) == 0)
            } else {
                try fs.createDirectory(Path.join(spare, "empty/inner"))
            }
            #expect(await build(root, cache: false).succeeded, "\(oddity)")
            #expect(try fs.readText(Path.join(outside, "index.html")) == "keep me", "\(oddity)")
            try await expectSameAsClean(root)
        }
    }

    @Test func aCleanBuildDoesNotKeepPermissionsChangedInTheSpare() async throws {
        guard let mask = LocalFileSystem.creationMask else { return }
        // The online page differs between the spare and the live site: its spare file is not shared.
        for changed in ["report", "report/online/index.html"] {
            let root = try await siteWithASpare()
            defer { try? FileManager.default.removeItem(atPath: root) }
            let isFolder = !changed.hasSuffix(".html")
            #expect(chmod(Path.join(root, "public.herald-spare", changed), isFolder ? 0o700 : 0o600) == 0)
            try edit(root, "Use the form later.")
            #expect(await build(root, cache: false).succeeded)
            var info = stat()
            #expect(stat(Path.join(root, "public", changed), &info) == 0)
            #expect(info.st_mode & 0o7777 == (isFolder ? 0o777 : 0o666) & ~mask, "\(changed)")
            try await expectSameAsClean(root)
        }
    }

    @Test func aCleanBuildNeverWritesIntoFilesTheSpareSharesWithTheLiveSite() async throws {
        let root = try await siteWithASpare()
        defer { try? FileManager.default.removeItem(atPath: root) }
        // After an incremental build the spare and `public/` share every unchanged page.
        let live = try tree(Path.join(root, "public"))
        // Every page changes (the site's title is on each), shared or not.
        let config = Path.join(root, "herald.yml")
        try fs.write(try fs.readText(config).replacingOccurrences(of: "title: Test Commissioner", with: "title: Test Office"), to: config)
        #expect(await build(root, cache: false).succeeded)
        #expect(try tree(Path.join(root, "public")) != live)
        // The replaced site is the new spare, file for file what was live before the build.
        #expect(try tree(Path.join(root, "public.herald-spare")) == live)
        try await expectSameAsClean(root)
    }

    @Test func aSpareWithAFileWhereAFolderGoesOrTheOtherWayRoundIsBuiltOver() async throws {
        for cache in [false, true] {
            let root = try await siteWithASpare()
            defer { try? FileManager.default.removeItem(atPath: root) }
            let spare = Path.join(root, "public.herald-spare")
            try fs.remove(Path.join(spare, "report/online"))
            try fs.write("a file where a folder goes", to: Path.join(spare, "report/online"))
            try fs.remove(Path.join(spare, "report/phone/index.html"))
            try fs.write("a folder where a file goes", to: Path.join(spare, "report/phone/index.html/inner.html"))
            try edit(root, "Use the form later.")
            let report = await build(root, cache: cache)
            #expect(report.succeeded, "cache: \(cache): \(report.diagnostics.map(\.message))")
            try await expectSameAsClean(root)
        }
    }

    @Test func anOutputFolderThatCannotBeMadeIsOneClearErrorCleanOrNot() async throws {
        let root = try TestSite.smallSiteOnDisk(fs)
        defer { try? FileManager.default.removeItem(atPath: root) }
        // The output's parent is a file: no staging folder can be made beside the output.
        try fs.write("not a folder", to: Path.join(root, "blocked"))
        for cache in [true, false] {
            var builder = SiteBuilder(fileSystem: fs, options: BuildOptions(
                siteDirectory: root, outputDirectory: Path.join(root, "blocked/public"), clock: TestSite.fixedDay))
            builder.useCache = cache
            let report = await builder.build()
            #expect(!report.succeeded)
            #expect(report.isConfigurationFailure, "cache: \(cache)")
            #expect(report.diagnostics.map(\.message).contains { $0.hasPrefix("cannot prepare the output folder") },
                    "cache: \(cache): \(report.diagnostics.map(\.message))")
            #expect(try fs.readText(Path.join(root, "blocked")) == "not a folder")
        }
    }

    /// A name that was a file in the spare and is a folder in this build (or the other way
    /// round) keeps what this build made.
    @Test func removingStaleFilesLeavesWhatThisBuildMadeUnderTheSameName() throws {
        let memory = InMemoryFileSystem()
        let staging = StagingArea(fileSystem: memory, outputPath: "public", token: "1")
        let entry = Manifest.Entry(sha256: String(repeating: "0", count: 64), size: 1)
        try memory.write(Data("n".utf8), to: "\(staging.path)/plan/index.html")   // was the file `plan`
        try memory.write(Data("f".utf8), to: "\(staging.path)/notes")             // was `notes/index.html`
        try memory.write(Data("o".utf8), to: "\(staging.path)/old/deep/index.html")
        try staging.removeStale(["plan": entry, "notes/index.html": entry, "old/deep/index.html": entry],
                                keeping: ["plan/index.html": entry, "notes": entry])
        #expect(try memory.readText("\(staging.path)/plan/index.html") == "n")
        #expect(try memory.readText("\(staging.path)/notes") == "f")
        #expect(memory.kind(of: "\(staging.path)/old") == nil, "the emptied folders go too")
    }

    @Test func aBuildKilledAfterTakingTheSpareLeavesALeftoverTheNextBuildClears() async throws {
        let root = try await siteWithASpare()
        defer { try? FileManager.default.removeItem(atPath: root) }
        // What a build killed mid-way leaves: the spare, renamed to its staging folder, half-written.
        try fs.move(Path.join(root, "public.herald-spare"), to: Path.join(root, "public.herald-staging-99999"))
        try fs.writeStaged(Data("half a pa".utf8), to: Path.join(root, "public.herald-staging-99999/report/online/index.html"))
        try edit(root, "Use the form later.")
        #expect(await build(root).succeeded)
        #expect(try fs.entries(in: root).map(\.name).filter { $0.contains("herald-staging") }.isEmpty)
        try await expectSameAsClean(root)
    }
}
