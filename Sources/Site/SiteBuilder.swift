import Content
import Core
import Foundation
import Templates

/// The build pipeline, in one readable place: load → parse → transform → lint → render → write.
/// Nothing reaches the output folder unless the whole site built and passed the linter.
public struct SiteBuilder: Sendable {
    public let fileSystem: FileSystem
    public let options: BuildOptions
    /// Runs over the staged site before it is published (the search indexer); a thrown
    /// diagnostic stops the publish.
    public var searchIndexer: (@Sendable (_ stagingPath: String) throws -> Void)?
    /// Take unchanged pages from the last build (`herald build --clean` turns this off).
    public var useCache = true

    public init(fileSystem: FileSystem, options: BuildOptions) {
        self.fileSystem = fileSystem
        self.options = options
    }

    /// Builds into a staging folder and swaps it into the output only when everything succeeded.
    /// Unless `useCache` is off, pages whose inputs have not changed since the last build are
    /// taken from it, and a build with no change at all does nothing.
    public func build() async -> BuildReport {
        let started = Date()
        let today = Day(options.clock.now)
        let global = BuildCache.global(options, today: today)
        // The cache is decoded on another core while the content is walked: a tenth of a second
        // at 10,000 pages, needed unless nothing changed at all (then it is left unfinished).
        let fileSystem = self.fileSystem, options = self.options
        let pendingCache = useCache ? Task.detached { BuildCache.read(fileSystem, options: options) } : nil
        // The content is walked once: for the stamps, then for the render.
        let discovery = ContentDiscovery.scan(fileSystem, contentPath: options.contentPath)
        let stamps = BuildCache.stamps(fileSystem, options: options, discovery: discovery)
        let publishedManifest = useCache ? BuildCache.publishedManifest(fileSystem, options: options) : nil
        let manifestHash = publishedManifest.map(BuildCache.manifestHash)
        if useCache, let head = BuildCache.loadHead(fileSystem, options: options), manifestHash == head.manifest,
           head.global == global, head.stamps == BuildCache.digest(stamps) {
            // Nothing to build, but a killed build's staging folder is still cleared.
            pendingCache?.cancel()
            try? StagingArea(fileSystem: fileSystem, outputPath: options.outputDirectory,
                             token: "\(ProcessInfo.processInfo.processIdentifier)").removeLeftovers()
            var report = BuildReport()
            report.strict = options.strict
            report.pageCount = head.report.pageCount
            report.fileCount = head.report.fileCount
            report.diagnostics = head.report.diagnostics
            report.silenced = head.report.silenced
            report.unchanged = true
            report.seconds = Date().timeIntervalSince(started)
            return report
        }
        let staging = StagingArea(fileSystem: fileSystem, outputPath: options.outputDirectory,
                                  token: "\(ProcessInfo.processInfo.processIdentifier)")
        // The manifests of the published site and of the spare are read while the other core
        // still decodes the cache (which took 12 ms longer than the walk at 10,000 pages).
        let published = publishedManifest.flatMap(Manifest.entries(in:))
        let spare = useCache ? staging.spareEntries() : nil
        // `--clean` trusts nothing in the spare but still writes into its folders: they are read
        // from disk (half a second at 10,000 pages) on another core while the content loads,
        // and the staging folder is made only when the first page is about to be written.
        let spareWalk = useCache ? nil : Task.detached { staging.spareFiles() }
        let loaded = await pendingCache?.value
        let cache = loaded?.cache
        let outputIntact = cache.map { manifestHash == $0.manifest } ?? false
        var reuse: Reuse?
        if let cache, let published, outputIntact, cache.global == global,
           BuildCache.sameStamps(cache.stamps, stamps, outside: options.contentPath) {
            reuse = Reuse(pages: cache.pages, structure: cache.structure, previous: .folder(options.outputDirectory),
                          entries: published)
        }
        // The spare (the site the last build replaced) saves writing what it already holds.
        let staged = StagedEntries()
        let prepareStaging = { @Sendable () async -> Diagnostic? in
            do {
                let found = try staging.prepare(spare: useCache ? spare : await spareWalk?.value ?? nil)
                staged.entries.withLock { $0 = found }
                return nil
            } catch {
                return .error("cannot prepare the output folder: \(error)", hint: "Check that the folder is writable.")
            }
        }
        if useCache, let problem = await prepareStaging() {
            var report = BuildReport()
            report.diagnostics = [problem]
            report.isConfigurationFailure = true
            return report
        }
        // A clean build's staging folder holds nothing it will take as written: only the
        // incremental build's entries go to the folder output.
        let present = staged.entries.withLock { $0 }
        let recorder = RecordingOutput(FolderOutput(fileSystem: fileSystem, root: staging.path, present: present), expecting: present.count)
        // What the last build knew of each page stays true while the options and Herald are
        // the same; a page whose file has the stamp it had then is not even read, unless it is
        // made again.
        let lastBuild = cache?.global == global ? cache : nil
        var unread: (@Sendable (ContentDiscovery.Found) -> LoadedFile?)?
        if let lastBuild {
            unread = { found in
                guard let stamp = stamps[found.fullPath], lastBuild.stamps[found.fullPath] == stamp,
                      let record = lastBuild.frontMatters[found.path], let page = lastBuild.pages[found.path],
                      page.frontMatter == record.fingerprint else { return nil }
                return LoadedFile.unread(found, record: record, page: page)
            }
        }
        let (rendered, outcome) = await render(into: recorder, writeManifest: false, reuse: reuse, discovery: discovery,
                                               frontMatters: lastBuild?.frontMatters, unread: unread, writeEarly: true,
                                               beforeWriting: useCache ? nil : prepareStaging)
        var report = rendered
        // A render stopped before its first page was written never looked at the walk.
        spareWalk?.cancel()
        guard report.succeeded else {
            staging.discard()
            return report
        }
        do {
            // The manifest lists every file the deploy must upload, the search index included:
            // the indexer writes its files itself, so only then is the staged site walked.
            var entries = recorder.manifest
            try staging.removeStale(staged.entries.withLock { $0 }, keeping: entries)
            if report.searchEnabled, let searchIndexer {
                try searchIndexer(staging.path)
                for path in try fileSystem.recursiveFiles(in: staging.path) where entries[path] == nil && path != Manifest.fileName {
                    let data = try fileSystem.read(Path.join(staging.path, path))
                    entries[path] = Manifest.Entry(sha256: SHA256.hex(data), size: data.count)
                }
            }
            report.fileCount = entries.count
            let manifestData = Manifest.data(entries)
            try fileSystem.write(manifestData, to: Path.join(staging.path, Manifest.fileName))
            try staging.publish()
            // The replaced site is kept as the next build's spare; if it cannot be, it is
            // removed while the cache is saved (the two touch different folders).
            let removal = Task.detached { () -> (any Error)? in
                if staging.keepReplacedSite() { return nil }
                do { try await staging.removeOldSite() } catch { return error }
                return nil
            }
            if let outcome {
                let next = BuildCache(global: global, stamps: stamps, structure: outcome.structure, pages: outcome.records,
                                      frontMatters: outcome.frontMatters, manifest: BuildCache.manifestHash(manifestData),
                                      report: .init(pageCount: report.pageCount, fileCount: report.fileCount,
                                                    diagnostics: report.diagnostics, silenced: report.silenced))
                next.save(fileSystem, options: options, previous: loaded)
            }
            if let failure = await removal.value {
                // The new site is out; what is left is clutter, never a reason to fail the build.
                report.diagnostics.append(Diagnostic(.advice, "the previous site could not be removed: \(failure)",
                                                     hint: "The new site is in \(options.outputDirectory). The next build tries again, or remove \(staging.path) yourself."))
            }
        } catch let diagnostic as Diagnostic {
            staging.discard()
            report.diagnostics.append(diagnostic)
        } catch {
            staging.discard()
            report.diagnostics.append(.error("cannot publish the site: \(error)", hint: "The previous site in \(options.outputDirectory) is untouched."))
        }
        // Handed over whole: with a copy left here, whichever thread let go last would free
        // them, and that was this one (50 ms at 10,000 pages, profiled).
        releaseLater([(consume outcome) as Any, (consume cache) as Any, (consume loaded) as Any, (consume lastBuild) as Any,
                      (consume unread) as Any, (consume reuse) as Any, consume recorder, consume present, (consume published) as Any,
                      (consume publishedManifest) as Any, (consume spare) as Any, consume discovery, consume stamps, consume staged,
                      consume prepareStaging])
        // The time the person waiting saw: the search index, publishing and the cache included
        // (the render alone was reported before; on the commissioner's site a third of a build).
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    /// Does all the work of a build and writes nothing.
    public func check() async -> BuildReport {
        await render(into: DiscardingOutput())
    }

    /// The whole pipeline, writing every output file into `sink`.
    public func render(into sink: OutputSink) async -> BuildReport {
        await render(into: RecordingOutput(sink), writeManifest: true, reuse: nil).0
    }

    /// The whole pipeline into memory, redoing only what changed since `previous` (the preview's
    /// rebuild): unchanged files are not read again, and pages whose source and surroundings are
    /// unchanged are taken from the last render. The files are those a fresh render would make.
    /// Returns what to pass next time; after a failed render, that is still `previous`, which
    /// then also knows the changes the failed render did not take in.
    /// - Parameter changed: the paths that changed since the render that returned `previous`,
    ///   when the caller knows them (the preview's watcher): an edit below the front matter of
    ///   existing pages then re-makes just those pages (`renderTextEdits`), without looking at
    ///   the rest of the site.
    public func render(into output: MemoryOutput, remembering previous: RenderMemory?,
                       changed: [String]? = nil) async -> (BuildReport, RenderMemory?) {
        let today = Day(options.clock.now)
        let global = BuildCache.global(options, today: today)
        // What changed since the last good render: after a failed one, its changes too.
        let changedSince = changed.flatMap { changed in previous?.unrendered.map { $0.union(changed) } }
        /// A failed render leaves the last good memory, knowing what it has not taken in.
        func failed(_ report: BuildReport) -> (BuildReport, RenderMemory?) {
            var kept = previous
            kept?.unrendered = changedSince
            return (report, kept)
        }
        if let previous, let changedSince,
           let (report, next) = await renderTextEdits(changedSince, previous: previous, global: global, today: today) {
            guard let next else { return failed(report) }
            output.replaceAll(with: next.files)
            return (report, next)
        }
        let discovery = ContentDiscovery.scan(fileSystem, contentPath: options.contentPath)
        let stamps = BuildCache.stamps(fileSystem, options: options, discovery: discovery)
        let inputs = stamps.filter { !$0.key.hasPrefix(options.contentPath + "/") }
        var reuse: Reuse?
        if let previous, previous.global == global, previous.inputStamps == inputs {
            reuse = Reuse(pages: previous.records, structure: previous.structure, previous: .memory(previous.files),
                          entries: previous.entries)
        }
        let recorder = RecordingOutput(output)
        let known = RenderMemory.KnownSources(stamps: stamps, loaded: previous?.loaded ?? [:])
        // The manifest is for deploys: the preview has no use for one.
        let (report, outcome) = await render(into: recorder, writeManifest: !options.preview, reuse: reuse, discovery: discovery, known: known)
        guard report.succeeded, let outcome else { return failed(report) }
        var working = outcome.working
        working?.report = report
        return (report, RenderMemory(global: global, inputStamps: inputs, loaded: outcome.loaded, structure: outcome.structure,
                                     records: outcome.records, files: output.files, entries: recorder.manifest, working: working))
    }

    /// - Parameter writeEarly: write each page as soon as it is made, so its HTML is not held
    ///   until the end. Only for a staging folder, which is thrown away if the build fails.
    /// - Parameter frontMatters: the last build's checked front matter (`herald build`'s cache).
    /// - Parameter unread: a content file as the last build left it, without reading it, when it
    ///   is unchanged since (`LoadedFile.unread`); nil to read it.
    /// - Parameter beforeWriting: run once before the first page is written (a clean build makes
    ///   its staging folder then); a diagnostic it returns stops the build.
    private func render(into output: RecordingOutput, writeManifest: Bool, reuse: Reuse?,
                        discovery: ContentDiscovery? = nil, known: RenderMemory.KnownSources? = nil,
                        frontMatters: [String: FrontMatterRecord]? = nil,
                        unread: (@Sendable (ContentDiscovery.Found) -> LoadedFile?)? = nil,
                        writeEarly: Bool = false,
                        beforeWriting: (@Sendable () async -> Diagnostic?)? = nil) async -> (BuildReport, RenderOutcome?) {
        let started = Date()
        var report = BuildReport()
        report.strict = options.strict
        let outcome = await renderSite(into: output, report: &report, writeManifest: writeManifest, reuse: reuse, discovery: discovery, known: known,
                                       frontMatters: frontMatters, unread: unread, writeEarly: writeEarly,
                                       beforeWriting: beforeWriting)
        report.seconds = Date().timeIntervalSince(started)
        report.diagnostics.sort(by: Diagnostic.inReadingOrder)
        report.silenced.sort(by: SilencedFinding.inReadingOrder)
        return (report, outcome)
    }

    /// What the cache keeps of a build that got as far as writing.
    struct RenderOutcome {
        var structure: SiteStructure
        var records: [String: BuildCache.PageRecord]
        /// Each page's checked front matter, by source path, for the next build.
        var frontMatters: [String: FrontMatterRecord]
        /// Each content file as read, by full path, with the stamp it had.
        var loaded: [String: RenderMemory.LoadedSource]
        /// For an in-memory render: what the next one needs to re-make a page on its own.
        var working: RenderMemory.Working?
    }

    private func renderSite(into output: RecordingOutput, report: inout BuildReport, writeManifest: Bool, reuse: Reuse?,
                            discovery scanned: ContentDiscovery?, known: RenderMemory.KnownSources?,
                            frontMatters checked: [String: FrontMatterRecord]?, unread: (@Sendable (ContentDiscovery.Found) -> LoadedFile?)?,
                            writeEarly: Bool, beforeWriting: (@Sendable () async -> Diagnostic?)?) async -> RenderOutcome? {
        // 1. Config and templates: without them nothing else can be judged.
        guard let (config, configWarnings, configText) = loadConfig(&report) else { return nil }
        report.diagnostics += configWarnings
        report.searchEnabled = config.search && !options.preview
        // A site may share a theme by linking its templates folder to another's.
        let templatesPath = (try? fileSystem.resolvingSymbolicLinks(options.templatesPath)) ?? options.templatesPath
        let templates: TemplateSet
        do {
            templates = try TemplateSet.load(from: fileSystem, directory: templatesPath)
        } catch {
            report.diagnostics += error.diagnostics
            return nil
        }
        let theme: ThemeAssets
        do {
            theme = try ThemeAssets.load(from: fileSystem, directory: Path.join(templatesPath, "assets"))
        } catch {
            report.diagnostics.append(.error("cannot read the theme's assets: \(error)"))
            return nil
        }

        // 2. Content: find, read and check every page's front matter, on every core.
        let discovery = scanned ?? ContentDiscovery.scan(fileSystem, contentPath: options.contentPath)
        report.diagnostics += discovery.diagnostics
        let fileSystem = self.fileSystem
        let loaded = await concurrentMap(discovery.markdown) { found in
            // A file whose stamp is unchanged since the last render is not read again.
            known?.unchanged(found.fullPath) ?? unread?(found) ?? LoadedFile.load(found, from: fileSystem, frontMatters: checked)
        }
        report.diagnostics += loaded.flatMap(\.diagnostics)
        let assets = discovery.assets.map { found in
            ContentAsset(sourcePath: found.path, displayPath: Path.join("content", found.path),
                         url: PageLoader.assetURL(for: found.path), size: fileSystem.size(of: found.fullPath) ?? 0)
        }
        let today = Day(options.clock.now)
        let publication = ContentTree.Publication(includeDrafts: options.includeDrafts, today: today)
        let pages = loaded.compactMap(\.page)
        // Sorted once, from the published pages: they say which list pages exist (and so which
        // URLs are taken) before the tree is assembled, and every page that shows them uses them.
        let lists = ListPages.Lists(pages.filter { publication.isPublished($0.metadata) })
        let (tree, treeDiagnostics) = ContentTree.assemble(
            pages: pages, assets: assets, publication: publication, reserved: ListPages.reservedURLs(lists, config: config))
        report.diagnostics += treeDiagnostics
        report.diagnostics += RedirectTemplateCheck.problems(in: tree, templates: templates)
        let leftOut = LeftOutPages(zip(discovery.markdown, loaded).lazy.map { ($0.path, $1.page) }, publication: publication)

        // 3. Markdown: parse and transform every page that changed, and learn each page's heading ids.
        // Made on the other core while this one works out what can be reused (8 ms at any size:
        // the theme's stylesheets and the templates' tags are read for the linter).
        async let madeStage = PageStage(config: config, tree: tree, lists: lists, templates: templates, theme: theme,
                                        options: options, today: today, buildYear: today.year)
        var texts: [String: String] = [:], frontMatters: [String: String] = [:]
        // Dictionaries of every page get their room at once: growing them was a twentieth of
        // rebuilding one page of 10,000.
        texts.reserveCapacity(loaded.count)
        frontMatters.reserveCapacity(loaded.count)
        for file in loaded {
            guard let page = file.page else { continue }
            texts[page.sourcePath] = file.fingerprint
            frontMatters[page.sourcePath] = file.frontMatterFingerprint
        }
        let structure = PageFingerprint.structure(of: tree.pages, frontMatters: frontMatters, assets: tree.assets, lists: lists)
        let edited = PageFingerprint.frontMatterEdits(tree, frontMatters: frontMatters, structure: structure, reuse: reuse)
        var reused = reusablePages(tree, texts: texts, structure: structure, edited: edited, reuse: reuse)
        let stage = await madeStage
        // A page taken unread from the last build is read now, as it is made again.
        let found = Dictionary(discovery.markdown.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let parse = { @Sendable (page: SourcePage) -> PageStage.Parsed in
            guard !page.hasText else { return stage.parse(page) }
            let file = found[page.sourcePath].map { LoadedFile.load($0, from: fileSystem, frontMatters: checked) }
            guard let reread = file?.page else {
                // Changed or gone since the build began: say why, and publish nothing.
                var failed = stage.parse(page)
                let why = file?.diagnostics.filter { $0.severity == .error } ?? []
                failed.diagnostics += why.isEmpty
                    ? [.error("\(page.displayPath) could not be read again", at: SourceLocation(file: page.displayPath, line: 1),
                              hint: "Build again; if it happens again, run `herald build --clean`.")]
                    : why
                return failed
            }
            return stage.parse(reread)
        }
        var parsed = await concurrentMap(tree.pages.filter { reused[$0.sourcePath] == nil }) { parse($0) }
        // A changed page whose anchors moved may break links on unchanged pages: check them all.
        let anchorsMoved = parsed.contains { page in
            reuse?.pages[page.source.sourcePath].map { Set($0.anchors) != Set(page.headingIDs) } ?? false
        }
        if anchorsMoved {
            parsed += await concurrentMap(tree.pages.filter { reused[$0.sourcePath] != nil }) { parse($0) }
            reused = [:]
        }
        // Each page's Markdown diagnostics come back in its result (stage.finish), so they are
        // counted there, once.

        // 4. Links, lint, render: each page on its own, written as it is made.
        if let beforeWriting, let problem = await beforeWriting() {
            report.diagnostics.append(problem)
            report.isConfigurationFailure = true
            return nil
        }
        var anchors: [String: [String]] = [:]
        anchors.reserveCapacity(parsed.count + reused.count)
        for page in parsed { anchors[page.source.sourcePath] = page.headingIDs }
        for (path, record) in reused { anchors[path] = record.anchors }
        let resolver = LinkResolver(tree: tree, anchors: anchors, templateIDs: PageStage.templateIDs, leftOut: leftOut)
        let deferred = parsed.filter { $0.needsSiteReport }
        let written = { @Sendable (result: PageResult) -> PageResult in
            guard writeEarly else { return result }
            var result = result
            do {
                try output.write(Data(result.html.utf8), to: result.outputPath)
                result.html = ""
                result.isWritten = true
            } catch {
                result.writeFailure = "\(error)"
            }
            return result
        }
        // Each page's Markdown tree is let go as soon as the page is made (most of the memory).
        let toFinish = parsed.filter { !$0.needsSiteReport }
        parsed = []
        var results = await concurrentMap(consuming: consume toFinish) { written(stage.finish($0, resolver: resolver, siteReport: nil)) }
        results.reserveCapacity(tree.pages.count + 64)
        for page in tree.pages {
            if let record = reused[page.sourcePath] { results.append(PageResult(reusing: record, page: page)) }
        }
        let generated = ListPages.generated(in: tree, lists: lists, config: config)
        let generatedURLs = Set(generated.map(\.url))
        let otherFiles = Set(theme.urls.values).union(PageStage.siteFileNames.map { "/" + $0 })
        report.diagnostics += MenuLinkCheck.problems(
            in: config,
            isMade: { url in tree.page(atURL: url) != nil || generatedURLs.contains(url) || tree.hasAsset(atURL: url) || otherFiles.contains(url) },
            pages: { tree.pages.map(\.url) + generated.map(\.url) }, leftOut: leftOut, configText: configText)
        let generatedRecords = anchorsMoved ? [:] : reusableGenerated(generated, tree: tree, structure: structure, edited: edited, reuse: reuse)
        results += generated.compactMap { page in generatedRecords[page.url].map { PageResult(reusing: $0, generated: page) } }
        results += await concurrentMap(generated.filter { generatedRecords[$0.url] == nil }) { written(stage.finishGenerated($0)) }

        // 5. Site-wide checks and the pages that report on the others (the accessibility statement).
        let siteDiagnostics = report.diagnostics
        let crossPage = stage.crossPageFindings(results)
        var findings = results.flatMap(\.diagnostics) + crossPage
        var siteReport = AccessibilitySummary(findings: findings + report.diagnostics, today: today, pageCount: results.filter(\.isPage).count + deferred.count)
        // What pages silenced is still a known issue the statement must list.
        siteReport.silenced = results.flatMap(\.silenced)
        for page in deferred {
            let result = stage.finish(page, resolver: resolver, siteReport: siteReport)
            results.append(result)
            findings += result.diagnostics
        }
        report.diagnostics += findings
        report.silenced += results.flatMap(\.silenced)
        report.pageCount = results.filter(\.isPage).count
        report.reusedPageCount = results.filter { $0.isReused && $0.sourcePath != nil }.count
        report.reusedGeneratedCount = results.filter { $0.isReused && $0.sourcePath == nil }.count

        // 6. Write: nothing is written while any error stands.
        guard report.succeeded else { return nil }
        let assetFiles = Dictionary(uniqueKeysWithValues: discovery.assets.map { ($0.path, $0.fullPath) })
        // The pages on every core: hashing each for the manifest and writing it are a tenth of a build.
        let failures = await concurrentMap(results) { result -> String? in
            if result.isWritten || result.writeFailure != nil { return result.writeFailure }
            do {
                if result.isReused, let reuse {
                    guard try reuse.place(result.outputPath, into: output, fileSystem: fileSystem) else {
                        throw FileSystemError(path: result.outputPath, reason: "is missing from the last build")
                    }
                } else {
                    try output.write(Data(result.html.utf8), to: result.outputPath)
                }
                return nil
            } catch {
                return "\(error)"
            }
        }
        do {
            if let failure = failures.lazy.compactMap({ $0 }).first { throw PageWriteFailure(description: failure) }
            for file in theme.files { try output.write(file.data, to: file.path) }
            for asset in tree.assets { try output.write(try fileSystem.read(assetFiles[asset.sourcePath]!), to: asset.outputPath) }
            // The sitemap, feeds and open data show only front matter: with the structure
            // unchanged they are the last build's.
            var siteFilesReused = false
            if let reuse, reuse.structure == structure, !anchorsMoved,
               PageStage.siteFileNames.allSatisfy({ reuse.entries[$0] != nil }) {
                siteFilesReused = true
                for path in PageStage.siteFileNames where try !reuse.place(path, into: output, fileSystem: fileSystem) {
                    throw FileSystemError(path: path, reason: "is missing from the last build")
                }
            }
            if !siteFilesReused {
                for (path, text) in stage.siteFiles(results: results) { try output.write(Data(text.utf8), to: path) }
            }
            if writeManifest { try output.write(Manifest.data(output.manifest), to: Manifest.fileName) }
        } catch {
            report.diagnostics.append(.error("cannot write the site: \(error)", hint: "Check the disk has space and the output folder is writable."))
        }
        report.fileCount = output.manifest.count
        var records: [String: BuildCache.PageRecord] = [:]
        records.reserveCapacity(results.count)
        for result in results {
            if let source = result.sourcePath {
                // A page taken from the last build keeps its record as it was.
                if result.isReused, let record = reused[source] {
                    records[source] = record
                    continue
                }
                guard let text = texts[source], let frontMatter = frontMatters[source] else { continue }
                records[source] = BuildCache.PageRecord(result, text: text, frontMatter: frontMatter)
            } else if result.isReused, let record = generatedRecords[result.url] {
                records[BuildCache.generatedKey(result.url)] = record
            } else {
                records[BuildCache.generatedKey(result.url)] = BuildCache.PageRecord(result, text: "", frontMatter: "")
            }
        }
        var sources: [String: RenderMemory.LoadedSource] = [:]
        var working: RenderMemory.Working?
        if let known {
            for (found, file) in zip(discovery.markdown, loaded) {
                sources[found.fullPath] = RenderMemory.LoadedSource(stamp: known.stamps[found.fullPath], file: file)
            }
            working = RenderMemory.Working(stage: stage, resolver: resolver, discovery: discovery, siteDiagnostics: siteDiagnostics,
                                           crossPage: crossPage, reportingPages: deferred.map(\.source.sourcePath), report: report)
        }
        var frontMatterRecords: [String: FrontMatterRecord] = [:]
        frontMatterRecords.reserveCapacity(loaded.count)
        for file in loaded {
            if let page = file.page, let record = file.frontMatterRecord { frontMatterRecords[page.sourcePath] = record }
        }
        releaseLater([consume loaded, consume pages, consume tree, consume stage, consume results, consume resolver, consume anchors,
                      consume found, consume reused, consume texts, consume frontMatters, consume parse, consume written, consume lists])
        return RenderOutcome(structure: structure, records: records, frontMatters: frontMatterRecords, loaded: sources, working: working)
    }

    /// Pages the last build made that can be taken as they are: same source, and nothing they
    /// show of other pages changed (the site's structure, or, when only front matter moved on
    /// pages that stay where they were, the front matter of the pages each one shows). The
    /// accessibility statement is always made afresh.
    private func reusablePages(_ tree: ContentTree, texts: [String: String], structure: SiteStructure, edited: Set<String>,
                               reuse: Reuse?) -> [String: BuildCache.PageRecord] {
        guard let reuse, reuse.structure.shape == structure.shape else { return [:] }
        var result: [String: BuildCache.PageRecord] = [:]
        result.reserveCapacity(tree.pages.count)
        for page in tree.pages {
            // The record knows whether the text it was made from reports on the site.
            guard let record = reuse.pages[page.sourcePath], record.text == texts[page.sourcePath], !record.usesSiteReport,
                  record.output == page.outputPath, reuse.entries[record.output] != nil else { continue }
            if !edited.isEmpty {
                guard !PageStage.showsLists(page), PageStage.shownPages(of: page, in: tree).isDisjoint(with: edited) else { continue }
            }
            result[page.sourcePath] = record
        }
        return result
    }

    /// The pages Herald makes itself that show nothing that changed since the last build, by
    /// URL: with the structure unchanged, all of them; with only front matter edited, those
    /// whose lists and pages shown are as they were (the A to Z shows every page: made again).
    private func reusableGenerated(_ generated: [GeneratedPage], tree: ContentTree, structure: SiteStructure,
                                   edited: Set<String>, reuse: Reuse?) -> [String: BuildCache.PageRecord] {
        guard let reuse, reuse.structure.shape == structure.shape else { return [:] }
        let sameLists = reuse.structure.lists == structure.lists
        func isEdited(_ url: String) -> Bool { tree.page(atURL: url).map { edited.contains($0.sourcePath) } ?? false }
        var result: [String: BuildCache.PageRecord] = [:]
        for page in generated {
            guard let record = reuse.pages[BuildCache.generatedKey(page.url)], record.output == page.outputPath,
                  reuse.entries[page.outputPath] != nil else { continue }
            if !edited.isEmpty {
                // What `PageStage.finishGenerated` shows of the content, kind by kind.
                switch page.kind {
                case .news: guard sameLists else { continue }
                case .decisions(let year): guard sameLists, year == nil || !isEdited(ListPages.decisionsURL) else { continue }
                case .aToZ: continue
                case .search, .notFound: break
                case .redirect(let target, _): guard !isEdited(target) else { continue }
                }
            }
            result[page.url] = record
        }
        return result
    }

    /// The config, its warnings, and its text (for quoting the lines of later findings).
    private func loadConfig(_ report: inout BuildReport) -> (SiteConfig, [Diagnostic], String)? {
        let path = options.configPath
        guard fileSystem.kind(of: path) == .file else {
            report.isConfigurationFailure = true
            report.diagnostics.append(.error("there is no herald.yml in \(options.siteDirectory)",
                                             hint: "Run Herald in the site's folder, or pass --site DIR. herald.yml holds the site's title, base_url, language and organisation."))
            return nil
        }
        // The override goes into every permalink, the sitemap and the feeds, as base_url would:
        // `--base-url notaurl` wrote `<loc>notaurl/</loc>` and exited 0.
        if let override = options.baseURL, !SiteConfigLoader.isBaseURL(override) {
            report.isConfigurationFailure = true
            report.diagnostics.append(.error("--base-url '\(override)' is not an absolute http(s) address",
                                             hint: "Give the full address the site is published at, e.g. `--base-url https://staging.example.gov.uk`."))
            return nil
        }
        do {
            let text = try SourceDecoder.decode(try fileSystem.read(path), file: "herald.yml")
            var (config, warnings) = try SiteConfigLoader.load(text, file: "herald.yml")
            if let override = options.baseURL {
                config.baseURL = override.hasSuffix("/") ? String(override.dropLast()) : override
            }
            return (config, warnings, text)
        } catch let list as DiagnosticList {
            report.isConfigurationFailure = true
            report.diagnostics += list.diagnostics
        } catch let diagnostic as Diagnostic {
            report.isConfigurationFailure = true
            report.diagnostics.append(diagnostic)
        } catch {
            report.isConfigurationFailure = true
            report.diagnostics.append(.error("cannot read herald.yml: \(error)"))
        }
        return nil
    }
}

/// A sink for `herald check`: the work is done, nothing is kept.
struct DiscardingOutput: OutputSink {
    func write(_ data: Data, to path: String) throws {}
}

/// A page that could not be written, as its file system error described it.
private struct PageWriteFailure: Error, CustomStringConvertible {
    var description: String
}
