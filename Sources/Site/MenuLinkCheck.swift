import Content
import Core
import Foundation

/// The site paths in herald.yml's navigation and footer must go to a page or file the build
/// makes: every page carries these links, so one that goes nowhere is broken everywhere.
enum MenuLinkCheck {
    /// - Parameter isMade: whether the build writes a page or file at a URL (its own pages,
    ///   Herald's list pages, redirects, documents, the theme's assets, the sitemap and feeds):
    ///   asked per link, so a build pays nothing per page of the site.
    /// - Parameter pages: the URLs of every page the build makes, asked for only when a link
    ///   is broken, to suggest the closest.
    /// - Parameter configText: herald.yml, for the line each error quotes.
    static func problems(in config: SiteConfig, isMade: (String) -> Bool, pages: () -> [String], leftOut: LeftOutPages,
                         configText: String) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for (menu, links) in [("navigation", config.navigation), ("footer", config.footer)] {
            for link in links {
                guard let path = sitePath(link.url) else { continue }
                // `/contact` and `/contact/index.html` reach `/contact/`: static hosts answer
                // the one with the other.
                let folder = path.hasSuffix("/index.html") ? String(path.dropLast("index.html".count)) : nil
                let candidates = folder.map { [$0] } ?? (path.hasSuffix("/") ? [path] : [path, path + "/"])
                if candidates.contains(where: isMade) { continue }
                let written = "'\(link.url)' in the \(menu)"
                if let left = candidates.lazy.compactMap(leftOut.page(atURL:)).first {
                    // A page that failed to load has its own error: this link works once it is fixed.
                    guard let (status, hint) = left.problem(removing: "the link from herald.yml") else { continue }
                    problems.append(.error("\(written) goes to \(left.displayPath), which \(status)", at: link.location, hint: hint))
                    continue
                }
                let source = "content/" + (path == "/" ? "_index.md"
                    : Path.fileExtension(path).isEmpty ? path.trimmingCharacters(in: ["/"]) + ".md" : String(path.dropFirst()))
                let hint = Suggestion.closest(to: path, in: pages()).map { "Did you mean \($0)? If not, add the page (\(source)), or remove the link." }
                    ?? "Add the page (\(source)), or point the link at a page the site has, or remove it."
                problems.append(.error("\(written) goes to no page on this site: every page would carry a broken link",
                                       at: link.location, hint: hint))
            }
        }
        return problems.map { $0.withSourceLine(from: configText) }
    }

    /// The path a menu address names on this site, without its `#fragment` or `?query` and
    /// percent-decoded as the tree's URLs are; nil for a web, mail or phone address.
    static func sitePath(_ url: String) -> String? {
        guard url.hasPrefix("/") else { return nil }
        var path = Substring(url)
        if let cut = path.firstIndex(where: { $0 == "#" || $0 == "?" }) { path = path[..<cut] }
        return String(path).removingPercentEncoding ?? String(path)
    }
}
