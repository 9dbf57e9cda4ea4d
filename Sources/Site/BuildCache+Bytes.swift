import Content
import Core
import Foundation

/// The cache on disk, in `CacheWriter`'s binary form.
extension BuildCache {
    static let magic = "herald-cache\n"

    func encoded() -> Data {
        var out = CacheWriter(magic: Self.magic)
        out.int(version)
        out.string(global)
        out.array(stamps.sorted { $0.key < $1.key }) { out, stamp in
            out.string(stamp.key)
            out.int(stamp.value.size)
            out.double(stamp.value.modified)
        }
        out.string(structure.frontMatter)
        out.string(structure.shape)
        out.string(structure.lists)
        out.array(pages.sorted { $0.key < $1.key }) { out, page in
            out.string(page.key)
            page.value.encode(into: &out)
        }
        out.array(frontMatters.sorted { $0.key < $1.key }) { out, entry in
            out.string(entry.key)
            entry.value.encode(into: &out)
        }
        out.string(manifest)
        out.int(report.pageCount)
        out.int(report.fileCount)
        out.json(report.diagnostics)
        out.json(report.silenced)
        return Data(out.bytes)
    }

    /// Nil for anything but a whole cache of this version.
    init?(decoding data: Data) {
        guard var input = CacheReader(data, magic: Self.magic) else { return nil }
        do throws(CacheReader.Damaged) {
            guard try input.int() == Self.currentVersion else { return nil }
            global = try input.string()
            var stamps: [String: Stamp] = [:]
            for (path, stamp) in try input.array({ input throws(CacheReader.Damaged) in
                (try input.string(), Stamp(size: try input.int(), modified: try input.double()))
            }) { stamps[path] = stamp }
            self.stamps = stamps
            structure = SiteStructure(frontMatter: try input.string(), shape: try input.string(), lists: try input.string())
            var pages: [String: PageRecord] = [:]
            for (key, record) in try input.array({ input throws(CacheReader.Damaged) in
                (try input.string(), try PageRecord(from: &input))
            }) { pages[key] = record }
            self.pages = pages
            var frontMatters: [String: FrontMatterRecord] = [:]
            for (path, record) in try input.array({ input throws(CacheReader.Damaged) in
                (try input.string(), try FrontMatterRecord(from: &input))
            }) { frontMatters[path] = record }
            self.frontMatters = frontMatters
            manifest = try input.string()
            report = CachedReport(pageCount: try input.int(), fileCount: try input.int(),
                                  diagnostics: try input.json([Diagnostic].self), silenced: try input.json([SilencedFinding].self))
            guard input.isAtEnd else { return nil }
        } catch {
            return nil
        }
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
