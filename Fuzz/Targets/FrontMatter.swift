@testable import Content
import Core
import Foundation

/// Front matter and herald.yml: the bytes of a content file go through Herald's decoder, the
/// front matter splitter and the YAML field reader (Yams), as `herald build` reads them. Text
/// that does not start with `---` and has an odd first byte is read as herald.yml instead.
/// Invariants: no crash; every diagnostic points into the file;
/// a page that loads has a safe URL, a safe slug and aliases that stay on the site.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontMatter(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let input = FuzzInput(data, count)
    let file = "content/fuzz.md"
    let text: String
    do {
        text = try SourceDecoder.decode(input.data, file: file)
    } catch {
        guard error.location?.file == file, (error.location?.line ?? 0) >= 1 else { fuzzFailure("decoder error without a place: \(error)") }
        return 0
    }
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
    func checkPlace(_ diagnostic: Diagnostic, _ name: String) {
        guard let location = diagnostic.location else { return }
        if location.file != name || location.line < 1 || location.line > lines + 1 || location.column < 1 {
            fuzzFailure("diagnostic outside the file (\(lines) lines): \(location) \(diagnostic.message)")
        }
    }
    // A file that starts like a page is a page; otherwise an odd first byte makes it herald.yml.
    if !text.hasPrefix("---") && input.bytes.first.map({ $0 & 1 == 1 }) == true {
        do {
            let (config, warnings) = try SiteConfigLoader.load(text, file: "herald.yml")
            warnings.forEach { checkPlace($0, "herald.yml") }
            if !(config.baseURL.hasPrefix("https://") || config.baseURL.hasPrefix("http://")) { fuzzFailure("base_url \(config.baseURL)") }
            for link in config.navigation + config.footer where !SiteConfigLoader.isMenuAddress(link.url) {
                fuzzFailure("menu link \(link.url)")
            }
        } catch {
            error.diagnostics.forEach { checkPlace($0, "herald.yml") }
        }
        return 0
    }
    let front: FrontMatter
    do {
        front = try FrontMatter.split(text, file: file)
    } catch {
        checkPlace(error, file)
        return 0
    }
    let (metadata, diagnostics) = FrontMatterParser.parse(front, file: file)
    diagnostics.forEach { checkPlace($0, file) }
    guard let metadata else { return 0 }
    if let slug = metadata.slug, !Slug.isSafe(slug) { fuzzFailure("unsafe slug accepted: \(slug)") }
    let url = PageLoader.url(for: "report/fuzz.md", slug: metadata.slug)
    if !url.hasPrefix("/") || !url.hasSuffix("/") || url.split(separator: "/").contains(where: { $0 == ".." || $0 == "." }) {
        fuzzFailure("page URL \(url)")
    }
    for alias in metadata.aliases {
        if let normal = ContentTree.normalizeAlias(alias.value), normal.split(separator: "/").contains(where: { $0 == ".." }) || !normal.hasPrefix("/") {
            fuzzFailure("alias \(alias.value) → \(normal)")
        }
    }
    return 0
}
