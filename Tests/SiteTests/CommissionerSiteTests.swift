import Core
import Foundation
import Testing
@testable import Site

/// The site in `content/` is the real one: it must build with nothing to fix, every internal
/// link must land, and every page must be reachable from the navigation or a section list.
@Suite struct CommissionerSiteTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    static func build() async -> (BuildReport, [String: String]) {
        let output = MemoryOutput()
        var options = BuildOptions(siteDirectory: root, outputDirectory: "/nonexistent-public", clock: TestSite.fixedDay)
        options.strict = true
        let report = await SiteBuilder(fileSystem: LocalFileSystem(), options: options).render(into: output)
        return (report, output.files.mapValues { String(decoding: $0, as: UTF8.self) })
    }

    /// Every `href="/…"` in a page, without its fragment.
    static func internalLinks(_ html: String) -> [String] {
        var links: [String] = []
        var rest = html[...]
        while let range = rest.range(of: "href=\"/") {
            let after = rest[range.upperBound...]
            guard let end = after.firstIndex(of: "\"") else { break }
            let target = "/" + after[..<end]
            links.append(String(target.split(separator: "#", omittingEmptySubsequences: false).first ?? ""))
            rest = after[end...]
        }
        return links
    }

    static func file(for url: String) -> String {
        let path = String(url.dropFirst()).removingPercentEncoding ?? String(url.dropFirst())
        return path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
    }

    @Test func buildsWithNoErrorsAndNoWarnings() async {
        let (report, files) = await Self.build()
        #expect(report.errorCount == 0, "\(report.diagnostics.filter { $0.severity == .error })")
        #expect(report.warningCount == 0, "\(report.diagnostics.filter { $0.severity == .warning })")
        #expect(report.pageCount > 50)
        #expect(files["accessibility/index.html"]?.contains("fully compliant") == true)
    }

    @Test func everyInternalLinkResolvesAndEveryPageIsReachable() async {
        let (_, files) = await Self.build()
        let pages = Set(files.keys.filter { $0.hasSuffix("index.html") && !$0.hasPrefix("search/") })
        // Start from the home page's navigation, header, footer and content, and follow links.
        var reached: Set<String> = ["index.html"]
        var queue = ["index.html"]
        var broken: [String] = []
        while let page = queue.popLast() {
            for link in Self.internalLinks(files[page] ?? "") {
                let target = Self.file(for: link)
                if files[target] == nil && files[target + "/index.html"] == nil && !target.hasPrefix("pagefind/") {
                    broken.append("\(page) → \(link)")
                    continue
                }
                if pages.contains(target), reached.insert(target).inserted { queue.append(target) }
            }
        }
        #expect(broken.isEmpty, "\(broken)")
        // Redirect pages for old addresses are reached by their old address, not by links.
        let unreached = pages.subtracting(reached).filter { !(files[$0]?.contains("http-equiv=\"refresh\"") ?? false) }
        #expect(unreached.isEmpty, "\(unreached.sorted())")
    }
}
