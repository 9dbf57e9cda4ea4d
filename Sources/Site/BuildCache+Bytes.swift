import Content
import Core
import Foundation

/// The cache on disk, in `CacheWriter`'s binary form.
extension BuildCache {
    static let magic = "herald-cache\n"

    // The records go in the dictionaries' own order: the reader keys them again, and sorting
    // 30,000 entries by path was a third of saving the cache of a 10,000-page site.
    func encoded() -> Data {
        // About 2 KB a page at most on the commissioner's and the benchmark's sites.
        var out = CacheWriter(magic: Self.magic, capacity: 2_048 * (pages.count + frontMatters.count) + 64 * stamps.count)
        out.int(version)
        out.string(global)
        out.dictionary(stamps) { out, stamp in
            out.int(stamp.size)
            out.double(stamp.modified)
        }
        out.string(structure.frontMatter)
        out.string(structure.shape)
        out.string(structure.lists)
        out.dictionary(pages) { out, page in page.encode(into: &out) }
        out.dictionary(frontMatters) { out, record in record.encode(into: &out) }
        out.string(manifest)
        out.int(report.pageCount)
        out.int(report.fileCount)
        out.json(report.diagnostics)
        out.json(report.silenced)
        return out.finish()
    }

    /// Nil for anything but a whole cache of this version.
    init?(decoding data: Data) {
        let decoded = CacheReader.reading(data, magic: Self.magic) { input throws(CacheReader.Damaged) -> BuildCache? in
            guard try input.int() == Self.currentVersion else { return nil }
            let global = try input.string()
            let stamps = try input.dictionary { input throws(CacheReader.Damaged) in
                Stamp(size: try input.int(), modified: try input.double())
            }
            let structure = SiteStructure(frontMatter: try input.string(), shape: try input.string(), lists: try input.string())
            let pages = try input.dictionary { input throws(CacheReader.Damaged) in try PageRecord(from: &input) }
            let frontMatters = try input.dictionary { input throws(CacheReader.Damaged) in try FrontMatterRecord(from: &input) }
            let manifest = try input.string()
            let report = CachedReport(pageCount: try input.int(), fileCount: try input.int(),
                                      diagnostics: try input.json([Diagnostic].self), silenced: try input.json([SilencedFinding].self))
            guard input.isAtEnd else { return nil }
            return BuildCache(global: global, stamps: stamps, structure: structure, pages: pages, frontMatters: frontMatters,
                              manifest: manifest, report: report)
        }
        guard let decoded else { return nil }
        self = decoded
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

    init(from input: inout CacheReader) throws(CacheReader.Damaged) {
        text = try input.string()
        frontMatter = try input.string()
        output = try input.string()
        anchors = try input.array { input throws(CacheReader.Damaged) in try input.string() }
        title = try input.optional { input throws(CacheReader.Damaged) in try input.string() }
        titleLocation = try input.optional { input throws(CacheReader.Damaged) in try input.location() }
        diagnostics = try input.json([Diagnostic].self)
        silenced = try input.json([SilencedFinding].self)
        usesSiteReport = try input.bool()
    }
}
