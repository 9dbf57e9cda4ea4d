import Core

/// The site's pages and assets after publication rules are applied, with the lookups the
/// rest of the build needs: by URL, by source path, a section's pages, breadcrumbs.
public struct ContentTree: Sendable {
    /// Published pages, sorted by URL so every walk of them is deterministic.
    public private(set) var pages: [SourcePage]
    public private(set) var assets: [ContentAsset]
    private var indexByURL: [String: Int] = [:]
    private var indexBySource: [String: Int] = [:]
    private var assetBySource: [String: Int] = [:]
    private var childrenBySection: [String: [Int]] = [:]

    /// Which pages are left out, and why.
    public struct Publication: Sendable {
        public var includeDrafts: Bool
        public var today: Day

        public init(includeDrafts: Bool, today: Day) {
            self.includeDrafts = includeDrafts
            self.today = today
        }

        public func isPublished(_ page: PageMetadata) -> Bool {
            if includeDrafts { return true }
            if page.draft { return false }
            if let date = page.publishDate, date > today { return false }
            return true
        }

        /// A page shown only because drafts are included (the preview's banner).
        public func isFuture(_ page: PageMetadata) -> Bool {
            page.publishDate.map { $0 > today } ?? false
        }
    }

    /// Builds the tree and reports two things claiming one URL (pages, assets, aliases, or
    /// the pages Herald generates itself, passed as `reserved`: URL → what makes it).
    public static func assemble(pages all: [SourcePage], assets: [ContentAsset], publication: Publication,
                                reserved: [String: String] = [:]) -> (ContentTree, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let pages = all.filter { publication.isPublished($0.metadata) }.sorted { $0.url < $1.url }
        // What claimed each URL first; for a page, its place in `pages`.
        var claims: [String: (who: String, page: Int?)] = reserved.mapValues { ($0, nil) }
        claims.reserveCapacity(reserved.count + pages.count + assets.count)
        /// Where a page's `slug` is written, with that line quoted, when a slug made its URL.
        func slugProblem(_ page: Int?, _ message: String, hint: String) -> Diagnostic? {
            guard let page, pages[page].metadata.slug != nil, let at = pages[page].metadata.slugLocation else { return nil }
            return Diagnostic.error(message, at: at, hint: hint, sourceLine: pages[page].sourceLine(at.line))
        }
        func claim(_ url: String, by who: String, at location: SourceLocation, page: Int? = nil) {
            let key = url.lowercased()
            guard let other = claims[key] else {
                claims[key] = (who, page)
                return
            }
            // Two pages' clash is shown at the slug that made it, when one did: the line to change.
            // An asset's or an alias's is shown where it is.
            // A URL Herald makes itself cannot be renamed: only the slug can change.
            let problem = slugProblem(page, "\(who) and \(other.who) both claim the URL \(url)",
                                      hint: other.page == nil ? "Change this `slug`: \(other.who) is at that URL."
                                                              : "Change this `slug`, or rename \(other.who).")
                ?? (page == nil ? nil : slugProblem(other.page, "\(other.who) and \(who) both claim the URL \(url)",
                                                    hint: "Change this `slug`, or rename \(who)."))
                ?? .error("\(who) and \(other.who) both claim the URL \(url)", at: location,
                          hint: "Rename one of the files, or give one a different `slug`.")
            diagnostics.append(problem)
        }
        for (index, page) in pages.enumerated() {
            claim(page.url, by: page.displayPath, at: SourceLocation(file: page.displayPath, line: 1), page: index)
        }
        for asset in assets {
            claim(asset.url, by: asset.displayPath, at: SourceLocation(file: asset.displayPath, line: 1))
        }
        for page in pages {
            for alias in page.metadata.aliases {
                guard let url = normalizeAlias(alias.value) else {
                    diagnostics.append(.error("alias '\(alias.value)' is not a path on this site", at: alias.location,
                                              hint: "Write the old address as a path from the site root, e.g. `/old-page/`, with no `..`."))
                    continue
                }
                claim(url, by: "an alias in \(page.displayPath)", at: alias.location)
            }
        }
        var tree = ContentTree(pages: pages, assets: assets.sorted { $0.url < $1.url })
        tree.index()
        for page in pages where page.url != "/" {
            guard let parent = page.parentURL, tree.indexByURL[parent] == nil else { continue }
            diagnostics.append(.warning("\(page.displayPath) has no section page at \(parent)",
                                        at: SourceLocation(file: page.displayPath, line: 1),
                                        hint: "Add an `_index.md` to its folder so readers can find it from a section list."))
        }
        return (tree, diagnostics)
    }

    /// A site path for an alias: leading `/`, trailing `/` for folder-style paths, no escaping upward.
    public static func normalizeAlias(_ alias: String) -> String? {
        guard !alias.contains("://"), !alias.contains("\\"), alias.hasPrefix("/") else { return nil }
        guard let normal = Path.normalize(alias), normal != "/" else { return nil }
        let last = Path.basename(normal)
        return last.contains(".") ? normal : normal + "/"
    }

    private init(pages: [SourcePage], assets: [ContentAsset]) {
        self.pages = pages
        self.assets = assets
    }

    private mutating func index() {
        indexByURL.reserveCapacity(pages.count)
        indexBySource.reserveCapacity(pages.count)
        for (index, page) in pages.enumerated() {
            indexByURL[page.url] = index
            indexBySource[page.sourcePath] = index
            if let parent = page.parentURL { childrenBySection[parent, default: []].append(index) }
        }
        for (index, asset) in assets.enumerated() { assetBySource[asset.sourcePath] = index }
        // Each page's sort key made once: lowercasing both titles in every comparison was most
        // of ordering a section of hundreds of pages.
        let keys = pages.map { (weight: $0.metadata.weight ?? Int.max, title: $0.metadata.title.lowercased(), url: $0.url) }
        for (section, children) in childrenBySection {
            childrenBySection[section] = children.sorted { a, b in
                (keys[a].weight, keys[a].title, keys[a].url) < (keys[b].weight, keys[b].title, keys[b].url)
            }
        }
    }

    public func page(atURL url: String) -> SourcePage? { indexByURL[url].map { pages[$0] } }

    public func page(atSource path: String) -> SourcePage? { indexBySource[path].map { pages[$0] } }

    public func asset(atSource path: String) -> ContentAsset? { assetBySource[path].map { assets[$0] } }

    /// Whether an asset is published at `url`: a search of the assets, which are sorted by URL,
    /// for the few lookups (menu links) that need it, rather than an index every build pays for.
    public func hasAsset(atURL url: String) -> Bool {
        var low = 0, high = assets.count
        while low < high {
            let middle = (low + high) / 2
            if assets[middle].url < url { low = middle + 1 } else { high = middle }
        }
        return low < assets.count && assets[low].url == url
    }

    /// The pages directly inside a section, ordered by weight, then title.
    public func children(of sectionURL: String) -> [SourcePage] {
        (childrenBySection[sectionURL] ?? []).map { pages[$0] }
    }

    /// From the home page down to the page's parent.
    public func breadcrumbs(for page: SourcePage) -> [SourcePage] {
        var trail: [SourcePage] = []
        var parent = page.parentURL
        while let url = parent {
            if let found = self.page(atURL: url) { trail.append(found) }
            parent = url == "/" ? nil : SourcePage.parent(of: url)
        }
        return trail.reversed()
    }
}

extension SourcePage {
    static func parent(of url: String) -> String {
        var parts = url.split(separator: "/")
        parts.removeLast()
        return parts.isEmpty ? "/" : "/" + parts.joined(separator: "/") + "/"
    }
}
