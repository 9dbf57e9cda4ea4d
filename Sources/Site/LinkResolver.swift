import Content
import Core
import Foundation
import Markdown

/// Turns what authors write in links (`../report/hate-crime.md#online`, `annual-report.pdf`)
/// into site URLs, and says precisely what is wrong when a target does not exist.
struct LinkResolver: Sendable {
    let tree: ContentTree
    /// Source path → the heading ids on that page in their order, for checking `#anchors` (a
    /// page has a few: a set for each of 10,000 pages cost more than every lookup in them).
    let anchors: [String: [String]]
    /// Ids the theme puts on every page (`main-content`), valid anchors anywhere.
    let templateIDs: Set<String>
    /// Pages that exist but are not published, or failed to load: a link to one is not to a missing page.
    var leftOut = LeftOutPages()

    enum Outcome: Equatable {
        case keep
        case replace(url: String, annotation: String?)
        case reject(message: String, hint: String)
    }

    static let schemes = ["http:", "https:", "mailto:", "tel:", "sms:"]

    func resolve(_ destination: String, isImage: Bool, from page: SourcePage) -> Outcome {
        // The Markdown pipeline has already made a script address an error at this link, and
        // the renderer drops it: a second error here would count one mistake twice.
        if UnsafeURLs.isUnsafe(destination) { return .keep }
        // Foundation's trimming and percent decoding only when there is something to do: asked
        // for every link on every page, they were most of resolving one.
        let trimmed = Self.isTrimmed(destination) ? destination : destination.trimmingCharacters(in: .whitespaces)
        let lower = trimmed.lowercased()
        if Self.schemes.contains(where: lower.hasPrefix) { return .keep }
        if lower.hasPrefix("//") {
            return .reject(message: "'\(destination)' has no scheme", hint: "Write the full address, starting https://.")
        }
        // Searched by byte: finding a `Character` breaks graphemes all the way (0.6% of a build).
        if let colon = lower.utf8.firstIndex(of: UInt8(ascii: ":")),
           !lower.utf8[..<colon].contains(UInt8(ascii: "/")), !lower.utf8[..<colon].contains(UInt8(ascii: "#")) {
            return .reject(message: "links with '\(lower[..<colon])' addresses are not allowed", hint: "Use an https:// address or a relative path to a .md file.")
        }
        var path = trimmed
        var fragment: String?
        if let hash = path.utf8.firstIndex(of: UInt8(ascii: "#")) {
            fragment = String(path[path.utf8.index(after: hash)...])
            path = String(path[..<hash])
        }
        if let query = path.utf8.firstIndex(of: UInt8(ascii: "?")) { path = String(path[..<query]) }
        if path.utf8.contains(UInt8(ascii: "%")) { path = path.removingPercentEncoding ?? path }

        if path.isEmpty {
            guard let fragment else { return .keep }
            return checkAnchor(fragment, on: page, written: destination).map { .reject(message: $0.0, hint: $0.1) }
                ?? .replace(url: "#" + fragment, annotation: nil)
        }
        if path.hasPrefix("/") {
            return .reject(message: "'\(destination)' is an absolute path", hint: "Link to the Markdown file by its relative path, e.g. `../report/_index.md`.")
        }
        guard let target = Path.normalize(Path.join(page.folder, path)) else {
            return .reject(message: "'\(destination)' points outside the site's content folder",
                           hint: "Links may only reach files inside content/.")
        }
        if Path.fileExtension(target) == "md" {
            guard !isImage else { return .reject(message: "an image cannot show a page: '\(destination)'", hint: "Point the image at a picture file.") }
            guard let linked = tree.page(atSource: target) else {
                if let left = leftOut.page(atSource: target) { return linkToLeftOut(left, fragment: fragment) }
                return .reject(message: "there is no page content/\(target)",
                               hint: suggestion(for: target, among: tree.pages.map(\.sourcePath), from: page))
            }
            if let fragment {
                if let problem = checkAnchor(fragment, on: linked, written: destination) { return .reject(message: problem.0, hint: problem.1) }
                return .replace(url: Slug.encodePath(linked.url) + "#" + fragment, annotation: nil)
            }
            return .replace(url: Slug.encodePath(linked.url), annotation: nil)
        }
        if let asset = tree.asset(atSource: target) {
            if isImage && !DocumentType.imageExtensions.contains(Path.fileExtension(target)) {
                return .reject(message: "'\(destination)' is not a picture", hint: "Images must be PNG, JPEG, GIF, SVG, WebP or AVIF; link to documents instead.")
            }
            let annotation = asset.documentType.map { "\($0), \(DocumentType.formatSize(asset.size))" }
            return .replace(url: Slug.encodePath(asset.url), annotation: isImage ? nil : annotation)
        }
        if let section = tree.page(atSource: Path.join(target, "_index.md")) {
            return .replace(url: Slug.encodePath(section.url), annotation: nil)
        }
        if let left = leftOut.page(atSource: Path.join(target, "_index.md")) { return linkToLeftOut(left, fragment: fragment) }
        return .reject(message: "there is no file content/\(target)",
                       hint: suggestion(for: target, among: tree.assets.map(\.sourcePath) + tree.pages.map(\.sourcePath), from: page))
    }

    /// A page that exists but is not in the tree. One that failed to load has its own error,
    /// the one to fix: the link takes the URL the page would have and adds no second error
    /// (nothing is published while that error stands). One not published would be a broken
    /// link on the live site.
    private func linkToLeftOut(_ left: LeftOutPages.Page, fragment: String?) -> Outcome {
        guard let (status, hint) = left.problem(removing: "the link") else {
            return .replace(url: Slug.encodePath(left.url) + (fragment.map { "#" + $0 } ?? ""), annotation: nil)
        }
        return .reject(message: "\(left.displayPath) \(status): this link would be broken", hint: hint)
    }

    /// True when `text` starts and ends with a visible ASCII character, so trimming whitespace
    /// leaves it as it is (the last character ends with that byte, and no whitespace does).
    static func isTrimmed(_ text: String) -> Bool {
        guard let first = text.utf8.first, let last = text.utf8.last else { return true }
        return (0x21...0x7E).contains(first) && (0x21...0x7E).contains(last)
    }

    private func checkAnchor(_ fragment: String, on page: SourcePage, written: String) -> (String, String)? {
        let ids = anchors[page.sourcePath] ?? []
        if ids.contains(fragment) || templateIDs.contains(fragment) { return nil }
        let hint = Suggestion.closest(to: fragment, in: ids).map { "Did you mean #\($0)?" }
            ?? (ids.isEmpty ? "\(page.displayPath) has no headings to link to." : "Its headings are: \(ids.sorted().map { "#" + $0 }.joined(separator: ", ")).")
        return ("'\(written)': \(page.displayPath) has no heading with the id '\(fragment)'", hint)
    }

    /// The closest file is found by its path from content/, and offered as the linking page
    /// must write it: from its own folder (`../report/hate-crime.md` from a news story).
    private func suggestion(for target: String, among paths: [String], from page: SourcePage) -> String {
        if let close = Suggestion.closest(to: target, in: paths) {
            return "Did you mean \(Path.relative(close, from: page.folder))? Paths are relative to the page's own folder."
        }
        return "Check the spelling; paths are relative to the page's own folder."
    }
}
