import Core

/// One Markdown file from `content/`, read and split, before its Markdown is parsed.
///
/// A value type whose fields live in one shared, copy-on-write box: a page is copied many
/// times in a build (into every list, task and tree), and copying its thirty-odd fields one by
/// one was a fifth of the preview's rebuild in reference counting alone.
public struct SourcePage: Sendable {
    private struct Fields {
        var sourcePath: String
        var displayPath: String
        var text: String
        var frontMatter: FrontMatter
        var metadata: PageMetadata
        var url: String
        var isSection: Bool
        var parentURL: String?
        var hasText: Bool
    }

    // Mutated only through `unique()`, so a box shared between copies (or tasks) never changes.
    private final class Box: @unchecked Sendable {
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    /// - Parameter hasText: false for a page made from the last build's record of it, whose text
    ///   and body are empty until the file is read again (`herald build` reads only the pages it
    ///   makes again).
    public init(sourcePath: String, displayPath: String, text: String, frontMatter: FrontMatter, metadata: PageMetadata,
                url: String, isSection: Bool, hasText: Bool = true) {
        box = Box(Fields(sourcePath: sourcePath, displayPath: displayPath, text: text, frontMatter: frontMatter,
                         metadata: metadata, url: url, isSection: isSection, parentURL: Self.parentURL(of: url), hasText: hasText))
    }

    /// Whether `text` and the front matter's `body` hold the file's text (see `init`).
    public var hasText: Bool { box.fields.hasText }

    /// Line `number` of the file, to quote under a message: from the text, or for a page taken
    /// from the last build's record (no text), from its front matter's YAML, which is kept.
    public func sourceLine(_ number: Int) -> String? {
        if hasText { return SourceText.line(number, of: text) }
        return frontMatter.yaml.flatMap { SourceText.line(number - frontMatter.yamlFirstLine + 1, of: $0) }
    }

    private mutating func unique() {
        if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
    }

    /// Path relative to the content folder: `report/hate-crime.md`.
    public var sourcePath: String {
        _read { yield box.fields.sourcePath }
        _modify { unique(); yield &box.fields.sourcePath }
    }
    /// The path diagnostics print: `content/report/hate-crime.md`.
    public var displayPath: String {
        _read { yield box.fields.displayPath }
        _modify { unique(); yield &box.fields.displayPath }
    }
    public var text: String {
        _read { yield box.fields.text }
        _modify { unique(); yield &box.fields.text }
    }
    public var frontMatter: FrontMatter {
        _read { yield box.fields.frontMatter }
        _modify { unique(); yield &box.fields.frontMatter }
    }
    public var metadata: PageMetadata {
        _read { yield box.fields.metadata }
        _modify { unique(); yield &box.fields.metadata }
    }
    /// The page's site path, folder style: `/report/hate-crime/`.
    public var url: String {
        _read { yield box.fields.url }
        _modify {
            unique()
            yield &box.fields.url
            box.fields.parentURL = Self.parentURL(of: box.fields.url)
        }
    }
    public var isSection: Bool {
        _read { yield box.fields.isSection }
        _modify { unique(); yield &box.fields.isSection }
    }

    /// The content folder the page lives in, relative: `report` (empty at the top).
    public var folder: String { Path.dirname(sourcePath) }

    /// The site path of the section this page belongs to (a section's parent section for `_index.md`).
    public var parentURL: String? { box.fields.parentURL }

    static func parentURL(of url: String) -> String? {
        guard url != "/" else { return nil }
        if let parent = loaderParent(of: url) { return parent }
        var parts = url.split(separator: "/").map(String.init)
        _ = parts.popLast()
        return parts.isEmpty ? "/" : "/" + parts.joined(separator: "/") + "/"
    }

    /// The parent of a URL as `PageLoader.url` makes it ("/" and segments, each followed by
    /// "/"): a prefix, found byte by byte, as this is asked of every page of every build. Nil
    /// for a URL of any other shape.
    private static func loaderParent(of url: String) -> String? {
        let slash = UInt8(ascii: "/")
        guard url.utf8.first == slash, url.utf8.last == slash else { return nil }
        var previous: UInt8 = 0
        var beforeLast: String.Index?, last: String.Index?
        for index in url.utf8.indices {
            let byte = url.utf8[index]
            if byte == slash {
                if previous == slash { return nil }
                beforeLast = last
                last = index
            }
            previous = byte
        }
        return beforeLast.map { String(Substring(url.utf8[...$0])) }
    }

    /// Where the page is written in the output: `report/hate-crime/index.html`.
    public var outputPath: String {
        url == "/" ? "index.html" : String(url.dropFirst()) + "index.html"
    }
}

/// A file beside the content (an image or a document) that is copied to the output as it is.
public struct ContentAsset: Sendable, Hashable {
    public var sourcePath: String
    public var displayPath: String
    /// The site path it is served at: `/report/annual-report-2022.pdf`.
    public var url: String
    public var size: Int

    public init(sourcePath: String, displayPath: String, url: String, size: Int) {
        self.sourcePath = sourcePath
        self.displayPath = displayPath
        self.url = url
        self.size = size
    }

    public var outputPath: String { String(url.dropFirst()) }

    /// The document type authors and readers know it by ("PDF"), nil for images.
    public var documentType: String? { DocumentType.label(forExtension: Path.fileExtension(sourcePath)) }
}

/// The document formats a page may offer for download, and how they are named to readers.
public enum DocumentType {
    public static let extensions = ["pdf": "PDF", "docx": "Word document", "odt": "OpenDocument text",
                                    "xlsx": "Excel spreadsheet", "ods": "OpenDocument spreadsheet", "csv": "CSV"]
    public static let imageExtensions: Set<String> = ["png", "jpg", "jpeg", "gif", "svg", "webp", "avif"]

    public static func label(forExtension ext: String) -> String? { extensions[ext] }

    /// "245 KB", "1.2 MB": GOV.UK's way of giving a file size.
    public static func formatSize(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) bytes" }
        let kb = Double(bytes) / 1024
        if kb < 1024 { return "\(Int(kb.rounded())) KB" }
        let mb = kb / 1024
        return mb < 10 ? String(format: "%.1f MB", mb) : "\(Int(mb.rounded())) MB"
    }
}
