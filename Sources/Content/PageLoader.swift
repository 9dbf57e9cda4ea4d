import Core

/// Reads one Markdown file into a `SourcePage`: decode, split off the front matter, check it,
/// and work out the page's URL.
public enum PageLoader {
    /// - Parameter checked: the metadata and findings already known for this front matter (the
    ///   last build's, while the YAML is unchanged); nil to parse it.
    public static func load(_ found: ContentDiscovery.Found, from fileSystem: FileSystem, displayRoot: String = "content",
                            checked: ((FrontMatter) -> (PageMetadata, [Diagnostic])?)? = nil)
        -> (SourcePage?, [Diagnostic])
    {
        let display = Path.join(displayRoot, found.path)
        let text: String
        do {
            // A file far past what the Markdown parser takes (4 MB of text) is refused unread,
            // so a stray 100 MB export costs no time and no memory.
            let data = try fileSystem.read(found.fullPath, limit: maximumFileBytes)
            text = try SourceDecoder.decode(data, file: display)
        } catch let long as FileTooLong {
            return (nil, [.error("this file is \(long.size / (1024 * 1024)) MB long; Herald reads pages of up to 4 MB",
                                 at: SourceLocation(file: display, line: 1),
                                 hint: "Split it into several pages, or put long material in a document and link to it.")])
        } catch let diagnostic as Diagnostic {
            return (nil, [diagnostic])
        } catch {
            return (nil, [.error("cannot read \(display)", at: SourceLocation(file: display, line: 1))])
        }
        if text.trimmingWhitespace.isEmpty {
            return (nil, [.error("the file is empty", at: SourceLocation(file: display, line: 1),
                                 hint: "Add front matter with a title and some content, or delete the file.")])
        }
        let front: FrontMatter
        do {
            front = try FrontMatter.split(text, file: display)
        } catch {
            return (nil, [error])
        }
        let metadata: PageMetadata?, withLines: [Diagnostic]
        if let (known, diagnostics) = checked?(front) {
            (metadata, withLines) = (known, diagnostics)
        } else {
            let (parsed, diagnostics) = FrontMatterParser.parse(front, file: display)
            (metadata, withLines) = (parsed, diagnostics.map { $0.withSourceLine(from: text) })
        }
        guard let metadata else { return (nil, withLines) }
        return (page(found, displayRoot: displayRoot, text: text, frontMatter: front, metadata: metadata), withLines)
    }

    /// The page a file makes once its front matter is checked: where the file is decides its
    /// display path, its URL (with the slug) and whether it is a section.
    /// - Parameter hasText: false when `text` and the body are left empty (see `SourcePage.init`).
    public static func page(_ found: ContentDiscovery.Found, displayRoot: String = "content", text: String,
                            frontMatter: FrontMatter, metadata: PageMetadata, hasText: Bool = true) -> SourcePage {
        SourcePage(sourcePath: found.path, displayPath: Path.join(displayRoot, found.path), text: text, frontMatter: frontMatter,
                   metadata: metadata, url: url(for: found.path, slug: metadata.slug),
                   isSection: Path.basename(found.path) == "_index.md", hasText: hasText)
    }

    /// The largest page file read: the Markdown parser's 4 MB of text, and room for front matter.
    public static let maximumFileBytes = 8 * 1024 * 1024

    /// `report/hate-crime.md` → `/report/hate-crime/`; `report/_index.md` → `/report/`; a slug replaces the last segment.
    public static func url(for sourcePath: String, slug: String?) -> String {
        // Asked for every page of every build: the path's segments are taken as they are when
        // they are slugs already (nearly always), without a string per segment and a join.
        var folders = sourcePath.utf8.split(separator: UInt8(ascii: "/"))
        var name = ""
        if !sourcePath.utf8.isEmpty, sourcePath.utf8.last != UInt8(ascii: "/"), let file = folders.popLast() {
            name = Path.removingExtension(String(Substring(file)))
        }
        let isIndex = name == "_index"
        var url = "/"
        url.reserveCapacity(sourcePath.utf8.count + 2)
        for (index, folder) in folders.enumerated() {
            if isIndex, index == folders.count - 1, let slug {
                url += slug
            } else if Slug.isUnchangedBySlug(folder) {
                url += Substring(folder)
            } else {
                url += Slug.make(String(Substring(folder)))
            }
            url += "/"
        }
        if !isIndex {
            if let slug {
                url += slug
            } else if Slug.isUnchangedBySlug(Substring(name).utf8) {
                url += name
            } else {
                url += Slug.make(name)
            }
            url += "/"
        }
        return url
    }

    /// `report/Annual Report.PDF` → `/report/annual-report.pdf`.
    public static func assetURL(for sourcePath: String) -> String {
        let folders = Path.dirname(sourcePath).split(separator: "/").map { Slug.make(String($0)) }
        let ext = Path.fileExtension(sourcePath)
        let stem = Slug.make(Path.basename(Path.removingExtension(sourcePath)))
        return "/" + (folders + [ext.isEmpty ? stem : stem + "." + ext]).joined(separator: "/")
    }
}

extension String {
    var trimmingWhitespace: Substring {
        let trimmed = drop { $0.isWhitespace }
        return trimmed.reversed().drop { $0.isWhitespace }.isEmpty ? "" : trimmed
    }
}
