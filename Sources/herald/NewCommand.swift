import ArgumentParser
import Content
import Core
import Foundation

/// `herald new KIND "Title"`: start a page with every field it needs.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a new page of a kind, with every required field filled in or marked TODO.")

    @Argument(help: "The page kind: \(PageKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var kind: PageKind

    @Argument(help: "The page's title, in quotes.")
    var title: String

    @Option(name: .long, help: "The site folder (holding herald.yml and content/).")
    var site: String = "."

    func validate() throws {
        if title.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("The title cannot be empty.") }
    }

    func run() throws {
        let fileSystem = LocalFileSystem()
        // Without this, run from content/ it made content/content/report/…, and from anywhere
        // else a content folder there: a page the site never sees, and exit status 0.
        if let (message, hint) = SiteFolder.problem(with: site, fileSystem: fileSystem) {
            Terminal.standardError.write("error: \(message); nothing was written\nhint: \(hint)\n")
            throw ExitCode(2)
        }
        let content = Path.join(site, "content")
        let today = Day(BuildClock.fromEnvironment(ProcessInfo.processInfo.environment).now)
        var numbers: [String] = []
        if kind == .decision {
            let discovery = ContentDiscovery.scan(fileSystem, contentPath: content)
            for found in discovery.markdown {
                if let (page, _) = Optional(PageLoader.load(found, from: fileSystem)), let number = page?.metadata.decision?.number {
                    numbers.append(number)
                } else if let text = try? fileSystem.readText(found.fullPath), let line = text.split(separator: "\n").first(where: { $0.hasPrefix("number:") }) {
                    // A decision whose front matter is still incomplete has claimed its number all the same.
                    numbers.append(line.dropFirst("number:".count).trimmingCharacters(in: CharacterSet(charactersIn: " \"'")))
                }
            }
        }
        let scaffold = PageScaffold.make(kind: kind, title: title, today: today, existingDecisionNumbers: numbers)
        let path = Path.join(content, scaffold.path)
        guard !fileSystem.exists(path) else {
            Terminal.standardError.write("error: \(path) already exists; nothing was written\nhint: choose another title, or edit the existing page\n")
            throw ExitCode(1)
        }
        try fileSystem.write(scaffold.text, to: path)
        print(path)
    }
}

extension PageKind: ExpressibleByArgument {}
