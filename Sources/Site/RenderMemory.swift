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
        /// The content as scanned for the stamps, so the render does not walk it again.
        var discovery: ContentDiscovery

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
    var structure: String
    var records: [String: BuildCache.PageRecord]
    var files: [String: Data]
    var entries: [String: Manifest.Entry]

    /// How many pages' records it holds (for tests and the preview's log).
    public var pageCount: Int { records.count }
}

/// One content file read: the page (nil when it could not be read), what was wrong with it,
/// and the fingerprint of its text, worked out once beside the reading.
struct LoadedFile: Sendable {
    var page: SourcePage?
    var diagnostics: [Diagnostic]
    var fingerprint: String?

    static func load(_ found: ContentDiscovery.Found, from fileSystem: FileSystem) -> LoadedFile {
        let (page, diagnostics) = PageLoader.load(found, from: fileSystem)
        return LoadedFile(page: page, diagnostics: diagnostics, fingerprint: page.map(PageFingerprint.text))
    }
}
