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

    public init(fileSystem: FileSystem, options: BuildOptions) {
        self.fileSystem = fileSystem
        self.options = options
    }

    /// Builds into a staging folder and swaps it into the output only when everything succeeded.
    public func build() async -> BuildReport {
        let staging = StagingArea(fileSystem: fileSystem, outputPath: options.outputDirectory,
                                  token: "\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try staging.prepare()
        } catch {
            var report = BuildReport()
            report.diagnostics = [.error("cannot prepare the output folder: \(error)", hint: "Check that the folder is writable.")]
            report.isConfigurationFailure = true
            return report
        }
        let recorder = RecordingOutput(FolderOutput(fileSystem: fileSystem, root: staging.path))
        var report = await render(into: recorder, writeManifest: false)
        guard report.succeeded else {
            staging.discard()
            return report
        }
        do {
            if report.searchEnabled { try searchIndexer?(staging.path) }
            // The manifest lists every file the deploy must upload, the search index included.
            var entries = recorder.manifest
            for path in try fileSystem.recursiveFiles(in: staging.path) where entries[path] == nil && path != Manifest.fileName {
                let data = try fileSystem.read(Path.join(staging.path, path))
                entries[path] = Manifest.Entry(sha256: SHA256.hex(data), size: data.count)
            }
            try fileSystem.write(Manifest.json(entries), to: Path.join(staging.path, Manifest.fileName))
            report.fileCount = entries.count
            try staging.publish()
        } catch let diagnostic as Diagnostic {
            staging.discard()
            report.diagnostics.append(diagnostic)
        } catch {
            staging.discard()
            report.diagnostics.append(.error("cannot publish the site: \(error)", hint: "The previous site in \(options.outputDirectory) is untouched."))
        }
        return report
    }

    /// Does all the work of a build and writes nothing.
    public func check() async -> BuildReport {
        await render(into: DiscardingOutput())
    }

    /// The whole pipeline, writing every output file into `sink`.
    public func render(into sink: OutputSink) async -> BuildReport {
        await render(into: RecordingOutput(sink), writeManifest: true)
    }

    private func render(into output: RecordingOutput, writeManifest: Bool) async -> BuildReport {
        let started = Date()
        var report = BuildReport()
        report.strict = options.strict
        await renderSite(into: output, report: &report, writeManifest: writeManifest)
        report.seconds = Date().timeIntervalSince(started)
        report.diagnostics.sort { ($0.location?.file ?? "", $0.location?.line ?? 0, $0.location?.column ?? 0) < ($1.location?.file ?? "", $1.location?.line ?? 0, $1.location?.column ?? 0) }
        return report
    }

    private func renderSite(into output: RecordingOutput, report: inout BuildReport, writeManifest: Bool) async {
        // 1. Config and templates: without them nothing else can be judged.
        guard let (config, configWarnings) = loadConfig(&report) else { return }
        report.diagnostics += configWarnings
        report.searchEnabled = config.search && !options.preview
        // A site may share a theme by linking its templates folder to another's.
        let templatesPath = (try? fileSystem.resolvingSymbolicLinks(options.templatesPath)) ?? options.templatesPath
        let templates: TemplateSet
        do {
            templates = try TemplateSet.load(from: fileSystem, directory: templatesPath)
        } catch {
            report.diagnostics += error.diagnostics
            return
        }
        let theme: ThemeAssets
        do {
            theme = try ThemeAssets.load(from: fileSystem, directory: Path.join(templatesPath, "assets"))
        } catch {
            report.diagnostics.append(.error("cannot read the theme's assets: \(error)"))
            return
        }

        // 2. Content: find, read and check every page's front matter, on every core.
        let discovery = ContentDiscovery.scan(fileSystem, contentPath: options.contentPath)
        report.diagnostics += discovery.diagnostics
        let fileSystem = self.fileSystem
        let loaded = await concurrentMap(discovery.markdown) { PageLoader.load($0, from: fileSystem) }
        report.diagnostics += loaded.flatMap(\.1)
        let assets = discovery.assets.map { found in
            ContentAsset(sourcePath: found.path, displayPath: Path.join("content", found.path),
                         url: PageLoader.assetURL(for: found.path), size: (try? fileSystem.read(found.fullPath).count) ?? 0)
        }
        let today = Day(options.clock.now)
        let publication = ContentTree.Publication(includeDrafts: options.includeDrafts, today: today)
        let pages = loaded.compactMap(\.0)
        let (provisional, _) = ContentTree.assemble(pages: pages, assets: assets, publication: publication)
        let (tree, treeDiagnostics) = ContentTree.assemble(
            pages: pages, assets: assets, publication: publication,
            reserved: ListPages.reservedURLs(in: provisional, config: config))
        report.diagnostics += treeDiagnostics

        // 3. Markdown: parse and transform every page, and learn each page's heading ids.
        let stage = PageStage(config: config, tree: tree, templates: templates, theme: theme,
                              options: options, today: today, buildYear: today.year)
        let parsed = await concurrentMap(tree.pages) { stage.parse($0) }
        report.diagnostics += parsed.flatMap(\.diagnostics)

        // 4. Links, lint, render: each page on its own; pages whose Markdown failed are skipped.
        let anchors = Dictionary(uniqueKeysWithValues: parsed.map { ($0.source.sourcePath, Set($0.headingIDs)) })
        let resolver = LinkResolver(tree: tree, anchors: anchors, templateIDs: ["main-content", "contents", "top"])
        let deferred = parsed.filter { $0.needsSiteReport }
        let rendered = await concurrentMap(parsed.filter { !$0.needsSiteReport }) { stage.finish($0, resolver: resolver, siteReport: nil) }
        var results = rendered
        results += await concurrentMap(ListPages.generated(in: tree, config: config)) { stage.finishGenerated($0) }

        // 5. Site-wide checks and the pages that report on the others (the accessibility statement).
        let crossPage = stage.crossPageFindings(results)
        var findings = results.flatMap(\.diagnostics) + crossPage
        let siteReport = AccessibilitySummary(findings: findings + report.diagnostics, today: today, pageCount: results.filter(\.isPage).count + deferred.count)
        for page in deferred {
            let result = stage.finish(page, resolver: resolver, siteReport: siteReport)
            results.append(result)
            findings += result.diagnostics
        }
        report.diagnostics += findings
        report.silenced += results.flatMap(\.silenced)
        report.pageCount = results.filter(\.isPage).count

        // 6. Write: nothing is written while any error stands.
        guard report.succeeded else { return }
        do {
            for result in results { try output.write(Data(result.html.utf8), to: result.outputPath) }
            for file in theme.files { try output.write(file.data, to: file.path) }
            for asset in tree.assets {
                let found = discovery.assets.first { $0.path == asset.sourcePath }!
                try output.write(try fileSystem.read(found.fullPath), to: asset.outputPath)
            }
            for (path, text) in stage.siteFiles(results: results) { try output.write(Data(text.utf8), to: path) }
            if writeManifest { try output.write(Data(Manifest.json(output.manifest).utf8), to: Manifest.fileName) }
        } catch {
            report.diagnostics.append(.error("cannot write the site: \(error)", hint: "Check the disk has space and the output folder is writable."))
        }
        report.fileCount = output.manifest.count
    }

    private func loadConfig(_ report: inout BuildReport) -> (SiteConfig, [Diagnostic])? {
        let path = options.configPath
        guard fileSystem.kind(of: path) == .file else {
            report.isConfigurationFailure = true
            report.diagnostics.append(.error("there is no herald.yml in \(options.siteDirectory)",
                                             hint: "Run Herald in the site's folder, or pass --site DIR. herald.yml holds the site's title, base_url, language and organisation."))
            return nil
        }
        do {
            let text = try SourceDecoder.decode(try fileSystem.read(path), file: "herald.yml")
            var (config, warnings) = try SiteConfigLoader.load(text, file: "herald.yml")
            if let override = options.baseURL {
                config.baseURL = override.hasSuffix("/") ? String(override.dropLast()) : override
            }
            return (config, warnings)
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
