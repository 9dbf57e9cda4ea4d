import TestSupport
import Foundation

/// Runs the built `herald` binary the way a person or CI does, in a scratch site folder.
struct HeraldProcess {
    struct Result {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var executable: URL {
        for configuration in ["debug", "release"] {
            let url = packageRoot.appendingPathComponent(".build/\(configuration)/herald")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return packageRoot.appendingPathComponent(".build/debug/herald")
    }

    @discardableResult
    static func run(_ arguments: [String], in directory: URL, environment extra: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["SOURCE_DATE_EPOCH"] = "1795000000"
        // Keep Pagefind out of these tests: they are about Herald's own behaviour.
        environment["PATH"] = "/usr/bin:/bin"
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, standardOutput: String(decoding: outData, as: UTF8.self),
                      standardError: String(decoding: errData, as: UTF8.self))
    }

    /// A new site folder with the repository's theme, a config and the given content files.
    static func makeSite(_ content: [String: String], search: Bool = false) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("herald-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("templates"), to: root.appendingPathComponent("templates"))
        let config = TestConfig.text(extra: "search: \(search)\n")
        try config.write(to: root.appendingPathComponent("herald.yml"), atomically: true, encoding: .utf8)
        var files = content
        if files["_index.md"] == nil { files["_index.md"] = "---\ntitle: Home\ndescription: The home page\n---\nWelcome to the site.\n" }
        for (path, text) in files {
            let url = root.appendingPathComponent("content").appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return root
    }

    /// Every file under `folder`, relative path → bytes.
    static func snapshot(_ folder: URL) -> [String: Data] {
        var result: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return result }
        for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            result[String(url.path.dropFirst(folder.path.count + 1))] = try? Data(contentsOf: url)
        }
        return result
    }
}
