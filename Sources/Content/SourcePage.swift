import Core

/// One Markdown file from `content/`, read and split, before its Markdown is parsed.
public struct SourcePage: Sendable {
    /// Path relative to the content folder: `report/hate-crime.md`.
    public var sourcePath: String
    /// The path diagnostics print: `content/report/hate-crime.md`.
    public var displayPath: String
    public var text: String
    public var frontMatter: FrontMatter
    public var metadata: PageMetadata
    /// The page's site path, folder style: `/report/hate-crime/`.
    public var url: String
    public var isSection: Bool

    /// The content folder the page lives in, relative: `report` (empty at the top).
    public var folder: String { Path.dirname(sourcePath) }

    /// The site path of the section this page belongs to (a section's parent section for `_index.md`).
    public var parentURL: String? {
        guard url != "/" else { return nil }
        var parts = url.split(separator: "/").map(String.init)
        parts.removeLast()
        return parts.isEmpty ? "/" : "/" + parts.joined(separator: "/") + "/"
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
