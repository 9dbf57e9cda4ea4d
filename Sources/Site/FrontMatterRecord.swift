import Content
import Core

/// A page's front matter as the last build checked it: while the YAML is the same, the next
/// build takes the metadata and its findings from here instead of parsing the YAML again.
/// A class that never changes, so that the 10,000 a large site has are passed around and
/// compared by reference (see `BuildCache.PageRecord`).
final class FrontMatterRecord: Equatable, Sendable {
    /// `fingerprint(of:)` of the front matter it was made from.
    let fingerprint: String
    let metadata: PageMetadata
    /// The findings about the front matter, with their source lines.
    let diagnostics: [Diagnostic]
    /// The front matter itself with its body left empty: what a page made from this record
    /// shows of it (the site's structure fingerprint reads the YAML).
    let frontMatter: FrontMatter

    init(fingerprint: String, metadata: PageMetadata, diagnostics: [Diagnostic], frontMatter: FrontMatter) {
        self.fingerprint = fingerprint
        self.metadata = metadata
        self.diagnostics = diagnostics
        self.frontMatter = frontMatter
    }

    static func == (a: FrontMatterRecord, b: FrontMatterRecord) -> Bool {
        a === b || (a.fingerprint == b.fingerprint && a.metadata == b.metadata && a.diagnostics == b.diagnostics
            && a.frontMatter == b.frontMatter)
    }

    /// The YAML and the line it starts on: all that the metadata and its findings come from,
    /// with the page's path (the records are kept by path).
    static func fingerprint(of front: FrontMatter) -> String {
        ChangeHash.of(front.yaml ?? "\u{0}none", String(front.yamlFirstLine))
    }
}

/// The record in the cache's binary form.
extension FrontMatterRecord {
    func encode(into out: inout CacheWriter) {
        out.string(fingerprint)
        metadata.encode(into: &out)
        out.json(diagnostics)
        out.optional(frontMatter.yaml) { $0.string($1) }
        out.int(frontMatter.yamlFirstLine)
        out.int(frontMatter.bodyFirstLine)
    }

    convenience init(from input: inout CacheReader) throws(CacheReader.Damaged) {
        let fingerprint = try input.string()
        let metadata = try PageMetadata(from: &input)
        let diagnostics = try input.json([Diagnostic].self)
        let frontMatter = FrontMatter(yaml: try input.optional { input throws(CacheReader.Damaged) in try input.string() },
                                      yamlFirstLine: try input.int(), body: "", bodyFirstLine: try input.int())
        self.init(fingerprint: fingerprint, metadata: metadata, diagnostics: diagnostics, frontMatter: frontMatter)
    }
}
