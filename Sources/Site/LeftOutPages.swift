import Content
import Core

/// The Markdown files in content/ that the published tree leaves out, and why. A link to one
/// is not a link to a missing page: "there is no page" would send the author looking for a
/// file that is there.
struct LeftOutPages: Sendable {
    enum Reason: Sendable, Equatable {
        /// Its front matter or text has an error, reported at the page itself: a link to it is
        /// not a second mistake, and fixing the page fixes the link.
        case failed
        /// `draft: true`.
        case draft
        /// A `publish_date` after today.
        case scheduled(Day)
    }

    /// One page left out: where it is, the URL it would have, and why it is not published.
    struct Page: Sendable, Equatable {
        var displayPath: String
        /// For a page that failed to load, the URL its path gives (its slug is unknown).
        var url: String
        var reason: Reason

        /// Why a published page cannot point at this one, and how to fix it; nil for a page
        /// that failed to load (its own error is the one to fix).
        /// - Parameter removing: what the author would take out instead, e.g. "the link".
        func problem(removing: String) -> (status: String, hint: String)? {
            switch reason {
            case .failed:
                return nil
            case .draft:
                return ("is a draft and will not be published",
                        "Publish the page (remove `draft: true` from its front matter), or remove \(removing).")
            case .scheduled(let day):
                return ("is not published until \(day.iso)",
                        "Remove \(removing) until \(day.iso), when the page is published, or bring its `publish_date` forward.")
            }
        }
    }

    private var bySource: [String: Page] = [:]
    private var byURL: [String: Page] = [:]

    init() {}

    /// - Parameter files: every Markdown file found, by source path, with its page when it loaded.
    init(_ files: some Sequence<(path: String, page: SourcePage?)>, publication: ContentTree.Publication) {
        for (path, page) in files {
            let left: Page
            if let page {
                guard !publication.isPublished(page.metadata) else { continue }
                let reason: Reason = page.metadata.draft ? .draft : .scheduled(page.metadata.publishDate ?? publication.today)
                left = Page(displayPath: page.displayPath, url: page.url, reason: reason)
            } else {
                left = Page(displayPath: Path.join("content", path), url: PageLoader.url(for: path, slug: nil), reason: .failed)
            }
            bySource[path] = left
            // A published page that claims the same URL wins: the menu link then works.
            if byURL[left.url] == nil { byURL[left.url] = left }
        }
    }

    func page(atSource path: String) -> Page? { bySource[path] }

    func page(atURL url: String) -> Page? { byURL[url] }
}
