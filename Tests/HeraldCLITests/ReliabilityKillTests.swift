import Foundation
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `herald build` killed with SIGKILL at random moments: `public/` is always exactly the
/// complete old site or the complete new one, and the next build clears what a killed one left.
@Suite(.serialized) struct ReliabilityKillTests {
    static let sections = 8
    static let pagesPerSection = 20

    /// Two versions of a site of 169 pages. B rewrites the text of every third page, so a build
    /// after a build of A takes the other pages from A's output as hard links; a build after a
    /// killed one that had already published builds every page.
    static func content(_ version: Character) -> [String: String] {
        var files = ["_index.md": "---\ntitle: Home\ndescription: The home page\n---\nWelcome to the site.\n"]
        for s in 0..<sections {
            files["section-\(s)/_index.md"] = "---\ntitle: Section \(s)\ndescription: Pages about topic \(s)\n---\nThis section holds the pages about topic \(s).\n"
            for p in 0..<pagesPerSection {
                var body = "## What to do\n\nCall us if you need help with topic \(s). We can talk to you about part \(p).\n\n## Who we are\n\nWe are the office of the commissioner. Read the [section page](_index.md).\n"
                if version == "B" && p % 3 == 0 { body += "\nThis page was changed in version B.\n" }
                files["section-\(s)/page-\(p).md"] = "---\ntitle: Page \(p) of section \(s)\ndescription: Help with topic \(s), part \(p)\n---\n\(body)"
            }
        }
        return files
    }

    /// Moves one version's content folder into place, stashing the one that was there.
    struct Versions {
        let site: ScratchSite
        var active: Character = "A"

        init(site: ScratchSite) throws {
            self.site = site
            for (path, text) in ReliabilityKillTests.content("B") { try site.write(text, to: "versions/B/\(path)") }
        }

        mutating func activate(_ version: Character) throws {
            guard version != active else { return }
            let manager = FileManager.default
            try manager.moveItem(at: site.url("content"), to: site.url("versions/\(active)"))
            try manager.moveItem(at: site.url("versions/\(version)"), to: site.url("content"))
            active = version
        }
    }

    @Test func sigkillAtRandomMomentsLeavesTheOldSiteOrTheNewOne() async throws {
        let started = Date()
        let site = try ScratchSite(Self.content("A"))
        defer { site.destroy() }
        var versions = try Versions(site: site)

        // The complete sites, each from a clean build: what `public/` may ever hold.
        var snapshots: [Character: [String: Data]] = [:]
        var buildSeconds = Double.infinity
        for version in ["B", "A"] as [Character] {
            try versions.activate(version)
            let run = try await site.build(["--clean"])
            #expect(run.status == 0, "\(run.standardError)")
            snapshots[version] = HeraldProcess.snapshot(site.public_)
        }
        #expect(snapshots["A"]!.count > 170)
        #expect(snapshots["A"] != snapshots["B"])

        // Bounded: 30 kills or about 60 s, whichever comes first, but at least 10 kills.
        var random = SplitMix64(seed: 0x4845_5241_4C44)
        let deadline = started.addingTimeInterval(55)
        let hardDeadline = started.addingTimeInterval(100)
        var kills = 0, midBuild = 0, oldKept = 0, newPublished = 0, leftoversSeen = 0, finishedBeforeKill = 0, completed = 0
        let log = site.url("kill-log")
        var round = 0
        while (kills < 30 && Date() < deadline) || (kills < 10 && Date() < hardDeadline) {
            round += 1
            // Whatever public/ holds now must be one complete version.
            let current = HeraldProcess.snapshot(site.public_)
            let holding = snapshots.first { $0.value == current }?.key
            #expect(holding != nil, "after \(kills) kills public/ is no complete version (\(current.count) files)")
            guard let holding else { break }
            let target: Character = holding == "A" ? "B" : "A"
            try versions.activate(target)

            // Every fourth round, the first included, the build runs to the end: it must publish
            // the whole new site, and the quickest such build sets the kill window (an incremental
            // build takes less than the clean builds above; under a changing load the quickest
            // keeps most kills inside a build).
            if round % 4 == 1 {
                let run = try await site.build()
                #expect(run.status == 0, "\(run.standardError)")
                #expect(HeraldProcess.snapshot(site.public_) == snapshots[target], "an uninterrupted build did not publish version \(target)")
                buildSeconds = min(buildSeconds, run.seconds)
                completed += 1
                continue
            }

            let delay = Double(random.next() % 1_000_000) / 1_000_000 * buildSeconds * 1.05
            let process = try HeraldRun.start(["build"], in: site.root, log: log)
            try await Task.sleep(nanoseconds: UInt64(delay * 1_000_000_000))
            let wasRunning = process.isRunning
            kill(process.processIdentifier, SIGKILL)
            await HeraldRun.exit(of: process)
            kills += 1
            if wasRunning && process.terminationReason == .uncaughtSignal {
                midBuild += 1
            } else {
                finishedBeforeKill += 1
                #expect(process.terminationStatus == 0, "a build that was not killed failed: \((try? String(contentsOfFile: log.path + ".err", encoding: .utf8)) ?? "")")
            }
            if !site.leftovers.isEmpty { leftoversSeen += 1 }

            let after = HeraldProcess.snapshot(site.public_)
            if after == snapshots[holding] {
                oldKept += 1
            } else if after == snapshots[target] {
                newPublished += 1
            } else {
                let expected = snapshots[target]!
                let differing = Set(after.keys).symmetricDifference(expected.keys).union(after.keys.filter { expected[$0] != nil && expected[$0] != after[$0] })
                Issue.record("kill \(kills) after \(String(format: "%.3f", delay)) s: public/ is neither version \(holding) nor \(target); \(after.count) files, differing from \(target): \(differing.sorted().prefix(10))")
                break
            }
        }

        // A normal build finishes the job and clears every staging folder a kill left.
        let final = try await site.build()
        #expect(final.status == 0, "\(final.standardError)")
        #expect(HeraldProcess.snapshot(site.public_) == snapshots[versions.active])
        #expect(site.leftovers.isEmpty, "\(site.leftovers)")

        print("kill test: \(kills) SIGKILLs, \(midBuild) mid-build (\(finishedBeforeKill) builds had finished first); public/ kept the old site \(oldKept) times and held the complete new one \(newPublished) times; staging folders left \(leftoversSeen) times, all cleared by the next build; \(completed) uninterrupted builds published the new site; \(snapshots["A"]!.count) files; \(String(format: "%.0f", Date().timeIntervalSince(started))) s")
        #expect(kills >= 10)
        #expect(midBuild >= 5, "too few kills landed during a build to prove anything")
    }

    /// What a killed build left is cleared by the next build, even one that finds nothing to
    /// rebuild (a killed `--clean` build followed by a plain one).
    @Test func aLeftoverStagingFolderIsClearedByTheNextBuildEvenWhenNothingChanged() async throws {
        let site = try ScratchSite(["a.md": "---\ntitle: A page\ndescription: A page\n---\nText.\n"])
        defer { site.destroy() }
        #expect(try await site.build().status == 0)
        let before = HeraldProcess.snapshot(site.public_)
        try site.write("half a page", to: "public.herald-staging-99999/a/index.html")
        #expect(site.leftovers == ["public.herald-staging-99999"])
        let again = try await site.build()
        #expect(again.status == 0, "\(again.standardError)")
        #expect(again.standardError.contains("nothing changed"))
        #expect(site.leftovers.isEmpty, "\(site.leftovers)")
        #expect(HeraldProcess.snapshot(site.public_) == before)
    }
}
