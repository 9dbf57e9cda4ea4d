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
        let withFindings = BuildCache.PageRecord(
            text: "0123456789abcdef", frontMatter: "fedcba9876543210", output: "report/online/index.html",
            anchors: ["online-form", "café-hours", ""], title: "Report online – Commissioner",
            titleLocation: SourceLocation(file: "templates/layout.mustache", line: 7, column: 1), diagnostics: [warning],
            silenced: [SilencedFinding(diagnostic: warning, reason: "the partner's wording")], usesSiteReport: true)
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

    static let options = TestSite.options()

    /// A cache of `count` pages and their front matter, enough for several parts.
    static func large(_ count: Int, edited: Set<Int> = [], removed: Set<Int> = []) -> BuildCache {
        var cache = sample()
        let record = cache.frontMatters["report/online.md"]!
        for index in 0..<count where !removed.contains(index) {
            let path = "section-\(index % 7)/page-\(index).md"
            cache.pages[path] = BuildCache.PageRecord(
                text: edited.contains(index) ? "edited" : "text-\(index)", frontMatter: "fm-\(index)",
                output: "section-\(index % 7)/page-\(index)/index.html", anchors: ["a-\(index)"], title: "Page \(index)",
                titleLocation: nil, diagnostics: [], silenced: [], usesSiteReport: false)
            cache.frontMatters[path] = FrontMatterRecord(fingerprint: "fm-\(index)", metadata: record.metadata, diagnostics: [],
                                                         frontMatter: record.frontMatter)
        }
        return cache
    }

    /// Each file the cache is kept in, by name, with its bytes.
    static func files(_ fs: InMemoryFileSystem) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for entry in try fs.entries(in: ".herald-cache") { files[entry.name] = try fs.read(".herald-cache/" + entry.name) }
        return files
    }

    static var mainName: String { Path.basename(BuildCache.path(in: options)) }

    static func partName(_ part: Int) -> String { Path.basename(BuildCache.partPath(part, in: options)) }

    @Test func whatIsSavedIsWhatIsRead() throws {
        for cache in [Self.sample(), Self.large(3_000)] {
            let fs = InMemoryFileSystem()
            cache.save(fs, options: Self.options)
            #expect(BuildCache.read(fs, options: Self.options)?.cache == cache)
        }
        #expect(BuildCache.partCount(forRecords: 6_002) == 11)
        let empty = BuildCache(global: "", stamps: [:], structure: SiteStructure(frontMatter: "", shape: "", lists: ""), pages: [:],
                               manifest: "", report: .init(pageCount: 0, fileCount: 0, diagnostics: [], silenced: []))
        let fs = InMemoryFileSystem()
        empty.save(fs, options: Self.options)
        #expect(BuildCache.read(fs, options: Self.options)?.cache == empty)
    }

    /// After one edit only the part holding that page's records is written again (and the main
    /// file); what is read back is the new cache, and a record removed rewrites its part too.
    @Test func savingWritesAgainOnlyThePartsThatChanged() throws {
        final class Clock: @unchecked Sendable { var now = Date(timeIntervalSince1970: 1_800_000_000) }
        let clock = Clock()
        let fs = InMemoryFileSystem(clock: { clock.now })
        let first = Self.large(3_000)
        first.save(fs, options: Self.options)
        let before = try Self.files(fs)
        let parts = BuildCache.partCount(forRecords: first.pages.count + first.frontMatters.count)
        #expect(parts > 5 && before.keys.filter { $0.contains(".part-") }.count == parts)

        // One edit, then one page removed, then two more edits: the parts of those pages alone.
        func partOf(_ index: Int) -> String { Self.partName(BuildCache.part(of: "section-\(index % 7)/page-\(index).md", among: parts)) }
        for (edit, touched) in [(Self.large(3_000, edited: [42]), [42]), (Self.large(3_000, edited: [42], removed: [7]), [7]),
                                (Self.large(3_000, edited: [42, 43, 44], removed: [7]), [43, 44])] {
            clock.now += 60
            let previous = try #require(BuildCache.read(fs, options: Self.options))
            let old = try Self.files(fs)
            edit.save(fs, options: Self.options, previous: previous)
            let now = try Self.files(fs)
            let rewritten = now.keys.filter { fs.modificationDate(of: ".herald-cache/" + $0) == clock.now }
            let rewrittenParts = rewritten.filter { $0.contains(".part-") }
            #expect(Set(rewrittenParts) == Set(touched.map(partOf)))
            #expect(rewritten.contains(Self.mainName))
            for name in now.keys where !rewritten.contains(name) { #expect(now[name] == old[name], "\(name) kept as it was") }
            #expect(BuildCache.read(fs, options: Self.options)?.cache == edit)
        }
        // Without the cache it came from, a save writes every part.
        clock.now += 60
        Self.large(3_000).save(fs, options: Self.options)
        #expect(try Self.files(fs).keys.filter { fs.modificationDate(of: ".herald-cache/" + $0) == clock.now }.count == parts + 2)
    }

    /// A part another save wrote (a build stopped between a part and the main file), a part
    /// missing, or one holding a record that belongs elsewhere: no cache at all.
    @Test func aPartThatIsNotTheMainFilesIsNoCache() throws {
        let fs = InMemoryFileSystem()
        let first = Self.large(3_000)
        first.save(fs, options: Self.options)
        let previous = try #require(BuildCache.read(fs, options: Self.options))
        let before = try Self.files(fs)
        Self.large(3_000, edited: [42]).save(fs, options: Self.options, previous: previous)
        let after = try Self.files(fs)
        let changed = try #require(after.keys.first { $0.contains(".part-") && after[$0] != before[$0] })
        try fs.write(before[changed]!, to: ".herald-cache/" + changed)
        #expect(BuildCache.read(fs, options: Self.options) == nil, "the part of the save before")
        try fs.write(after[changed]!, to: ".herald-cache/" + changed)
        #expect(BuildCache.read(fs, options: Self.options)?.cache == Self.large(3_000, edited: [42]))
        try fs.remove(".herald-cache/" + Self.partName(0))
        #expect(BuildCache.read(fs, options: Self.options) == nil, "a part missing")

        // Two parts swapped under one token each: their keys belong to the other part.
        let fresh = InMemoryFileSystem()
        first.save(fresh, options: Self.options)
        let layout = try #require(BuildCache.read(fresh, options: Self.options)).layout
        let keys = first.pages.keys.filter { BuildCache.part(of: $0, among: layout.tokens.count) == 1 }
        try fresh.write(first.encodedPart(token: layout.tokens[0], pages: keys, frontMatters: []), to: ".herald-cache/" + Self.partName(0))
        #expect(BuildCache.read(fresh, options: Self.options) == nil)
    }

    /// A main file whose part counts are absurd (damage) is no cache: never an overflow or a
    /// reservation of all memory.
    @Test func absurdPartCountsAreNoCache() throws {
        for counts in [[Int.max, 1], [-1], [1 << 40]] {
            let fs = InMemoryFileSystem()
            Self.sample().save(fs, options: Self.options)
            var main = CacheWriter(magic: BuildCache.magic)
            main.int(BuildCache.currentVersion)
            main.string("global")
            main.int(0)                                   // no stamps
            for _ in 0..<4 { main.string("") }           // the structure's three fingerprints, the manifest's
            for _ in 0..<4 { main.int(0) }               // page and file counts, no findings, none silenced
            main.array(counts) { out, _ in out.int(7) }   // a token for each part
            main.array(counts) { $0.int($1) }
            try fs.write(Data(main.bytes), to: BuildCache.path(in: Self.options))
            #expect(BuildCache.read(fs, options: Self.options) == nil, "\(counts)")
        }
    }

    /// The number of parts follows the site's size, but one near a boundary keeps the number it
    /// has instead of rewriting every part as pages come and go.
    @Test func thePartCountChangesOnlyWhenFarFromIdeal() throws {
        #expect(BuildCache.partCount(forRecords: 100) == 1)
        #expect(BuildCache.partCount(forRecords: 20_000) == 39)
        #expect(BuildCache.partCount(forRecords: 10_000_000) == BuildCache.maxParts)
        #expect(BuildCache.partCount(forRecords: 20_000, previous: 40) == 40)
        #expect(BuildCache.partCount(forRecords: 20_000, previous: 20) == 20)
        #expect(BuildCache.partCount(forRecords: 20_000, previous: 18) == 39)
        #expect(BuildCache.partCount(forRecords: 20_000, previous: 79) == 39)
        #expect(BuildCache.partCount(forRecords: 100, previous: 2) == 2)
        #expect(BuildCache.partCount(forRecords: 100, previous: 3) == 1)

        // A cache of 5 parts saved again with pages enough for 6: still 5 parts.
        let fs = InMemoryFileSystem()
        Self.large(1_300).save(fs, options: Self.options)
        let previous = try #require(BuildCache.read(fs, options: Self.options))
        #expect(previous.layout.tokens.count == 5)
        #expect(BuildCache.partCount(forRecords: Self.large(1_540).pages.count + Self.large(1_540).frontMatters.count) == 6)
        Self.large(1_540).save(fs, options: Self.options, previous: previous)
        let after = try #require(BuildCache.read(fs, options: Self.options))
        #expect(after.layout.tokens.count == 5)
        #expect(after.cache == Self.large(1_540))
    }

    /// A site that shrinks to fewer parts leaves none of its old parts behind.
    @Test func partsNoLongerListedAreRemoved() throws {
        let fs = InMemoryFileSystem()
        Self.large(3_000).save(fs, options: Self.options)
        let previous = try #require(BuildCache.read(fs, options: Self.options))
        Self.sample().save(fs, options: Self.options, previous: previous)
        #expect(Set(try Self.files(fs).keys) == [Self.mainName, Self.partName(0), Path.basename(BuildCache.headPath(in: Self.options))])
        #expect(BuildCache.read(fs, options: Self.options)?.cache == Self.sample())
    }

    @Test func aCacheCutShortAnywhereIsNoCache() throws {
        let fs = InMemoryFileSystem()
        Self.sample().save(fs, options: Self.options)
        for name in [Self.mainName, Self.partName(0)] {
            let path = ".herald-cache/" + name
            let bytes = try fs.read(path)
            for length in 0..<bytes.count {
                try fs.write(bytes.prefix(length), to: path)
                #expect(BuildCache.read(fs, options: Self.options) == nil, "\(name) cut at \(length) of \(bytes.count)")
            }
            try fs.write(bytes + Data([0]), to: path)
            #expect(BuildCache.read(fs, options: Self.options) == nil, "a byte too many")
            try fs.write(bytes, to: path)
        }
        #expect(BuildCache.read(fs, options: Self.options)?.cache == Self.sample())
    }

    /// Damage of any other kind (a disk error, another program writing over it) reads as no cache
    /// or as some cache, never as a crash: thousands of caches with bytes changed at random.
    @Test func aCacheWithBytesChangedAtRandomNeverCrashes() throws {
        let fs = InMemoryFileSystem()
        Self.sample().save(fs, options: Self.options)
        var random = SplitMix64(seed: 7)
        var decoded = 0
        for name in [Self.mainName, Self.partName(0)] {
            let path = ".herald-cache/" + name
            let bytes = [UInt8](try fs.read(path))
            for _ in 0..<1_500 {
                var damaged = bytes
                for _ in 0...(random.next() % 4) {
                    damaged[Int(random.next() % UInt64(damaged.count))] = UInt8(truncatingIfNeeded: random.next())
                }
                try fs.write(Data(damaged), to: path)
                if BuildCache.read(fs, options: Self.options) != nil { decoded += 1 }
            }
            try fs.write(Data(bytes), to: path)
        }
        #expect(decoded < 3_000, "some damage must be noticed")
    }

    @Test func anotherVersionOrAnotherFileIsNoCache() throws {
        let fs = InMemoryFileSystem()
        var older = Self.sample()
        older.version = BuildCache.currentVersion - 1
        older.save(fs, options: Self.options)
        #expect(BuildCache.read(fs, options: Self.options) == nil)
        try fs.write(Data("{\"global\":\"x\"}".utf8), to: BuildCache.path(in: Self.options))
        #expect(BuildCache.read(fs, options: Self.options) == nil, "the JSON of earlier versions")
        var wrongCount = CacheWriter(magic: BuildCache.magic)
        wrongCount.int(BuildCache.currentVersion)
        wrongCount.string("global")
        wrongCount.int(1_000_000)   // a million stamps in a few bytes
        try fs.write(Data(wrongCount.bytes), to: BuildCache.path(in: Self.options))
        #expect(BuildCache.read(fs, options: Self.options) == nil)
    }

    @Test func savingRemovesTheJSONCacheOfEarlierVersions() throws {
        let fs = InMemoryFileSystem()
        let options = TestSite.options()
        try fs.write(Data("{\"version\":3}".utf8), to: BuildCache.legacyPath(in: options))
        try fs.write(Data("{}".utf8), to: ".herald-cache/build-another-output.json")
        Self.sample().save(fs, options: options)
        #expect(fs.kind(of: BuildCache.legacyPath(in: options)) == nil)
        #expect(fs.kind(of: ".herald-cache/build-another-output.json") == .file, "another output folder's cache is its own")
        #expect(BuildCache.read(fs, options: options)?.cache == Self.sample())
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
        try other("a", daysAgo: 1, files: [".cache", ".part-00.cache", ".head.json"])
        try other("b", daysAgo: 2)
        try other("c", daysAgo: 3, files: [".json"])
        try other("d", daysAgo: 4)
        try other("e", daysAgo: 5, files: [".cache", ".part-00.cache", ".part-13.cache", ".head.json"])   // the fifth most recent: removed
        try other("f", daysAgo: 15)         // more than two weeks old: removed
        try fs.write(Data("mine".utf8), to: ".herald-cache/notes.txt")
        try fs.write(Data("x".utf8), to: ".herald-cache/build-.cache")
        clock.now = Date(timeIntervalSince1970: 1_800_000_000)
        Self.sample().save(fs, options: options)

        let left = Set(try fs.entries(in: ".herald-cache").map(\.name))
        let own = "build-\(ChangeHash.of(options.outputDirectory))"
        #expect(left == [own + ".cache", own + ".part-00.cache", own + ".head.json", "build-a.cache", "build-a.part-00.cache",
                         "build-a.head.json", "build-b.cache", "build-b.head.json",
                         "build-c.json", "build-d.cache", "build-d.head.json", "notes.txt", "build-.cache"])
        #expect(BuildCache.read(fs, options: options)?.cache == Self.sample())

        // Two weeks on, the others have not been written since: only this folder's is left.
        clock.now = Date(timeIntervalSince1970: 1_800_000_000 + 15 * day)
        Self.sample().save(fs, options: options)
        #expect(Set(try fs.entries(in: ".herald-cache").map(\.name)) == [own + ".cache", own + ".part-00.cache", own + ".head.json",
                                                                          "notes.txt", "build-.cache"])
        #expect(BuildCache.cacheKey(of: "build-ab12.part-07.cache") == "build-ab12")
        #expect(BuildCache.cacheKey(of: "build-ab12.part-.cache") == "build-ab12.part-")
        #expect(BuildCache.cacheKey(of: "build-.part-07.cache") == nil)
    }

    /// Pages may be reused while every file outside content/ has the stamp it had: one
    /// changed, added or removed (a template) means they may not.
    @Test func stampsOutsideTheContentAreComparedAlone() {
        let before: [String: BuildCache.Stamp] = ["herald.yml": .init(size: 1, modified: 1), "templates/page.mustache": .init(size: 2, modified: 2),
                                                  "content/a.md": .init(size: 3, modified: 3)]
        var contentEdited = before
        contentEdited["content/a.md"] = .init(size: 4, modified: 4)
        contentEdited["content/b.md"] = .init(size: 5, modified: 5)
        #expect(BuildCache.sameStamps(before, contentEdited, outside: "content"))
        var templateEdited = before
        templateEdited["templates/page.mustache"] = .init(size: 2, modified: 3)
        var templateAdded = before
        templateAdded["templates/news.mustache"] = .init(size: 1, modified: 1)
        var templateRemoved = before
        templateRemoved["templates/page.mustache"] = nil
        for other in [templateEdited, templateAdded, templateRemoved] {
            #expect(!BuildCache.sameStamps(before, other, outside: "content"))
            #expect(!BuildCache.sameStamps(other, before, outside: "content"))
        }
        #expect(!BuildCache.sameStamps(["contents/x": .init(size: 1, modified: 1)], [:], outside: "content"), "a folder whose name starts the same")
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
    convenience init(blank output: String) {
        self.init(text: "", frontMatter: "", output: output, anchors: [], title: nil, titleLocation: nil, diagnostics: [],
                  silenced: [], usesSiteReport: false)
    }
}

