import Content
import Core
import Foundation

extension SiteBuilder {
    /// The preview's quickest rebuild, for the commonest change: the text below the front matter
    /// of pages that already exist. Another page shows only a page's front matter (titles,
    /// lists, breadcrumbs) and its heading ids (link anchors), so while both are as they were,
    /// only the edited pages change, and the accessibility statement if their findings did.
    ///
    /// Returns nil, and the caller renders as usual, whenever that cannot be vouched for: a file
    /// added or removed, a template or the config changed, front matter or headings edited, a
    /// page that no longer reads, or the statement itself edited. The files are those a fresh
    /// render would make (the incremental tests compare them). The memory is nil when the
    /// render failed.
    func renderTextEdits(_ changed: Set<String>, previous: RenderMemory, global: String,
                         today: Day) async -> (BuildReport, RenderMemory?)? {
        guard let working = previous.working, previous.global == global, !changed.isEmpty else { return nil }
        let started = Date()
        let stage = working.stage
        var memory = previous

        // 1. Read the edited files, and make sure only their text below the front matter moved.
        var edited: [SourcePage] = []
        for path in changed.sorted() {
            guard let found = working.discovery.markdown.first(where: { $0.fullPath == path }),
                  let old = previous.loaded[path], let oldPage = old.file.page,
                  let stamp = BuildCache.Stamp(of: path, on: fileSystem) else { return nil }
            let file = LoadedFile.load(found, from: fileSystem)
            guard let page = file.page, file.diagnostics == old.file.diagnostics,
                  page.frontMatter.yaml == oldPage.frontMatter.yaml else { return nil }
            memory.loaded[path] = RenderMemory.LoadedSource(stamp: stamp, file: file)
            // An unpublished page is shown nowhere: reading it again was all there was to do.
            if stage.tree.page(atSource: page.sourcePath) != nil { edited.append(page) }
        }

        // 2. Make each edited page again, with the last render's tree, templates and links.
        let remade = await concurrentMap(edited) { page -> (PageResult, String, String)? in
            guard let record = previous.records[page.sourcePath], !record.usesSiteReport else { return nil }
            let parsed = stage.parse(page)
            guard !parsed.needsSiteReport, Set(parsed.headingIDs) == Set(record.anchors) else { return nil }
            let result = stage.finish(parsed, resolver: working.resolver, siteReport: nil)
            guard result.outputPath == record.output, result.lint.title == record.title,
                  result.lint.titleLocation == record.titleLocation else { return nil }
            return (result, PageFingerprint.text(page), record.frontMatter)
        }
        var findingsMoved = false
        for item in remade {
            guard let (result, text, frontMatter) = item, let source = result.sourcePath else { return nil }
            let old = memory.records[source]
            findingsMoved = findingsMoved || old?.diagnostics != result.diagnostics || old?.silenced != result.silenced
            memory.keep(result, key: source, text: text, frontMatter: frontMatter)
        }

        // 3. The statement lists every page's findings: made again when they moved.
        var report = working.report
        report.onlyEditedPages = true
        var remadeCount = remade.count
        if findingsMoved {
            let others = memory.records.values.filter { !$0.usesSiteReport }
            var summary = AccessibilitySummary(findings: others.flatMap(\.diagnostics) + working.crossPage + working.siteDiagnostics,
                                               today: today, pageCount: working.report.pageCount)
            summary.silenced = others.flatMap(\.silenced)
            for path in working.reportingPages {
                guard let page = stage.tree.page(atSource: path), let record = memory.records[path] else { return nil }
                memory.keep(stage.finish(stage.parse(page), resolver: working.resolver, siteReport: summary), key: path,
                            text: record.text, frontMatter: record.frontMatter)
                remadeCount += 1
            }
            report.diagnostics = (working.siteDiagnostics + memory.records.values.flatMap(\.diagnostics) + working.crossPage)
                .sorted(by: Diagnostic.inReadingOrder)
            report.silenced = memory.records.values.flatMap(\.silenced).sorted(by: SilencedFinding.inReadingOrder)
        }
        report.seconds = Date().timeIntervalSince(started)
        // As after any failed render, the last good one stays what the next is compared with.
        guard report.succeeded else {
            report.fileCount = 0
            return (report, nil)
        }
        if !options.preview {
            let manifest = Manifest.data(memory.entries)
            memory.files[Manifest.fileName] = manifest
            memory.entries[Manifest.fileName] = Manifest.Entry(sha256: SHA256.hex(manifest), size: manifest.count)
        }

        report.reusedPageCount = stage.tree.pages.count - remadeCount
        report.reusedGeneratedCount = memory.records.keys.count - stage.tree.pages.count
        memory.working?.report = report
        return (report, memory)
    }
}

extension RenderMemory {
    /// Puts a page made again in place of the last render's: its file, manifest entry and record.
    fileprivate mutating func keep(_ result: PageResult, key: String, text: String, frontMatter: String) {
        let data = Data(result.html.utf8)
        files[result.outputPath] = data
        entries[result.outputPath] = Manifest.Entry(sha256: SHA256.hex(data), size: data.count)
        records[key] = BuildCache.PageRecord(result, text: text, frontMatter: frontMatter)
    }
}
