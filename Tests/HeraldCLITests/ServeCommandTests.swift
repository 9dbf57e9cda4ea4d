import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// `herald serve` end to end, with the real binary, builder and watcher (the preview's own
/// tests use a stand-in builder): a saved edit reaches the browser, a broken page shows the
/// error page and comes back when fixed, a front matter edit reaches the pages that show it,
/// and Ctrl-C stops it.
@Suite(.serialized) struct ServeCommandTests {
    let online = "---\ntitle: Report online\ndescription: The online form\n---\n## Online form\n\nUse the form.\n"

    func fetch(_ port: Int, _ path: String) async throws -> (status: Int, body: String) {
        let session = URLSession(configuration: .ephemeral)
        let (data, response) = try await session.data(from: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    /// Asks until the page satisfies `condition`, for up to 20 seconds (the first build of a
    /// debug binary beside other tests is slow; a rebuild after a save is not).
    func eventually(_ port: Int, _ path: String, _ condition: (Int, String) -> Bool) async throws -> Bool {
        for _ in 0..<200 {
            if let (status, body) = try? await fetch(port, path), condition(status, body) { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return false
    }

    func errorLog(_ log: URL) -> String { (try? String(contentsOfFile: log.path + ".err", encoding: .utf8)) ?? "" }

    @Test func aSavedEditReachesThePreviewAndAnErrorComesAndGoes() async throws {
        let site = try ScratchSite(["report/_index.md": "---\ntitle: Report a crime\ndescription: Ways to report\n---\nWays to report.\n",
                                    "report/online.md": online])
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("herald-serve-\(UUID().uuidString)")
        let process = try HeraldRun.start(["serve", "--port", "0"], in: site.root, log: log)
        defer {
            if process.isRunning { process.terminate() }
            try? FileManager.default.removeItem(atPath: log.path + ".out")
            try? FileManager.default.removeItem(atPath: log.path + ".err")
            try? FileManager.default.removeItem(at: site.root)
        }
        // The port it chose, from "Previewing at http://127.0.0.1:PORT/".
        var port = 0
        for _ in 0..<300 where port == 0 {
            if let range = errorLog(log).range(of: #"127\.0\.0\.1:[0-9]+/"#, options: .regularExpression) {
                port = Int(errorLog(log)[range].dropFirst("127.0.0.1:".count).dropLast()) ?? 0
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        try #require(port > 0, "no address in: \(errorLog(log))")
        #expect(try await eventually(port, "/report/online/") { $0 == 200 && $1.contains("Use the form.") })

        // A saved edit of the text.
        try site.write(online.replacingOccurrences(of: "Use the form.", with: "Use the new form."), to: "content/report/online.md")
        #expect(try await eventually(port, "/report/online/") { $0 == 200 && $1.contains("Use the new form.") })

        // A link to a heading that is not there: the error page names the file; fixed, the page is back.
        try site.write(online + "\nSee [the details](online.md#details).\n", to: "content/report/online.md")
        #expect(try await eventually(port, "/report/online/") { _, body in
            body.contains("content/report/online.md") && body.contains("has no heading with the id &#39;details&#39;")
        })
        try site.write(online + "\nSee [the form](online.md#online-form).\n", to: "content/report/online.md")
        #expect(try await eventually(port, "/report/online/") { $0 == 200 && $1.contains("See <a href=\"/report/online/#online-form\"") })

        // A front matter edit reaches the section that lists the page.
        try site.write(online.replacingOccurrences(of: "title: Report online", with: "title: Report a crime online"),
                       to: "content/report/online.md")
        #expect(try await eventually(port, "/report/") { $0 == 200 && $1.contains("Report a crime online") })

        // Ctrl-C stops it cleanly.
        kill(process.processIdentifier, SIGINT)
        await HeraldRun.exit(of: process)
        #expect(process.terminationStatus == 0, "\(errorLog(log))")
        #expect(errorLog(log).contains("Stopping"))
    }
}
