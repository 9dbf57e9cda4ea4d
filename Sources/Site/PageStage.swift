import Accessibility
import Content
import Core
import Foundation
import Markdown
import Templates

/// The per-page work of a build, shared by every page so that templates are compiled once,
/// stylesheets resolved once, and each page is only parsed, checked and rendered.
struct PageStage: Sendable {
    let config: SiteConfig
    let tree: ContentTree
    let lists: ListPages.Lists
    let templates: TemplateSet
    let theme: ThemeAssets
    let options: BuildOptions
    let today: Day
    let buildYear: Int
    let site: SiteView
    let linter: Linter
    let locator: TemplateLocator
    /// Template chrome identical on many pages is checked once and its findings replayed.
    let chrome = ChromeCache()
    let markdown: MarkdownPipeline

    /// Ids the default theme writes (docs/templates.md lists them), which content headings must not take.
    static let templateIDs: Set<String> = [
        "main-content", "header-search-input", "contents-list__title", "related-links__title", "year-nav__label",
        "search-form", "search-input", "search-no-script", "search-results", "search-status",
    ]

    init(config: SiteConfig, tree: ContentTree, lists: ListPages.Lists, templates: TemplateSet, theme: ThemeAssets,
         options: BuildOptions, today: Day, buildYear: Int) {
        self.config = config
        self.tree = tree
        self.lists = lists
        self.templates = templates
        self.theme = theme
        self.options = options
        self.today = today
        self.buildYear = buildYear
        site = SiteView(config: config, assets: theme.urls, buildYear: buildYear, preview: options.preview)
        let stylesheets = theme.files.filter { $0.path.hasSuffix(".css") }
            .map { (path: Path.join(templates.displayRoot, "assets", $0.source), text: String(decoding: $0.data, as: UTF8.self)) }
        var lint = LintConfiguration(readingAgeTarget: config.lint.readingAge, maximumSentenceWords: config.lint.maxSentenceWords)
        if !config.lint.wordsToAvoid.isEmpty { lint.wordsToAvoid = config.lint.wordsToAvoid }
        linter = Linter(configuration: lint, stylesheets: stylesheets)
        locator = TemplateLocator(templates: templates.sources.mapKeys { Path.join(templates.displayRoot, $0 + ".mustache") })
        markdown = MarkdownPipeline(allowedRawHTML: config.rawHTML, reservedIDs: Self.templateIDs)
    }

    /// A page's Markdown, parsed and transformed, before its links are resolved.
    struct Parsed: Sendable {
        var source: SourcePage
        var document: Node
        var headingIDs: [String]
        var toc: [TOCEntry]
        var diagnostics: [Diagnostic]
        /// The accessibility statement waits for every other page's findings.
        var needsSiteReport: Bool
    }

    func parse(_ page: SourcePage, body: String? = nil) -> Parsed {
        let text = body ?? page.frontMatter.body
        let result = markdown.run(text, firstLine: page.frontMatter.bodyFirstLine, file: page.displayPath)
        // The page's own sections: a heading inside a callout (a step, a details block that may
        // be closed) is not a section, and a contents link to a hidden heading would go nowhere.
        let toc = result.headings.filter { $0.level == 2 && $0.callout == nil }.map { TOCEntry(id: $0.id, title: $0.text) }
        return Parsed(source: page, document: result.document, headingIDs: result.headings.map(\.id), toc: toc,
                      diagnostics: result.diagnostics.map { $0.withSourceLine(from: page.text) },
                      needsSiteReport: body == nil && AccessibilitySummary.usesPlaceholders(text))
    }

    /// Give it the only copy of `parsed`: its Markdown tree is then rewritten in place.
    func finish(_ parsed: consuming Parsed, resolver: LinkResolver, siteReport: AccessibilitySummary?) -> PageResult {
        if let siteReport {
            parsed = parse(parsed.source, body: siteReport.fill(parsed.source.frontMatter.body))
        }
        let page = parsed.source
        var diagnostics = parsed.diagnostics
        // Taken out of `parsed`, the tree has one owner, and the link rewriter changes it in place.
        var document = Node(.document)
        swap(&document, &parsed.document)
        let (linked, linkDiagnostics) = LinkRewriter.rewrite(consume document, file: page.displayPath) { destination, isImage in
            switch resolver.resolve(destination, isImage: isImage, from: page) {
            case .keep: return .keep
            case .replace(let url, let annotation): return .replace(url, annotation: annotation)
            case .reject(let message, let hint): return .reject(message: message, hint: hint)
            }
        }
        document = linked
        diagnostics += (linkDiagnostics + referenceProblems(page, leftOut: resolver.leftOut)).map { $0.withSourceLine(from: page.text) }
        let silences = page.metadata.lintIgnore.keys.sorted().map {
            Silence(rule: $0, reason: page.metadata.lintIgnore[$0]!, at: page.metadata.lintIgnoreLocations[$0] ?? page.metadata.location)
        }
        var findings = linter.lintContent(document, file: page.displayPath, silences: silences)

        let contentHTML = HTMLRenderer(sourcePositions: true, allowedRawHTML: config.rawHTML).render(document)
        let view = pageView(page, contentHTML: contentHTML, toc: parsed.toc)
        let template = templateName(for: page)
        var context = site.context(currentURL: page.url)
        context["page"] = view.context
        if let list = listContext(for: page) { context["list"] = list }
        if page.url == "/" { context["home"] = homeContext() }
        let html = templates.renderPage(template, context: context)
        var lint = linter.lintPage(html: html, file: page.outputPath, contentFile: page.displayPath, templates: locator,
                                   contentLinted: true, silences: silences, cache: chrome)
        findings += lint.findings
        lint.titleLocation = SourceLocation(file: page.displayPath, line: page.metadata.location.line)
        // Most pages have no findings: the texts to quote from are gathered only for those that do.
        let (kept, silenced) = split(findings.isEmpty ? [] : findings.withSourceLines(sourceTexts(for: page)))
        return PageResult(url: page.url, outputPath: page.outputPath, title: page.metadata.title,
                          html: HTMLRenderer.removingSourcePositions(html), diagnostics: diagnostics + kept, silenced: silenced,
                          isPage: true, lastModified: page.metadata.updated ?? page.metadata.date, lint: lint,
                          sourcePath: page.sourcePath, anchors: parsed.headingIDs, usesSiteReport: siteReport != nil)
    }

    /// What it shows of the content must be what `SiteBuilder.reusableGenerated` checks.
    func finishGenerated(_ generated: GeneratedPage) -> PageResult {
        var view = PageView(title: generated.title, url: generated.url, permalink: config.baseURL + generated.url,
                            kind: .page, contentHTML: "")
        var context = site.context(currentURL: generated.url)
        switch generated.kind {
        case .decisions(let year):
            context["list"] = ListPages.decisionsList(lists, year: year)
            view.breadcrumbs = [LinkView(title: "Home", url: "/")]
            if year != nil { view.breadcrumbs.append(LinkView(title: tree.page(atURL: ListPages.decisionsURL)?.metadata.title ?? "Decisions", url: ListPages.decisionsURL)) }
        case .news(let number):
            context["list"] = ListPages.newsList(lists, page: number, perPage: config.newsPerPage)
            view.breadcrumbs = [LinkView(title: "Home", url: "/")]
        case .aToZ:
            context["list"] = ListPages.aToZ(in: tree)
            view.breadcrumbs = [LinkView(title: "Home", url: "/")]
        case .search:
            view.breadcrumbs = [LinkView(title: "Home", url: "/")]
        case .notFound:
            break
        case .redirect(let target, let title):
            context["redirect"] = ["url": Slug.encodePath(target), "permalink": config.baseURL + Slug.encodePath(target), "title": title]
        }
        context["page"] = view.context
        let html: String
        if case .redirect = generated.kind {
            html = templates.render("redirect", context: context) ?? ""
        } else {
            html = templates.renderPage(generated.template, context: context)
        }
        var lint = PageLintResult(file: generated.outputPath, findings: [], title: generated.title, titleLocation: nil)
        if case .redirect = generated.kind {} else {
            lint = linter.lintPage(html: html, file: generated.outputPath, templates: locator, cache: chrome)
        }
        let (findings, _) = split(lint.findings.isEmpty ? [] : lint.findings.withSourceLines(templateTexts))
        return PageResult(url: generated.url, outputPath: generated.outputPath, title: generated.title, html: html,
                          diagnostics: findings, silenced: [], isPage: generated.isPage, lastModified: nil, lint: lint)
    }

    /// Checks that need every page at once: titles must tell pages apart (2.4.2).
    func crossPageFindings(_ results: [PageResult]) -> [Diagnostic] {
        let findings = linter.lintSite(results.compactMap { $0.isPage ? $0.lint : nil })
        return split(findings.withSourceLines(templateTexts)).0
    }

    /// The template sources by the paths findings name, for quoting template lines.
    private var templateTexts: [String: String] {
        templates.sources.mapKeys { Path.join(templates.displayRoot, $0 + ".mustache") }
    }

    private func sourceTexts(for page: SourcePage) -> [String: String] {
        var texts = templateTexts
        texts[page.displayPath] = page.text
        return texts
    }

    /// The files `siteFiles` makes, by path.
    static let siteFileNames = ["sitemap.xml", "robots.txt", "news/feed.xml", "decisions/feed.xml", "decisions.csv", "decisions.json"]

    /// sitemap.xml, robots.txt, the feeds and the decisions open data (`siteFileNames`).
    func siteFiles(results: [PageResult]) -> [(String, String)] {
        var files: [(String, String)] = []
        let entries = results.filter { $0.isPage }.map { Sitemap.Entry(url: $0.url, lastModified: $0.lastModified) }
        files.append(("sitemap.xml", Sitemap.xml(entries, baseURL: config.baseURL)))
        files.append(("robots.txt", Sitemap.robots(baseURL: config.baseURL)))
        let news = lists.news
        files.append(("news/feed.xml", AtomFeed(
            title: "News from the \(config.organisation.name)", path: "/news/feed.xml", pageURL: ListPages.newsURL,
            baseURL: config.baseURL, author: config.organisation.name,
            entries: news.compactMap { page in
                page.metadata.date.map { AtomFeed.Entry(title: page.metadata.title, url: page.url, date: $0, updated: page.metadata.updated, summary: page.metadata.summary) }
            }).xml()))
        let decisions = lists.decisions
        let rows = decisions.compactMap { page -> DecisionsData.Row? in
            guard let fields = page.metadata.decision, let date = page.metadata.date else { return nil }
            return DecisionsData.Row(decision: fields, title: page.metadata.title, date: date, url: page.url)
        }
        files.append(("decisions/feed.xml", AtomFeed(
            title: "Decisions of the \(config.organisation.name)", path: "/decisions/feed.xml", pageURL: ListPages.decisionsURL,
            baseURL: config.baseURL, author: config.organisation.name,
            entries: rows.map { AtomFeed.Entry(title: "\($0.decision.number): \($0.title)", url: $0.url, date: $0.date, updated: nil, summary: $0.decision.summary) }).xml()))
        files.append(("decisions.csv", DecisionsData.csv(rows, baseURL: config.baseURL)))
        files.append(("decisions.json", DecisionsData.json(rows, baseURL: config.baseURL)))
        return files
    }

    // MARK: - Views

    private func templateName(for page: SourcePage) -> String {
        if page.url == "/" && templates.has("home") { return "home" }
        if page.url == ListPages.decisionsURL && templates.has("decisions") { return "decisions" }
        if page.url == ListPages.newsURL && templates.has("news-list") { return "news-list" }
        if page.isSection && page.metadata.kind == .page && templates.has("section") { return "section" }
        return page.metadata.kind.rawValue
    }

    private func listContext(for page: SourcePage) -> [String: Any]? {
        switch page.url {
        case ListPages.decisionsURL: ListPages.decisionsList(lists, year: nil)
        case ListPages.newsURL: ListPages.newsList(lists, page: 1, perPage: config.newsPerPage)
        default: nil
        }
    }

    private func homeContext() -> [String: Any] {
        [
            "latest_news": lists.news.prefix(3).map(ListPages.newsItem),
            "latest_decisions": lists.decisions.prefix(3).map(ListPages.decisionItem),
            "report_links": tree.children(of: "/report/").map { ["title": $0.metadata.title, "url": Slug.encodePath($0.url), "description": $0.metadata.description ?? ""] },
        ]
    }

    /// The pages whose front matter a page shows (by source path): its breadcrumb trail (the
    /// parent included), its children when it is a section, and its related pages. Incremental
    /// builds rely on it: what `pageView` reads of another page must be listed here.
    static func shownPages(of page: SourcePage, in tree: ContentTree) -> Set<String> {
        var shown = Set(tree.breadcrumbs(for: page).map(\.sourcePath))
        if page.isSection { shown.formUnion(tree.children(of: page.url).map(\.sourcePath)) }
        for related in page.metadata.related {
            if let target = Path.normalize(Path.join(page.folder, related.value)) { shown.insert(target) }
        }
        return shown
    }

    /// The pages that show the news and decisions lists (`listContext`, `homeContext`): they
    /// show every page's front matter, near enough.
    static func showsLists(_ page: SourcePage) -> Bool {
        page.url == "/" || page.url == ListPages.decisionsURL || page.url == ListPages.newsURL
    }

    /// What the templates see of a page. Everything it reads of other pages is in `shownPages`.
    private func pageView(_ page: SourcePage, contentHTML: String, toc: [TOCEntry]) -> PageView {
        let meta = page.metadata
        var view = PageView(title: meta.title, url: Slug.encodePath(page.url), permalink: config.baseURL + Slug.encodePath(page.url),
                            kind: meta.kind, contentHTML: contentHTML)
        view.description = meta.description
        view.lang = meta.lang.flatMap { $0.lowercased() == config.language.lowercased() ? nil : $0 }
        view.isHome = page.url == "/"
        view.isSection = page.isSection
        view.date = meta.date
        view.updated = meta.updated
        view.publishDate = meta.publishDate
        view.toc = toc
        view.showTOC = meta.contents ?? (toc.count >= 3)
        view.breadcrumbs = tree.breadcrumbs(for: page).map { LinkView(title: $0.url == "/" ? "Home" : $0.metadata.title, url: Slug.encodePath($0.url)) }
        view.related = meta.related.compactMap { related in
            guard let target = Path.normalize(Path.join(page.folder, related.value)), let linked = tree.page(atSource: target) else { return nil }
            return LinkView(title: linked.metadata.title, url: Slug.encodePath(linked.url), description: linked.metadata.description)
        }
        if let parent = page.parentURL, let section = tree.page(atURL: parent) {
            view.section = LinkView(title: section.metadata.title, url: Slug.encodePath(section.url))
        }
        if page.isSection {
            view.pages = tree.children(of: page.url).map {
                LinkView(title: $0.metadata.title, url: Slug.encodePath($0.url), description: $0.metadata.description, date: $0.metadata.date)
            }
        }
        view.exitThisPage = meta.exitThisPage
        view.draft = meta.draft
        view.future = meta.publishDate.map { $0 > today } ?? false
        view.resources = meta.resources.map { document(for: $0, on: page) }
        view.period = meta.period
        view.themes = meta.themes
        view.decision = meta.decision
        view.backgroundPapers = meta.decision?.backgroundPapers.map { document(for: $0, on: page) } ?? []
        view.summary = meta.summary
        return view
    }

    private func document(for attachment: Attachment, on page: SourcePage) -> DocumentView {
        if let file = attachment.file, let path = Path.normalize(Path.join(page.folder, file)), let asset = tree.asset(atSource: path) {
            return DocumentView(title: attachment.title, url: Slug.encodePath(asset.url), type: asset.documentType,
                                size: DocumentType.formatSize(asset.size))
        }
        return DocumentView(title: attachment.title, url: attachment.url ?? "", type: nil, size: nil)
    }

    /// Front-matter references that must exist: related pages and attached documents. A related
    /// page that failed to load is not missing (its own error is the one to fix); one that is
    /// not published would be a broken link.
    private func referenceProblems(_ page: SourcePage, leftOut: LeftOutPages) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for related in page.metadata.related {
            let target = Path.normalize(Path.join(page.folder, related.value))
            guard target.flatMap({ tree.page(atSource: $0) }) == nil else { continue }
            if let left = target.flatMap(leftOut.page(atSource:)) {
                if let (status, hint) = left.problem(removing: "it from `related`") {
                    problems.append(.error("related page '\(related.value)' \(status)", at: related.location, hint: hint))
                }
                continue
            }
            problems.append(.error("related page '\(related.value)' does not exist", at: related.location,
                                   hint: "Give the path of a .md file relative to this page's folder."))
        }
        let attachments = page.metadata.resources + (page.metadata.decision?.backgroundPapers ?? [])
        for attachment in attachments {
            if let file = attachment.file {
                let target = Path.normalize(Path.join(page.folder, file))
                if target.flatMap({ tree.asset(atSource: $0) }) == nil {
                    problems.append(.error("document '\(file)' is not beside the page", at: attachment.location,
                                           hint: "Put the file in \(Path.join("content", page.folder)) or fix its name."))
                }
            } else if let url = attachment.url, !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
                problems.append(.error("'\(url)' is not a web address", at: attachment.location,
                                       hint: "Use `file:` for a document beside the page, or a full https:// address."))
            }
        }
        return problems
    }

    /// Separates what counts from what the page silenced (with a reason).
    private func split(_ findings: [Finding]) -> ([Diagnostic], [SilencedFinding]) {
        var kept: [Diagnostic] = []
        var silenced: [SilencedFinding] = []
        for finding in findings {
            if let reason = finding.silencedBecause {
                silenced.append(SilencedFinding(diagnostic: finding.diagnostic, reason: reason))
            } else {
                kept.append(finding.diagnostic)
            }
        }
        return (kept, silenced)
    }
}

extension Dictionary {
    func mapKeys<NewKey: Hashable>(_ transform: (Key) -> NewKey) -> [NewKey: Value] {
        Dictionary<NewKey, Value>(uniqueKeysWithValues: map { (transform($0.key), $0.value) })
    }
}
