import Core
import Foundation

/// Runs Pagefind over the staged site so the search index ships with the pages it describes.
enum SearchIndexer {
    static func run(on stagingPath: String) throws {
        guard let executable = find("pagefind") ?? find("pagefind_extended") else {
            throw Diagnostic.error("search is turned on in herald.yml, but the pagefind program is not installed",
                                   hint: "Run the README's first command (it installs pagefind-bin), or set `search: false`.")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--site", stagingPath, "--output-subdir", "pagefind", "--quiet"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Diagnostic.error("pagefind could not index the site: \(String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))",
                                   hint: "The previous site is untouched. Run `pagefind --site` by hand to see more.")
        }
    }

    private static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
