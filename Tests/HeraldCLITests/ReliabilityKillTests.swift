import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `herald build` killed with SIGKILL at random moments: `public/` is always exactly the
/// complete old site or the complete new one, and the next build clears what a killed one left.
@Suite(.serialized) struct ReliabilityKillTests {
    static let sections = 8
    static let pagesPerSection = 24

    /// Three versions of a site of about two hundred pages: B rewrites the text of every third
    /// page (an incremental build reuses the rest as hard links), C renames, adds and removes
    /// pages (a full build).
    static func content(_ version: Character) -> [String: String] {
        var files: [String: String] = [:]
        for s in 0..<sections {
            files["section-\(s)/_index.md"] = "---\ntitle: Section \(s)\ndescription: Pages about topic \(s)\n---\nThis section holds the pages about topic \(s).\n"
            for p in 0..<pagesPerSection {
                if version == "C" && p % 5 == 4 { continue }
                let title = version == "C" && p % 7 == 0 ? "Page \(p) of section \(s), renamed" : "Page \(p) of section \(s)"
                var body = "## What to do\n\nCall us if you need help with topic \(s). We can talk to you about part \(p).\n\n## Who we are\n\nWe are the office of the commissioner. Read the [section page](_index.md).\n"
                if version == "B" && p % 3 == 0 { body += "\nThis page was changed in version B.\n" }
                files["section-\(s)/page-\(p).md"] = "---\ntitle: \(title)\ndescription: Help with topic \(s), part \(p)\n---\n\(body)"
            }
            if version == "C" {
                files["section-\(s)/new-page.md"] = "---\ntitle: New page in section \(s)\ndescription: Added in version C\n---\nThis page is new.\n"
            }
        }
        return files
    }

    /// Moves one version's content folder into place, stashing the one that was there.
    struct Versions {
        let site: ScratchSite
        var active: Character

        init(site: ScratchSite) throws {
            self.site = site
            active = "A"
            for version in ["B", "C"] as [Character] {
                for (path, text) in ReliabilityKillTests.content(version) { try site.write(text, to: "versions/\(version)/\(path)") }
            }
        }

        mutating func activate(_ version: Character) throws {
            guard version != active else { return }
            let manager = FileManager.default
            try manager.moveItem(at: site.url("content"), to: site.url("versions/\(active)"))
            try manager.moveItem(at: site.url("versions/\(version)"), to: site.url("content"))
            active = version
        }
    }

    @Test func sigkillAtRandomMomentsLeavesTheOldSiteOrTheNewOne() throws {
        var content = Self.content("A")
        content["_index.md"] = "---\ntitle: Home\ndescription: The home page\n---\nWelcome to the site.\n"
        let started = Date()
        let site = try ScratchSite(content)
        defer { site.destroy() }
        var versions = try Versions(site: site)

        // The complete sites, each from a clean build: what `public/` may ever hold.
        var snapshots: [Character: [String: Data]] = [:]
        var fullBuildSeconds = 0.0
        for version in ["B", "C", "A"] as [Character] {
            try versions.activate(version)
            let run = try site.build(["--clean"])
            #expect(run.status == 0, "\(run.standardError)")
            snapshots[version] = HeraldProcess.snapshot(site.public_)
            fullBuildSeconds = max(fullBuildSeconds, run.seconds)
        }
        #expect(snapshots["A"]!.count > 200)
        #expect(snapshots["A"] != snapshots["B"] && snapshots["B"] != snapshots["C"] && snapshots["A"] != snapshots["C"], "the three versions must differ")

        var random = SplitMix64(state: 0x4845_5241_4C44)
        // Bounded: about 50 s in all, the final build included, whatever the machine's speed.
        let deadline = started.addingTimeInterval(50 - fullBuildSeconds)
        var kills = 0, midBuild = 0, oldKept = 0, newPublished = 0, leftoversSeen = 0, finishedBeforeKill = 0
        let log = site.url("kill-log")
        while kills < 30 && Date() < deadline {
            // Whatever public/ holds now must be one complete version.
            let current = HeraldProcess.snapshot(site.public_)
            let holding = snapshots.first { $0.value == current }?.key
            #expect(holding != nil, "after \(kills) kills public/ is no complete version (\(current.count) files)")
            guard let holding else { break }
            let targets = (["A", "B", "C"] as [Character]).filter { $0 != holding }
            let target = targets[Int(random.next() % UInt64(targets.count))]
            try versions.activate(target)

            let delay = Double(random.next() % 1_000_000) / 1_000_000 * fullBuildSeconds * 1.1
            let process = try HeraldRun.start(["build"], in: site.root, log: log)
            Thread.sleep(forTimeInterval: delay)
            let wasRunning = process.isRunning
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
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
        let final = try site.build()
        #expect(final.status == 0, "\(final.standardError)")
        #expect(HeraldProcess.snapshot(site.public_) == snapshots[versions.active])
        #expect(site.leftovers.isEmpty, "\(site.leftovers)")

        print("kill test: \(kills) SIGKILLs, \(midBuild) mid-build (\(finishedBeforeKill) builds had finished), public/ kept the old site \(oldKept) times and held the new one \(newPublished) times, staging folders left \(leftoversSeen) times and cleared by the next build; full build \(String(format: "%.2f", fullBuildSeconds)) s, \(snapshots["A"]!.count) files")
        #expect(kills >= 10)
        #expect(midBuild >= 5, "too few kills landed during a build to prove anything")
    }

    /// What a killed build left is cleared by the next build, even one that finds nothing to
    /// rebuild (a killed `--clean` build followed by a plain one).
    @Test func aLeftoverStagingFolderIsClearedByTheNextBuildEvenWhenNothingChanged() throws {
        let site = try ScratchSite(["a.md": "---\ntitle: A page\ndescription: A page\n---\nText.\n"])
        defer { site.destroy() }
        #expect(try site.build().status == 0)
        let before = HeraldProcess.snapshot(site.public_)
        try site.write("half a page", to: "public.herald-staging-99999/a/index.html")
        #expect(site.leftovers == ["public.herald-staging-99999"])
        let again = try site.build()
        #expect(again.status == 0, "\(again.standardError)")
        #expect(again.standardError.contains("nothing changed"))
        #expect(site.leftovers.isEmpty, "\(site.leftovers)")
        #expect(HeraldProcess.snapshot(site.public_) == before)
    }
}
