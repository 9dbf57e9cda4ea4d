import Content
import Core
import Foundation

/// What the last successful `herald build` knew, kept in `.herald-cache/` in the site folder
/// (binary: `BuildCache+Bytes`), so the next build can skip what has not changed. The output
/// must stay byte-identical to a clean build: anything the cache cannot vouch for is rebuilt.
struct BuildCache: Equatable, Sendable {
    static let currentVersion = 9
    static let folder = ".herald-cache"

    /// A file's size and modification time: cheap to read for thousands of files.
    struct Stamp: Equatable, Sendable {
        var size: Int
        var modified: Double

        init(size: Int, modified: Double) {
            self.size = size
            self.modified = modified
        }

        /// The file's stamp now; nil when there is no such file.
        init?(of path: String, on fileSystem: FileSystem) {
            guard let (size, modified) = fileSystem.sizeAndModificationDate(of: path) else { return nil }
            self.init(size: size, modified: modified?.timeIntervalSince1970 ?? 0)
        }
    }

    /// One page as it was last built. A class that never changes: a build copies 10,000 of
    /// them from the cache into its results and back, and compares them with the last
    /// build's when it saves (field by field, a copy each, that was half of saving).
    final class PageRecord: Equatable, Sendable {
        /// Fingerprint of the page's whole source.
        let text: String
        /// Fingerprint of its front matter alone (empty for the pages Herald makes).
        let frontMatter: String
        let output: String
        let anchors: [String]
        /// The `<title>` the site-wide check compares, and where it was written.
        let title: String?
        let titleLocation: SourceLocation?
        let diagnostics: [Diagnostic]
        let silenced: [SilencedFinding]
        /// The text reports on the whole site (`{{accessibility.…}}`), so the page is made every time.
        let usesSiteReport: Bool

        init(text: String, frontMatter: String, output: String, anchors: [String], title: String?, titleLocation: SourceLocation?,
             diagnostics: [Diagnostic], silenced: [SilencedFinding], usesSiteReport: Bool) {
            self.text = text
            self.frontMatter = frontMatter
            self.output = output
            self.anchors = anchors
            self.title = title
            self.titleLocation = titleLocation
            self.diagnostics = diagnostics
            self.silenced = silenced
            self.usesSiteReport = usesSiteReport
        }

        /// What a page made from a source with these fingerprints leaves for the next build.
        convenience init(_ result: PageResult, text: String, frontMatter: String) {
            self.init(text: text, frontMatter: frontMatter, output: result.outputPath, anchors: result.anchors,
                      title: result.lint.title, titleLocation: result.lint.titleLocation, diagnostics: result.diagnostics,
                      silenced: result.silenced, usesSiteReport: result.usesSiteReport)
        }

        static func == (a: PageRecord, b: PageRecord) -> Bool {
            a === b || (a.text == b.text && a.frontMatter == b.frontMatter && a.output == b.output && a.anchors == b.anchors
                && a.title == b.title && a.titleLocation == b.titleLocation && a.diagnostics == b.diagnostics
                && a.silenced == b.silenced && a.usesSiteReport == b.usesSiteReport)
        }
    }

    var version = BuildCache.currentVersion
    /// Herald's version, the options and the day: any change means a full build.
    var global: String
    /// Every input file (config, templates, content) → its stamp.
    var stamps: [String: Stamp]
    /// What other pages can show of a page (titles, lists, breadcrumbs, URLs); anchors are in
    /// each page's record.
    var structure: SiteStructure
    var pages: [String: PageRecord]
    /// Each page's checked front matter, by source path (`FrontMatterRecord`).
    var frontMatters: [String: FrontMatterRecord] = [:]
    /// Fingerprint of the manifest that build published (`manifestHash`): the output folder
    /// must still hold it.
    var manifest: String
    var report: CachedReport

    /// The report of the last build, repeated when nothing has changed.
    struct CachedReport: Codable, Equatable, Sendable {
        var pageCount: Int
        var fileCount: Int
        var diagnostics: [Diagnostic]
        var silenced: [SilencedFinding]
    }

    /// What every file of this output folder's cache is named after: `build-KEY`.
    static func fileStem(_ options: BuildOptions) -> String { "build-\(ChangeHash.of(options.outputDirectory))" }

    /// One cache per output folder, so a build elsewhere (`--output`) does not spoil it.
    static func path(in options: BuildOptions) -> String {
        Path.join(options.siteDirectory, folder, fileStem(options) + ".cache")
    }

    /// Where caches before version 4 were kept, as JSON.
    static func legacyPath(in options: BuildOptions) -> String {
        Path.join(options.siteDirectory, folder, fileStem(options) + ".json")
    }

    /// The little that says whether anything changed, kept in a file of its own: decoding the
    /// whole cache (every page's record) took most of a no-change build of a large site.
    struct Head: Codable {
        var version = BuildCache.currentVersion
        var global: String
        /// `BuildCache.digest` of the stamps.
        var stamps: String
        var manifest: String
        var report: CachedReport
    }

    static func headPath(in options: BuildOptions) -> String {
        Path.join(options.siteDirectory, folder, fileStem(options) + ".head.json")
    }

    static func loadHead(_ fileSystem: FileSystem, options: BuildOptions) -> Head? {
        guard let data = try? fileSystem.read(headPath(in: options)),
              let head = try? JSONDecoder().decode(Head.self, from: data),
              head.version == currentVersion else { return nil }
        return head
    }

    /// One fingerprint of every input's stamp. Each stamp is hashed on its own and the hashes
    /// added up, so the dictionary's order does not matter: sorting 10,000 paths and writing
    /// each time as text was most of the cost (two digests a build).
    static func digest(_ stamps: [String: Stamp]) -> String {
        var sum: UInt64 = 0
        for (path, stamp) in stamps {
            var hash = ChangeHash()
            hash.add(path)
            hash.add(UInt64(bitPattern: Int64(stamp.size)))
            hash.add(stamp.modified.bitPattern)
            // Mixed (splitmix64's finaliser) before adding, so that two changes cannot cancel out
            // through FNV's structure.
            var mixed = hash.number
            mixed = (mixed ^ (mixed >> 30)) &* 0xbf58_476d_1ce4_e5b9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94d0_49bb_1331_11eb
            sum &+= mixed ^ (mixed >> 31)
        }
        var total = ChangeHash()
        total.add(sum)
        total.add(UInt64(stamps.count))
        return total.hex
    }

    /// - Parameter previous: the cache as this build read it, whose unchanged parts are kept.
    func save(_ fileSystem: FileSystem, options: BuildOptions, previous: Loaded? = nil) {
        // A cache that cannot be written only costs the next build time. The head goes last:
        // a head without its cache is never written, and a stale head no longer matches.
        guard writeParts(fileSystem, options: options, previous: previous) != nil else { return }
        // The JSON cache of Herald before version 4 is never read again: 10 MB for a large site.
        try? fileSystem.remove(Self.legacyPath(in: options))
        let head = Head(global: global, stamps: Self.digest(stamps), manifest: manifest, report: report)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        if let headData = try? encoder.encode(head) { try? fileSystem.write(headData, to: Self.headPath(in: options)) }
        Self.pruneOthers(fileSystem, options: options)
    }

    static func global(_ options: BuildOptions, today: Day) -> String {
        ChangeHash.of(heraldVersion, executableIdentity, "\(options.includeDrafts)", options.baseURL ?? "", "\(options.strict)",
                      "\(options.preview)", today.iso, options.outputDirectory)
    }

    /// The running program's size and modification time: a Herald built since the cache was
    /// written may read front matter or make pages differently, so it takes nothing from it.
    /// Asked of the system, not the site's `FileSystem`: it is the program, not the site.
    static let executableIdentity: String = {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 || stat(CommandLine.arguments[0], &info) == 0 else { return "" }
        return "\(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }()

    static let heraldVersion = "herald-0.1.0"

    /// Stamps of every input: the config, each template and asset, each content file.
    /// - Parameter discovery: the content as already scanned, to save walking it twice.
    static func stamps(_ fileSystem: FileSystem, options: BuildOptions, discovery scanned: ContentDiscovery? = nil) -> [String: Stamp] {
        var result: [String: Stamp] = [:]
        func stamp(_ path: String) { result[path] = Stamp(of: path, on: fileSystem) }
        let discovery = scanned ?? ContentDiscovery.scan(fileSystem, contentPath: options.contentPath)
        result.reserveCapacity(discovery.markdown.count + discovery.assets.count + 64)
        stamp(options.configPath)
        let templates = (try? fileSystem.resolvingSymbolicLinks(options.templatesPath)) ?? options.templatesPath
        for file in (try? fileSystem.recursiveFiles(in: templates)) ?? [] { stamp(Path.join(templates, file)) }
        for found in discovery.markdown + discovery.assets { stamp(found.fullPath) }
        // A link out of content/ or a loop is an error of no file: it must still mean "changed",
        // or a build after adding one would repeat the last clean report.
        for (index, problem) in discovery.diagnostics.enumerated() {
            result["\(options.contentPath)/\u{0}problem \(index): \(problem.message)"] = Stamp(size: -1, modified: 0)
        }
        return result
    }

    /// Whether two sets of stamps agree on every file outside `folder` (the config and the
    /// templates, beside the content), without making a filtered copy of either.
    static func sameStamps(_ a: [String: Stamp], _ b: [String: Stamp], outside folder: String) -> Bool {
        let prefix = folder + "/"
        var outside = 0
        for (path, stamp) in a where !path.hasPrefix(prefix) {
            guard b[path] == stamp else { return false }
            outside += 1
        }
        return outside == b.keys.count { !$0.hasPrefix(prefix) }
    }

    /// The manifest in the output folder, read once for its fingerprint and its entries; nil
    /// when there is none.
    static func publishedManifest(_ fileSystem: FileSystem, options: BuildOptions) -> Data? {
        try? fileSystem.read(Path.join(options.outputDirectory, Manifest.fileName))
    }

    /// The fingerprint of a manifest (`ChangeHash`). It only tells whether the file is the one
    /// the last build wrote: SHA-256 of the manifest of 10,000 pages took 17 ms, twice a build.
    static func manifestHash(_ manifest: Data) -> String { ChangeHash.of(data: manifest) }
}

/// What a build may take from the last one: pages whose source is unchanged, while nothing
/// they show of other pages has changed either.
struct Reuse: Sendable {
    /// Where the last build's files are: a folder on disk (`herald build`) or memory (the preview).
    enum Previous: Sendable {
        case folder(String)
        case memory([String: Data])
    }

    var pages: [String: BuildCache.PageRecord]
    var structure: SiteStructure
    var previous: Previous
    var entries: [String: Manifest.Entry]
}

extension Reuse {
    /// Puts the last build's file at `path` into `output` without making it again; false when
    /// the last build made no such file.
    func place(_ path: String, into output: RecordingOutput, fileSystem: FileSystem) throws -> Bool {
        guard let entry = entries[path] else { return false }
        switch previous {
        case .folder(let folder):
            try output.record(entry, at: path) { try fileSystem.linkOrCopy(Path.join(folder, path), to: $0) }
        case .memory(let files):
            guard let data = files[path] else { return false }
            try output.write(data, known: entry, to: path)
        }
        return true
    }
}

/// Fingerprints of a page for the cache.
extension BuildCache {
    /// Where a page Herald makes itself is kept among the records: its URL, marked so that no
    /// content path can take the same key. Such a page shows only the front matter of others,
    /// so it can be reused whenever the structure fingerprint is unchanged.
    static func generatedKey(_ url: String) -> String { "\u{0}generated " + url }
}

/// What pages can show of each other, fingerprinted at two depths.
struct SiteStructure: Codable, Equatable, Sendable {
    /// Every page's front matter and the assets: titles, lists, breadcrumbs, document sizes.
    /// While it holds, only pages whose own text changed are made again.
    var frontMatter: String
    /// Which pages and assets there are, at which URLs (aliases included): while it holds, a
    /// front matter edit changes only the pages that show the edited page (`PageStage.shownPages`).
    var shape: String
    /// The front matter of the news and decisions in the lists, in order: while it holds, the
    /// list pages Herald makes are as they were.
    var lists: String
}

enum PageFingerprint {
    static func text(_ page: SourcePage) -> String { ChangeHash.of(page.text) }

    static func frontMatter(_ page: SourcePage) -> String { FrontMatterRecord.fingerprint(of: page.frontMatter) }

    /// Headings matter too, as link anchors: a changed page whose anchors differ from last time
    /// is caught after it is parsed.
    /// - Parameter frontMatters: each page's `frontMatter` fingerprint by source path, hashed
    ///   instead of its YAML again (a tenth of the size); pages in the tree's order (by URL).
    static func structure(of pages: [SourcePage], frontMatters: [String: String], assets: [ContentAsset],
                          lists: ListPages.Lists) -> SiteStructure {
        func fingerprint(_ page: SourcePage) -> String { frontMatters[page.sourcePath] ?? frontMatter(page) }
        var all = ChangeHash(), shape = ChangeHash()
        for page in pages {
            all.add(page.sourcePath)
            all.add(fingerprint(page))
            shape.add(page.sourcePath)
            shape.add(page.url)
            for alias in page.metadata.aliases { shape.add(alias.value) }
        }
        for asset in assets {
            all.add("\(asset.sourcePath) \(asset.size)")
            shape.add("\(asset.sourcePath) \(asset.size)")
        }
        var listed = ChangeHash()
        for page in lists.news + lists.decisions {
            listed.add(page.sourcePath)
            listed.add(fingerprint(page))
        }
        listed.add("\(lists.news.count) \(lists.decisions.count)")
        return SiteStructure(frontMatter: all.hex, shape: shape.hex, lists: listed.hex)
    }

    /// The pages whose front matter changed since `reuse`'s build, by source path; empty when
    /// the structure is the same.
    /// - Parameter frontMatters: each page's `frontMatter` fingerprint, by source path.
    static func frontMatterEdits(_ tree: ContentTree, frontMatters: [String: String], structure: SiteStructure,
                                 reuse: Reuse?) -> Set<String> {
        guard let reuse, reuse.structure != structure else { return [] }
        return Set(tree.pages.map(\.sourcePath).filter { reuse.pages[$0]?.frontMatter != frontMatters[$0] })
    }
}
