import Foundation
import Testing

@Suite(.serialized) struct CommandLineTests {
    let page = "---\ntitle: Report a crime\ndescription: Ways to report\n---\nThere are several ways to report a crime.\n"

    @Test func buildWritesTheSiteAndSummarises() throws {
        let site = try HeraldProcess.makeSite(["report/_index.md": page])
        defer { try? FileManager.default.removeItem(at: site) }
        let result = try HeraldProcess.run(["build"], in: site)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("Built 3 pages in"))
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("public/report/index.html").path))
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("public/.herald-manifest.json").path))
    }

    @Test func contentErrorExitsOneAndKeepsThePreviousSite() throws {
        let site = try HeraldProcess.makeSite(["report/_index.md": page])
        defer { try? FileManager.default.removeItem(at: site) }
        try HeraldProcess.run(["build"], in: site)
        let before = HeraldProcess.snapshot(site.appendingPathComponent("public"))
        #expect(!before.isEmpty)
        try "---\ntitle: Report\ndescription: a: b\n---\nText.\n".write(to: site.appendingPathComponent("content/report/_index.md"), atomically: true, encoding: .utf8)
        let result = try HeraldProcess.run(["build"], in: site)
        #expect(result.status == 1)
        #expect(result.standardError.contains("content/report/_index.md:3:15: error: YAML mapping values are not allowed in this context"))
        #expect(result.standardError.contains("3 | description: a: b"))
        #expect(HeraldProcess.snapshot(site.appendingPathComponent("public")) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.path).filter { $0.contains("herald-staging") }
        #expect(leftovers.isEmpty)
    }

    @Test func everyFrontMatterMistakeIsPrintedAndCountedOnce() throws {
        // Every missing field is reported at the front matter's first line: each must show.
        let site = try HeraldProcess.makeSite(["decisions/a.md": "---\nkind: decision\n---\nText.\n"])
        defer { try? FileManager.default.removeItem(at: site) }
        let result = try HeraldProcess.run(["build"], in: site)
        #expect(result.status == 1)
        let printed = result.standardError.components(separatedBy: "\n").filter { $0.contains(": error: ") }
        #expect(printed.count > 1, "\(result.standardError)")
        #expect(Set(printed).count == printed.count)
        #expect(result.standardError.contains(": \(printed.count) errors, 0 warnings; nothing was written"), "\(result.standardError)")
    }

    @Test func aNewPageWithItsTextLeftAsScaffoldedStopsAStrictBuild() throws {
        let site = try HeraldProcess.makeSite([:])
        defer { try? FileManager.default.removeItem(at: site) }
        let made = try HeraldProcess.run(["new", "guide", "Report a crime"], in: site)
        let file = site.appendingPathComponent(made.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines))
        // The author fills in the front matter and forgets the text.
        let filled = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n").map { line in
            line.contains(": \"TODO") ? String(line.prefix { $0 != ":" }) + ": \"Filled in\"" : line
        }
        try filled.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        let result = try HeraldProcess.run(["build", "--strict"], in: site)
        #expect(result.status == 1)
        let placeholders = result.standardError.components(separatedBy: "\n").filter { $0.hasSuffix("warning: a `TODO` placeholder is still here") }
        #expect(placeholders.count == 2, "\(result.standardError)")
    }

    /// Run from content/, each command names the site's folder and the `--site` that reaches it.
    @Test(arguments: ["build", "check"])
    func aCommandRunInsideTheSiteSaysWhereTheSiteIs(_ command: String) throws {
        let site = try HeraldProcess.makeSite(["report/_index.md": page])
        defer { try? FileManager.default.removeItem(at: site) }
        let content = site.appendingPathComponent("content")
        let result = try HeraldProcess.run([command], in: content)
        #expect(result.status == 2)
        #expect(result.standardError.contains("error: there is no herald.yml in \(content.path)"), "\(result.standardError)")
        #expect(result.standardError.contains("add --site .."))
        #expect(!FileManager.default.fileExists(atPath: content.appendingPathComponent("public").path))
        #expect(try HeraldProcess.run([command, "--site", ".."], in: content).status == 0)
    }

    @Test func thePreviewRunInsideTheSiteSaysWhereTheSiteIsAndStops() throws {
        let site = try HeraldProcess.makeSite([:])
        defer { try? FileManager.default.removeItem(at: site) }
        let process = Process()
        // Without the check the preview would serve an error page until stopped: 20 s, then exit 124.
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = ["20", HeraldProcess.executable.path, "serve", "--port", "0"]
        process.currentDirectoryURL = site.appendingPathComponent("content")
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2, "\(text)")
        #expect(text.contains("there is no herald.yml in") && text.contains("add --site .."), "\(text)")
    }

    @Test func missingConfigExitsTwo() throws {
        let site = try HeraldProcess.makeSite([:])
        defer { try? FileManager.default.removeItem(at: site) }
        try FileManager.default.removeItem(at: site.appendingPathComponent("herald.yml"))
        let result = try HeraldProcess.run(["build"], in: site)
        #expect(result.status == 2)
        #expect(result.standardError.contains("there is no herald.yml"))
    }

    /// Checked as herald.yml's base_url is: it used to exit 0 with `<loc>notaurl/</loc>` in the sitemap.
    @Test func aBaseURLThatIsNotAWebAddressExitsTwo() throws {
        let site = try HeraldProcess.makeSite(["report/_index.md": page])
        defer { try? FileManager.default.removeItem(at: site) }
        let result = try HeraldProcess.run(["build", "--base-url", "notaurl"], in: site)
        #expect(result.status == 2)
        #expect(result.standardError.contains("""
            error: --base-url 'notaurl' is not an absolute http(s) address
            hint: Give the full address the site is published at, e.g. `--base-url https://staging.example.gov.uk`.
            """), "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("public").path))

        let good = try HeraldProcess.run(["build", "--base-url", "https://staging.example.gov.uk"], in: site)
        #expect(good.status == 0, "\(good.standardError)")
        let sitemap = try String(contentsOf: site.appendingPathComponent("public/sitemap.xml"), encoding: .utf8)
        #expect(sitemap.contains("<loc>https://staging.example.gov.uk/report/</loc>"))
    }

    /// A broken link on every page, as a broken link in a page is: exit status 1, at its line.
    @Test func aMenuLinkToNoPageFailsTheBuild() throws {
        let site = try HeraldProcess.makeSite(["report/_index.md": page])
        defer { try? FileManager.default.removeItem(at: site) }
        let configURL = site.appendingPathComponent("herald.yml")
        let config = try String(contentsOf: configURL, encoding: .utf8)
        try config.replacingOccurrences(of: "url: /a-to-z/", with: "url: /events/").write(to: configURL, atomically: true, encoding: .utf8)
        let result = try HeraldProcess.run(["build", "--strict"], in: site)
        #expect(result.status == 1)
        #expect(result.standardError.contains("""
            herald.yml:7:27: error: '/events/' in the navigation goes to no page on this site: every page would carry a broken link
            7 |   - { title: A to Z, url: /events/ }
            """), "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("public").path))

        try config.replacingOccurrences(of: "url: /a-to-z/", with: "url: /report/").write(to: configURL, atomically: true, encoding: .utf8)
        let fixed = try HeraldProcess.run(["build", "--strict"], in: site)
        #expect(fixed.status == 0, "\(fixed.standardError)")
    }

    @Test func usageMistakeExitsTwo() throws {
        let result = try HeraldProcess.run(["build", "--no-such-option"], in: FileManager.default.temporaryDirectory)
        #expect(result.status == 2)
        #expect(result.standardError.contains("--no-such-option"))
    }

    @Test func checkWritesNothing() throws {
        let site = try HeraldProcess.makeSite(["report/_index.md": page])
        defer { try? FileManager.default.removeItem(at: site) }
        let result = try HeraldProcess.run(["check"], in: site)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("Checked 3 pages"))
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("public").path))
    }

    @Test func jsonFormatIsMachineReadable() throws {
        let site = try HeraldProcess.makeSite(["a.md": "---\ntitle: A\ndescription: d\n---\n[click here](_index.md)\n"])
        defer { try? FileManager.default.removeItem(at: site) }
        let result = try HeraldProcess.run(["check", "--format", "json"], in: site)
        let json = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8))
        #expect(json is [String: Any] || json is [Any])
        #expect(result.standardOutput.contains("content/a.md"))
    }

    @Test func githubFormatWritesAnnotations() throws {
        let site = try HeraldProcess.makeSite(["a.md": "---\ntitle: A\ndescription: d\n---\n[click here](_index.md)\n"])
        defer { try? FileManager.default.removeItem(at: site) }
        let result = try HeraldProcess.run(["check", "--format", "github"], in: site)
        #expect(result.standardOutput.contains("file=content/a.md,line=5"))
    }
}
