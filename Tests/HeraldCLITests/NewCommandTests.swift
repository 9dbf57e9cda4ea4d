import Foundation
import Testing

@Suite(.serialized) struct NewCommandTests {
    @Test(arguments: ["page", "guide", "toolkit", "strategy", "decision", "news"])
    func createsAPageOfEveryKind(kind: String) throws {
        let site = try HeraldProcess.makeSite([:])
        defer { try? FileManager.default.removeItem(at: site) }
        let result = try HeraldProcess.run(["new", kind, "Safer Streets bids"], in: site)
        #expect(result.status == 0, "\(result.standardError)")
        let path = result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(path.hasSuffix(".md"))
        let text = try String(contentsOf: site.appendingPathComponent(path), encoding: .utf8)
        #expect(text.contains("title: \"Safer Streets bids\""))
        if kind != "page" { #expect(text.contains("kind: \(kind)")) }
    }

    @Test func decisionGetsTheNextFreeNumberAndNeverOverwrites() throws {
        let site = try HeraldProcess.makeSite([:])
        defer { try? FileManager.default.removeItem(at: site) }
        let first = try HeraldProcess.run(["new", "decision", "DriveIQ"], in: site)
        #expect(first.standardOutput.contains("content/decisions/2026-001-driveiq.md"))
        let second = try HeraldProcess.run(["new", "decision", "Watch coordinator"], in: site)
        #expect(second.standardOutput.contains("content/decisions/2026-002-watch-coordinator.md"))
        let page = try HeraldProcess.run(["new", "page", "About"], in: site)
        #expect(page.status == 0)
        let again = try HeraldProcess.run(["new", "page", "About"], in: site)
        #expect(again.status == 1)
        #expect(again.standardError.contains("already exists"))
    }

    /// Run from content/, it used to write content/content/report/…, exit 0: a page the site never sees.
    @Test func refusesAFolderWithoutTheSiteConfigAndPointsToTheSite() throws {
        let site = try HeraldProcess.makeSite([:])
        defer { try? FileManager.default.removeItem(at: site) }
        let content = site.appendingPathComponent("content")
        let result = try HeraldProcess.run(["new", "guide", "Report fraud"], in: content)
        #expect(result.status == 2)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError == """
            error: there is no herald.yml in \(content.path); nothing was written
            hint: The site is in \(site.path): run Herald there, or add --site ...

            """)
        #expect(!FileManager.default.fileExists(atPath: content.appendingPathComponent("content").path))

        // What the hint says works.
        let followed = try HeraldProcess.run(["new", "guide", "Report fraud", "--site", ".."], in: content)
        #expect(followed.status == 0, "\(followed.standardError)")
        #expect(FileManager.default.fileExists(atPath: content.appendingPathComponent("report/report-fraud.md").path))
    }

    @Test func refusesAFolderWithNoSiteAboveIt() throws {
        let elsewhere = FileManager.default.temporaryDirectory.appendingPathComponent("herald-nosite-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        let result = try HeraldProcess.run(["new", "page", "About", "--site", "somewhere"], in: elsewhere)
        #expect(result.status == 2)
        #expect(result.standardError == """
            error: there is no herald.yml in \(elsewhere.path)/somewhere; nothing was written
            hint: Run Herald in the site's folder, the one holding herald.yml and content/, or name it with --site DIR.

            """)
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty)
    }

    @Test func unknownKindIsAUsageError() throws {
        let result = try HeraldProcess.run(["new", "blog", "Title"], in: FileManager.default.temporaryDirectory)
        #expect(result.status == 2)
    }
}
