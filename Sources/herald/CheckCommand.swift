import Accessibility
import ArgumentParser
import Core
import Foundation
import Site

/// `herald check`: the whole build's checks, nothing written; or the page rules on any HTML file.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run every check a build runs, writing nothing.",
        discussion: "With --html, run the page rules on HTML files from anywhere (with --css for their stylesheets).")

    @OptionGroup var site: SiteOptions

    @Option(name: .long, parsing: .upToNextOption, help: "HTML files to check instead of the site.")
    var html: [String] = []

    @Option(name: .long, parsing: .upToNextOption, help: "Stylesheets for --html (linked local ones are read anyway).")
    var css: [String] = []

    func validate() throws {
        if !css.isEmpty && html.isEmpty { throw ValidationError("--css goes with --html.") }
    }

    func run() async throws {
        let printer = ReportPrinter(format: site.format)
        if !html.isEmpty {
            var report = BuildReport()
            report.strict = site.strict
            let started = Date()
            let linter = Linter()
            for file in html {
                do {
                    let findings = try linter.lintHTMLFile(file, stylesheets: css, fileSystem: LocalFileSystem())
                    report.diagnostics += findings.filter { !$0.isSilenced }.map(\.diagnostic)
                } catch {
                    report.isConfigurationFailure = true
                    report.diagnostics.append(.error("cannot read \(file)", hint: "Check the path."))
                }
            }
            report.pageCount = html.count
            report.seconds = Date().timeIntervalSince(started)
            throw printer.finish(report, verb: "Checked")
        }
        if let missing = site.missingSiteReport() { throw printer.finish(missing, verb: "Checked") }
        let builder = SiteBuilder(fileSystem: LocalFileSystem(), options: site.buildOptions(output: nil))
        throw printer.finish(await builder.check(), verb: "Checked")
    }
}
