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

    @Test func unknownKindIsAUsageError() throws {
        let result = try HeraldProcess.run(["new", "blog", "Title"], in: FileManager.default.temporaryDirectory)
        #expect(result.status == 2)
    }
}
