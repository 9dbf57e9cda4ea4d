import Accessibility
import ArgumentParser
import Core
import Foundation
import Site

/// Options every command that builds the site shares.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: "The site folder (holding herald.yml, content/ and templates/).")
    var site: String = "."

    @Flag(name: .long, help: "Include drafts and pages dated in the future.")
    var drafts = false

    @Option(name: .customLong("base-url"), help: "Publish for this address instead of the config's base_url.")
    var baseURL: String?

    @Flag(name: .long, help: "Fail on warnings as well as errors.")
    var strict = false

    @Option(name: .long, help: "How to print findings: human, json, github or sarif.")
    var format: ReportFormat = .human

    /// The report to print when `--site` (or the folder Herald runs in) holds no herald.yml,
    /// naming the folder above that does when there is one (run from content/); nil for a site.
    func missingSiteReport() -> BuildReport? {
        guard let (message, hint) = SiteFolder.problem(with: site, fileSystem: LocalFileSystem()) else { return nil }
        var report = BuildReport()
        report.diagnostics = [.error(message, hint: hint)]
        report.isConfigurationFailure = true
        return report
    }

    func buildOptions(output: String?, preview: Bool = false) -> BuildOptions {
        let environment = ProcessInfo.processInfo.environment
        return BuildOptions(siteDirectory: site, outputDirectory: output, includeDrafts: drafts, baseURL: baseURL,
                            strict: strict, preview: preview, clock: .fromEnvironment(environment))
    }
}
