import Content
import Core

/// A page's front matter as the last build checked it: while the YAML is the same, the next
/// build takes the metadata and its findings from here instead of parsing the YAML again.
struct FrontMatterRecord: Equatable, Sendable {
    /// `fingerprint(of:)` of the front matter it was made from.
    var fingerprint: String
    var metadata: PageMetadata
    /// The findings about the front matter, with their source lines.
    var diagnostics: [Diagnostic]
    /// The front matter itself, without the body: what a page made from this record shows of
    /// it (the site's structure fingerprint reads the YAML).
    var yaml: String
    var bodyFirstLine: Int

    /// The YAML and the line it starts on: all that the metadata and its findings come from,
    /// with the page's path (the records are kept by path).
    static func fingerprint(of front: FrontMatter) -> String {
        ChangeHash.of(front.yaml ?? "\u{0}none", String(front.yamlFirstLine))
    }
}
