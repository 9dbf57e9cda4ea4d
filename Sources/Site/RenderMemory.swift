import Content
import Core
import Foundation

/// What an in-memory render keeps for the next one, so the preview redoes only what an edit
/// affects: each content file as read (with its size and modification time), each page's record,
/// and the files made. Opaque outside the Site module: pass back what `render` returned.
public struct RenderMemory: Sendable {
    /// A content file as `PageLoader` left it, and the stamp it had when read.
    struct LoadedSource: Sendable {
        var stamp: BuildCache.Stamp?
        var file: LoadedFile
    }

    /// This render's stamps beside the last render's sources: what need not be read again.
    struct KnownSources: Sendable {
        var stamps: [String: BuildCache.Stamp]
        var loaded: [String: LoadedSource]

        func unchanged(_ fullPath: String) -> LoadedFile? {
            guard let source = loaded[fullPath], let stamp = stamps[fullPath], source.stamp == stamp else { return nil }
            return source.file
        }
    }

    /// Herald's version, the options and the day (`BuildCache.global`).
    var global: String
    /// Stamps of the config, templates and theme: any change means every page is made again.
    var inputStamps: [String: BuildCache.Stamp]
    var loaded: [String: LoadedSource]
    var structure: SiteStructure
    var records: [String: BuildCache.PageRecord]
    var files: [String: Data]
    var entries: [String: Manifest.Entry]
    /// The last render's working state; nil after a render made without remembering.
    var working: Working?
    /// Paths changed since these files were made that a failed render did not take in; nil
    /// when not known (then the next render looks at everything).
    var unrendered: Set<String>? = []

    /// What an edit below the front matter needs to re-make one page without the rest: nothing
    /// another page shows of it has changed, so the tree, lists, templates and link targets
    /// of the last render still hold.
    struct Working: Sendable {
        /// The tree's pages stand for what pages show of each other (front matter), which such
        /// an edit leaves as it was.
        var stage: PageStage
        var resolver: LinkResolver
        var discovery: ContentDiscovery
        /// Findings of no page: the config, reading the content, assembling the tree.
        var siteDiagnostics: [Diagnostic]
        /// The site-wide checks (titles), which see only front matter.
        var crossPage: [Diagnostic]
        /// Source paths of the pages that report on the site (the accessibility statement).
        var reportingPages: [String]
        /// The last render's report.
        var report: BuildReport
    }

    /// How many pages' records it holds (for tests and the preview's log).
    public var pageCount: Int { records.count }
}

/// One content file read: the page (nil when it could not be read), what was wrong with it,
/// and the fingerprints of its text and of its front matter, worked out once beside the reading.
struct LoadedFile: Sendable {
    var page: SourcePage?
    var diagnostics: [Diagnostic]
    var fingerprint: String?
    var frontMatterFingerprint: String?
    /// The record the page was taken from unread, kept as it is for the next build.
    var record: FrontMatterRecord?

    /// - Parameter frontMatters: the last build's checked front matter, by source path: a page
    ///   whose YAML is unchanged takes its metadata from there.
    static func load(_ found: ContentDiscovery.Found, from fileSystem: FileSystem,
                     frontMatters: [String: FrontMatterRecord]? = nil) -> LoadedFile {
        let record = frontMatters?[found.path]
        let (page, diagnostics) = PageLoader.load(found, from: fileSystem, checked: record.map { record in
            { front in FrontMatterRecord.fingerprint(of: front) == record.fingerprint ? (record.metadata, record.diagnostics) : nil }
        })
        return LoadedFile(page: page, diagnostics: diagnostics, fingerprint: page.map(PageFingerprint.text),
                          frontMatterFingerprint: page.map(PageFingerprint.frontMatter))
    }

    /// What the next build needs to skip parsing this page's front matter.
    var frontMatterRecord: FrontMatterRecord? {
        if let record { return record }
        guard let page, let frontMatterFingerprint else { return nil }
        var front = page.frontMatter
        front.body = ""
        return FrontMatterRecord(fingerprint: frontMatterFingerprint, metadata: page.metadata, diagnostics: diagnostics, frontMatter: front)
    }

    /// The page as the last build left it, unread: its front matter from `record`, its text's
    /// fingerprint from `page`, its text itself read only if the page is made again
    /// (`SourcePage.hasText`). Only for a file whose stamp is the one the last build saw.
    static func unread(_ found: ContentDiscovery.Found, record: FrontMatterRecord, page: BuildCache.PageRecord) -> LoadedFile {
        let source = PageLoader.page(found, text: "", frontMatter: record.frontMatter, metadata: record.metadata, hasText: false)
        return LoadedFile(page: source, diagnostics: record.diagnostics, fingerprint: page.text, frontMatterFingerprint: record.fingerprint,
                          record: record)
    }
}
