import ArgumentParser
import Core
import Foundation
import Site

/// `herald build`: build the site into the output folder, or change nothing.
struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into public/, only if every page passes the checks.")

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "Where to write the site (default: public/ in the site folder).")
    var output: String?

    @Flag(name: .long, help: "Ignore the incremental build cache and the spare copy of the last site: write every page.")
    var clean = false

    func run() async throws {
        if let missing = site.missingSiteReport() { throw ReportPrinter(format: site.format).finish(missing, verb: "Built") }
        let options = site.buildOptions(output: output)
        var builder = SiteBuilder(fileSystem: LocalFileSystem(), options: options)
        builder.searchIndexer = { staging in try SearchIndexer.run(on: staging) }
        builder.useCache = !clean
        let report = await builder.build()
        throw ReportPrinter(format: site.format).finish(report, verb: "Built")
    }
}
