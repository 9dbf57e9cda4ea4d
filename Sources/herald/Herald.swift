import ArgumentParser
import Foundation

/// `herald`: builds, checks and previews an accessible static site.
@main
struct Herald: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "herald",
        abstract: "Build, check and preview an accessible website from Markdown.",
        discussion: "Exit status: 0 success, 1 content or accessibility errors, 2 usage or configuration errors.",
        version: "0.1.0",
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, NewCommand.self]
    )

    /// Usage mistakes exit with 2, as documented, instead of ArgumentParser's 64.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
