import Accessibility
import Content
import Core
import Foundation
import TestSupport
import Testing
@testable import Site

/// The cache's binary form gives back exactly what was saved, and anything damaged reads as no
/// cache at all (the build then makes every page), never as a wrong one.
struct BuildCacheBytesTests {
    static func sample() -> BuildCache {
        let warning = Diagnostic(.warning, "link text 'click here' says nothing", at: SourceLocation(file: "content/ré port.md", line: 12, column: 3),
                                 hint: "Say where the link goes.")
        var withFindings = BuildCache.PageRecord(blank: "report/online/index.html")
        withFindings.text = "0123456789abcdef"
        withFindings.frontMatter = "fedcba9876543210"
        withFindings.anchors = ["online-form", "café-hours", ""]
        withFindings.title = "Report online – Commissioner"
        withFindings.titleLocation = SourceLocation(file: "templates/layout.mustache", line: 7, column: 1)
        withFindings.diagnostics = [warning]
        withFindings.silenced = [SilencedFinding(diagnostic: warning, reason: "the partner's wording")]
        withFindings.usesSiteReport = true
        return BuildCache(
            global: "1d536fc71157c49f",
            stamps: ["content/report/online.md": .init(size: 4_711, modified: 1_795_464_940.086_932_7),
                     "content/\u{0}problem 0: loop": .init(size: -1, modified: 0),
                     "templates/page.mustache": .init(size: 0, modified: -12.5)],
            structure: SiteStructure(frontMatter: "a", shape: "b", lists: ""),
            pages: ["report/online.md": withFindings, BuildCache.generatedKey("/404.html"): .init(blank: "404.html")],
            frontMatters: ["report/online.md": FrontMatterRecord(
                fingerprint: "0011223344556677",
                metadata: PageMetadata(title: "Report online – Commissioner", kind: .guide, location: SourceLocation(file: "content/report/online.md", line: 1)),
                diagnostics: [warning],
                frontMatter: FrontMatter(yaml: "title: Report online – Commissioner\nkind: guide\n", yamlFirstLine: 2, body: "", bodyFirstLine: 5))],
            manifest: String(repeating: "9", count: 64),
            report: .init(pageCount: 2, fileCount: Int.max, diagnostics: [warning], silenced: []))
    }

    @Test func whatIsSavedIsWhatIsRead() throws {
        let cache = Self.sample()
        let decoded = try #require(BuildCache(decoding: cache.encoded()))
        #expect(decoded == cache)
        let empty = BuildCache(global: "", stamps: [:], structure: SiteStructure(frontMatter: "", shape: "", lists: ""), pages: [:],
                               manifest: "", report: .init(pageCount: 0, fileCount: 0, diagnostics: [], silenced: []))
        #expect(BuildCache(decoding: empty.encoded()) == empty)
    }

    @Test func aCacheCutShortAnywhereIsNoCache() {
        let bytes = Self.sample().encoded()
        for length in 0..<bytes.count {
            #expect(BuildCache(decoding: bytes.prefix(length)) == nil, "cut at \(length) of \(bytes.count)")
        }
        #expect(BuildCache(decoding: bytes + Data([0])) == nil, "a byte too many")
    }

    /// Damage of any other kind (a disk error, another program writing over it) reads as no cache
    /// or as some cache, never as a crash: thousands of caches with bytes changed at random.
    @Test func aCacheWithBytesChangedAtRandomNeverCrashes() {
        let bytes = [UInt8](Self.sample().encoded())
        var random = SplitMix64(seed: 7)
        var decoded = 0
        for _ in 0..<3_000 {
            var damaged = bytes
            for _ in 0...(random.next() % 4) {
                damaged[Int(random.next() % UInt64(damaged.count))] = UInt8(truncatingIfNeeded: random.next())
            }
            if BuildCache(decoding: Data(damaged)) != nil { decoded += 1 }
        }
        #expect(decoded < 3_000, "some damage must be noticed")
    }

    @Test func anotherVersionOrAnotherFileIsNoCache() {
        var older = Self.sample()
        older.version = BuildCache.currentVersion - 1
        #expect(BuildCache(decoding: older.encoded()) == nil)
        #expect(BuildCache(decoding: Data("{\"global\":\"x\"}".utf8)) == nil, "the JSON of earlier versions")
        var wrongCount = CacheWriter(magic: BuildCache.magic)
        wrongCount.int(BuildCache.currentVersion)
        wrongCount.string("global")
        wrongCount.int(1_000_000)   // a million stamps in a few bytes
        #expect(BuildCache(decoding: Data(wrongCount.bytes)) == nil)
    }

    @Test func savingRemovesTheJSONCacheOfEarlierVersions() throws {
        let fs = InMemoryFileSystem()
        let options = TestSite.options()
        try fs.write(Data("{\"version\":3}".utf8), to: BuildCache.legacyPath(in: options))
        try fs.write(Data("{}".utf8), to: ".herald-cache/build-another-output.json")
        Self.sample().save(fs, options: options)
        #expect(fs.kind(of: BuildCache.legacyPath(in: options)) == nil)
        #expect(fs.kind(of: ".herald-cache/build-another-output.json") == .file, "another output folder's cache is its own")
        #expect(BuildCache.load(fs, options: options) == Self.sample())
    }

    /// Caches of other output folders: the four most recently written stay, older ones go, and
    /// so does any not written for two weeks; this folder's own cache and other files stay.
    @Test func savingRemovesOtherOutputFoldersCachesNoLongerWritten() throws {
        final class Clock: @unchecked Sendable { var now = Date(timeIntervalSince1970: 1_800_000_000) }
        let clock = Clock()
        let fs = InMemoryFileSystem(clock: { clock.now })
        let options = TestSite.options()
        let day: TimeInterval = 24 * 60 * 60
        func other(_ key: String, daysAgo: Double, files: [String] = [".cache", ".head.json"]) throws {
            clock.now = Date(timeIntervalSince1970: 1_800_000_000 - daysAgo * day)
            for suffix in files { try fs.write(Data("x".utf8), to: ".herald-cache/build-\(key)\(suffix)") }
        }
        try other("a", daysAgo: 1)
        try other("b", daysAgo: 2)
        try other("c", daysAgo: 3, files: [".json"])
        try other("d", daysAgo: 4)
        try other("e", daysAgo: 5)          // the fifth most recent: removed
        try other("f", daysAgo: 15)         // more than two weeks old: removed
        try fs.write(Data("mine".utf8), to: ".herald-cache/notes.txt")
        try fs.write(Data("x".utf8), to: ".herald-cache/build-.cache")
        clock.now = Date(timeIntervalSince1970: 1_800_000_000)
        Self.sample().save(fs, options: options)

        let left = Set(try fs.entries(in: ".herald-cache").map(\.name))
        let own = "build-\(ChangeHash.of(options.outputDirectory))"
        #expect(left == [own + ".cache", own + ".head.json", "build-a.cache", "build-a.head.json", "build-b.cache", "build-b.head.json",
                         "build-c.json", "build-d.cache", "build-d.head.json", "notes.txt", "build-.cache"])
        #expect(BuildCache.load(fs, options: options) == Self.sample())

        // Two weeks on, the others have not been written since: only this folder's is left.
        clock.now = Date(timeIntervalSince1970: 1_800_000_000 + 15 * day)
        Self.sample().save(fs, options: options)
        #expect(Set(try fs.entries(in: ".herald-cache").map(\.name)) == [own + ".cache", own + ".head.json", "notes.txt", "build-.cache"])
    }

    @Test func integersOfEverySizeRoundTrip() throws {
        let values = [0, 1, -1, 63, -64, 64, 127, 128, 300, -300, Int(Int32.max), Int.max, Int.min, Int.min + 1]
        var out = CacheWriter(magic: "")
        for value in values { out.int(value) }
        var input = try #require(CacheReader(Data(out.bytes), magic: ""))
        for value in values { #expect(try input.int() == value) }
        #expect(input.isAtEnd)
    }

    /// The writer grows its memory as it goes: far past what it was told to expect, every
    /// byte is still there, and what it hands over is what it wrote.
    @Test func aWriterGrowsPastItsCapacity() throws {
        var out = CacheWriter(magic: "m\n", capacity: 1)
        let texts = (0..<5_000).map { "page-\($0)-" + String(repeating: "é", count: $0 % 300) }
        for (index, text) in texts.enumerated() {
            out.string(text)
            out.int(index - 2_500)
            out.bool(index % 3 == 0)
        }
        let copy = out.bytes
        let data = out.finish()
        #expect([UInt8](data) == copy)
        #expect(data.count > 1_000_000)
        var input = try #require(CacheReader(data, magic: "m\n"))
        for (index, text) in texts.enumerated() {
            #expect(try input.string() == text)
            #expect(try input.int() == index - 2_500)
            #expect(try input.bool() == (index % 3 == 0))
        }
        #expect(input.isAtEnd)
    }

    /// Records are written in whatever order their dictionary holds them; a key that comes
    /// twice can only be damage.
    @Test func dictionariesRoundTripAndARepeatedKeyIsDamage() throws {
        let values = Dictionary(uniqueKeysWithValues: (0..<500).map { ("content/page-\($0).md", $0 * 7) })
        var out = CacheWriter(magic: "")
        out.dictionary(values) { $0.int($1) }
        var input = try #require(CacheReader(Data(out.bytes), magic: ""))
        #expect(try input.dictionary { input throws(CacheReader.Damaged) in try input.int() } == values)
        #expect(input.isAtEnd)

        var twice = CacheWriter(magic: "")
        twice.int(2)
        for _ in 0..<2 {
            twice.string("content/same.md")
            twice.int(1)
        }
        var damaged = try #require(CacheReader(Data(twice.bytes), magic: ""))
        #expect(throws: CacheReader.Damaged.self) { try damaged.dictionary { input throws(CacheReader.Damaged) in try input.int() } }
    }
}

extension BuildCache.PageRecord {
    /// A record with nothing in it but where it was written.
    init(blank output: String) {
        let result = PageResult(url: "/", outputPath: output, title: "", html: "", diagnostics: [], silenced: [], isPage: true,
                                lastModified: nil, lint: PageLintResult(file: output, findings: [], title: nil, titleLocation: nil),
                                sourcePath: nil)
        self.init(result, text: "", frontMatter: "")
    }
}

