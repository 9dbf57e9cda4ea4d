import ArgumentParser
import Core
import Foundation
import Preview
import Site
import Synchronization

/// `herald serve`: build in memory, serve on loopback, rebuild and reload browsers on every save.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site with live reload. Nothing is written to public/.")

    @Option(name: .long, help: "The site folder (holding herald.yml, content/ and templates/).")
    var site: String = "."

    @Option(name: .long, help: "The port to listen on.")
    var port: Int = 8080

    @Option(name: .long, help: "The address to listen on; anything but loopback shares your preview with the network.")
    var host: String = "127.0.0.1"

    @Flag(name: .long, help: "Show drafts and pages dated in the future, with a banner.")
    var drafts = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535.") }
    }

    func run() async throws {
        // A reviewer who starts the preview from content/ hears where the site is, not an
        // error page about a missing herald.yml.
        if let (message, hint) = SiteFolder.problem(with: site, fileSystem: LocalFileSystem()) {
            Terminal.standardError.write("error: \(message)\nhint: \(hint)\n")
            throw ExitCode(2)
        }
        let options = BuildOptions(siteDirectory: site, outputDirectory: nil, includeDrafts: drafts, preview: true,
                                   clock: .fromEnvironment(ProcessInfo.processInfo.environment))
        let builder = PreviewSiteBuilder(site: SiteBuilder(fileSystem: LocalFileSystem(), options: options))
        let watched = ["content", "templates", "herald.yml"].map { Path.join(site, $0) }
        let previewOptions = PreviewOptions(host: host, port: port, watching: watched)
        if let warning = previewOptions.hostWarning { Terminal.standardError.write("warning: \(warning)\n") }
        let server = PreviewServer(builder: builder, options: previewOptions)
        do {
            try await server.run { event in
                switch event {
                case .listening(let host, let port):
                    Terminal.standardError.write("Previewing at \(PreviewEvent.url(host: host, port: port)) (Ctrl-C to stop)\n")
                case .built(_, let succeeded, let duration):
                    let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
                    Terminal.standardError.write(succeeded ? String(format: "Built in %.2f s\n", seconds)
                                                           : "Build failed: the browser shows the errors\n")
                case .stopping:
                    Terminal.standardError.write("Stopping\n")
                }
            }
        } catch {
            Terminal.standardError.write("error: \(error)\n")
            throw ExitCode(2)
        }
    }
}

/// Builds the site in memory for the preview, never touching public/. Each rebuild redoes only
/// what the change affects: the last good render is remembered (`RenderMemory`).
final class PreviewSiteBuilder: PreviewBuilder {
    let site: SiteBuilder
    private let memory = Mutex<RenderMemory?>(nil)

    init(site: SiteBuilder) { self.site = site }

    func build(changed: [String]?) async -> PreviewBuild {
        let output = MemoryOutput()
        let previous = memory.withLock { $0 }
        let (report, next) = await site.render(into: output, remembering: previous, changed: changed)
        memory.withLock { $0 = next }
        let formatter = DiagnosticFormatter(useColour: false)
        for diagnostic in report.diagnostics where diagnostic.severity == .error {
            Terminal.standardError.write(formatter.format(diagnostic) + "\n")
        }
        guard report.succeeded else { return .failure(report.diagnostics.filter { $0.severity >= .warning }) }
        return .success(BuiltSite(files: output.files, redirects: [:], builtAt: site.options.clock.now))
    }
}
