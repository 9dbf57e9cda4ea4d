import Content
import Core
import Foundation

/// The cache on disk, in `CacheWriter`'s binary form, in parts: a main file (stamps,
/// structure, report, and each part's token) and the records of pages and front matter split
/// by path among parts of about 512 records. Saving after one edit rewrites the main file and
/// the part that changed: the whole 18 MB of a 10,000-page site took 65 ms to encode and write.
extension BuildCache {
    static let magic = "herald-cache\n"
    static let partMagic = "herald-cache-part\n"
    /// Parts never exceed this many (a site of more than about 16,000 pages has parts of more
    /// than 512 records).
    static let maxParts = 64
    /// More records than this in one part (a site of 8 million pages) is damage.
    static let maxRecordsPerPart = 1 << 18

    /// How the records are split among parts, as the main file lists them.
    struct Layout: Equatable, Sendable {
        /// Each part's token, drawn at random when the part is written: a part that another save
        /// wrote (a build killed between writing a part and the main file) does not belong.
        var tokens: [UInt64]
        /// How many records (pages and front matter) each part holds, to notice one removed.
        var counts: [Int]
    }

    /// A cache as read, with the layout its next save compares against.
    struct Loaded: Sendable {
        var cache: BuildCache
        var layout: Layout
    }

    /// The number of parts for this many records. The last save's number stands while it is
    /// within half and twice the ideal, so that a site near a boundary does not rewrite every
    /// part each time a page comes or goes.
    static func partCount(forRecords records: Int, previous: Int? = nil) -> Int {
        let ideal = min(maxParts, max(1, records / 512))
        if let previous, previous >= max(1, ideal / 2), previous <= min(maxParts, ideal * 2) { return previous }
        return ideal
    }

    /// The part a record is kept in, by its key.
    static func part(of key: String, among count: Int) -> Int {
        var hash = ChangeHash()
        hash.add(key)
        return Int(hash.number % UInt64(count))
    }

    static func partPath(_ part: Int, in options: BuildOptions) -> String {
        let number = part < 10 ? "0\(part)" : "\(part)"
        return Path.join(options.siteDirectory, folder, fileStem(options) + ".part-\(number).cache")
    }

    /// Writes the parts whose records changed since `previous` (all of them without it), then
    /// the main file; nil when a file could not be written.
    func writeParts(_ fileSystem: FileSystem, options: BuildOptions, previous: Loaded?) -> Layout? {
        let count = Self.partCount(forRecords: pages.count + frontMatters.count, previous: previous?.layout.tokens.count)
        let previous = previous.flatMap { $0.layout.tokens.count == count ? $0 : nil }
        var pageKeys = [[String]](repeating: [], count: count), frontMatterKeys = pageKeys
        // A part is written again when one of its records differs from the last save's; most
        // compare equal at once, holding the very strings and arrays they were read into.
        var changed = [Bool](repeating: previous == nil, count: count)
        func sort<Record: Equatable>(_ records: [String: Record], last: [String: Record]?, into keys: inout [[String]]) {
            for (key, record) in records {
                let part = Self.part(of: key, among: count)
                keys[part].append(key)
                if !changed[part], last?[key] != record { changed[part] = true }
            }
        }
        sort(pages, last: previous?.cache.pages, into: &pageKeys)
        sort(frontMatters, last: previous?.cache.frontMatters, into: &frontMatterKeys)
        var layout = Layout(tokens: [], counts: [])
        var random = SystemRandomNumberGenerator()
        for part in 0..<count {
            let records = pageKeys[part].count + frontMatterKeys[part].count
            if let previous, !changed[part], previous.layout.counts[part] == records {
                layout.tokens.append(previous.layout.tokens[part])
            } else {
                let token = random.next() as UInt64
                let data = encodedPart(token: token, pages: pageKeys[part], frontMatters: frontMatterKeys[part])
                guard (try? fileSystem.write(data, to: Self.partPath(part, in: options))) != nil else { return nil }
                layout.tokens.append(token)
            }
            layout.counts.append(records)
        }
        guard (try? fileSystem.write(encodedMain(layout), to: Self.path(in: options))) != nil else { return nil }
        if previous == nil {
            // Parts left by a larger site, or by a layout of other counts.
            for part in count..<Self.maxParts { try? fileSystem.remove(Self.partPath(part, in: options)) }
        }
        return layout
    }

    /// Reads the main file and every part it lists; nil if any is missing, damaged, of another
    /// version, or not the part the main file names.
    static func read(_ fileSystem: FileSystem, options: BuildOptions) -> Loaded? {
        guard let data = try? fileSystem.readMapped(path(in: options)),
              var loaded = CacheReader.reading(data, magic: magic, { input throws(CacheReader.Damaged) in try decodeMain(&input) })
        else { return nil }
        // About half the records are pages, half their front matter.
        let records = loaded.layout.counts.reduce(0, +)
        loaded.cache.pages.reserveCapacity(records / 2 + 64)
        loaded.cache.frontMatters.reserveCapacity(records / 2 + 64)
        for (part, token) in loaded.layout.tokens.enumerated() {
            guard let data = try? fileSystem.readMapped(partPath(part, in: options)) else { return nil }
            let records = CacheReader.reading(data, magic: partMagic) { input throws(CacheReader.Damaged) -> Int? in
                try decodePart(&input, part: part, token: token, among: loaded.layout.tokens.count, into: &loaded.cache)
            }
            guard records == loaded.layout.counts[part] else { return nil }
        }
        return loaded
    }

    private func encodedMain(_ layout: Layout) -> Data {
        var out = CacheWriter(magic: Self.magic, capacity: 64 * stamps.count + 1_024)
        out.int(version)
        out.string(global)
        out.dictionary(stamps) { out, stamp in
            out.int(stamp.size)
            out.double(stamp.modified)
        }
        out.string(structure.frontMatter)
        out.string(structure.shape)
        out.string(structure.lists)
        out.string(manifest)
        out.int(report.pageCount)
        out.int(report.fileCount)
        out.json(report.diagnostics)
        out.json(report.silenced)
        out.array(layout.tokens) { $0.int(Int(Int64(bitPattern: $1))) }
        out.array(layout.counts) { $0.int($1) }
        return out.finish()
    }

    func encodedPart(token: UInt64, pages pageKeys: [String], frontMatters frontMatterKeys: [String]) -> Data {
        // About 2 KB a page at most on the commissioner's and the benchmark's sites.
        var out = CacheWriter(magic: Self.partMagic, capacity: 2_048 * (pageKeys.count + frontMatterKeys.count) + 64)
        out.int(version)
        out.int(Int(Int64(bitPattern: token)))
        out.dictionary(pages, keys: pageKeys) { out, page in page.encode(into: &out) }
        out.dictionary(frontMatters, keys: frontMatterKeys) { out, record in record.encode(into: &out) }
        return out.finish()
    }

    private static func decodeMain(_ input: inout CacheReader) throws(CacheReader.Damaged) -> Loaded? {
        guard try input.int() == currentVersion else { return nil }
        let global = try input.string()
        let stamps = try input.dictionary { input throws(CacheReader.Damaged) in
            Stamp(size: try input.int(), modified: try input.double())
        }
        let structure = SiteStructure(frontMatter: try input.string(), shape: try input.string(), lists: try input.string())
        let manifest = try input.string()
        let report = CachedReport(pageCount: try input.int(), fileCount: try input.int(),
                                  diagnostics: try input.json([Diagnostic].self), silenced: try input.json([SilencedFinding].self))
        let tokens = try input.array { input throws(CacheReader.Damaged) in UInt64(bitPattern: Int64(try input.int())) }
        let counts = try input.array { input throws(CacheReader.Damaged) in try input.int() }
        // Counts are checked before anything is reserved for them: a damaged one reads as no
        // cache, never as an overflow or an allocation of terabytes.
        guard input.isAtEnd, !tokens.isEmpty, tokens.count <= maxParts, counts.count == tokens.count,
              counts.allSatisfy({ (0...maxRecordsPerPart).contains($0) }) else { return nil }
        let cache = BuildCache(global: global, stamps: stamps, structure: structure, pages: [:], frontMatters: [:],
                               manifest: manifest, report: report)
        return Loaded(cache: cache, layout: Layout(tokens: tokens, counts: counts))
    }

    /// Adds a part's records to `cache`; the number of records, or nil for a part of another
    /// version or save. A record kept in the wrong part, or twice, is damage.
    private static func decodePart(_ input: inout CacheReader, part: Int, token: UInt64, among count: Int,
                                   into cache: inout BuildCache) throws(CacheReader.Damaged) -> Int? {
        guard try input.int() == currentVersion, UInt64(bitPattern: Int64(try input.int())) == token else { return nil }
        let belongs = { (key: String) in Self.part(of: key, among: count) == part }
        let pages = try input.dictionary(into: &cache.pages, belongs: belongs) { input throws(CacheReader.Damaged) in
            try PageRecord(from: &input)
        }
        let frontMatters = try input.dictionary(into: &cache.frontMatters, belongs: belongs) { input throws(CacheReader.Damaged) in
            try FrontMatterRecord(from: &input)
        }
        guard input.isAtEnd else { throw CacheReader.Damaged() }
        return pages + frontMatters
    }
}

extension BuildCache.PageRecord {
    func encode(into out: inout CacheWriter) {
        out.string(text)
        out.string(frontMatter)
        out.string(output)
        out.array(anchors) { $0.string($1) }
        out.optional(title) { $0.string($1) }
        out.optional(titleLocation) { $0.location($1) }
        out.json(diagnostics)
        out.json(silenced)
        out.bool(usesSiteReport)
    }

    convenience init(from input: inout CacheReader) throws(CacheReader.Damaged) {
        let text = try input.string()
        let frontMatter = try input.string()
        let output = try input.string()
        let anchors = try input.array { input throws(CacheReader.Damaged) in try input.string() }
        let title = try input.optional { input throws(CacheReader.Damaged) in try input.string() }
        let titleLocation = try input.optional { input throws(CacheReader.Damaged) in try input.location() }
        let diagnostics = try input.json([Diagnostic].self)
        let silenced = try input.json([SilencedFinding].self)
        self.init(text: text, frontMatter: frontMatter, output: output, anchors: anchors, title: title, titleLocation: titleLocation,
                  diagnostics: diagnostics, silenced: silenced, usesSiteReport: try input.bool())
    }
}
