import Foundation
import TestSupport
import Testing

/// Two builds of the same input give byte-identical `public/` trees, whatever order the files
/// were created in, whatever their modification times, time zone or locale, and wherever the
/// site folder is.
@Suite struct ReliabilityDeterminismTests {
    static let config = """
    title: Test Commissioner
    base_url: https://example.gov.uk
    language: en-GB
    organisation:
      name: Office of the Test Commissioner
      email: office@example.gov.uk
      phone: 0300 123 4567
    navigation:
      - { title: Report a crime, url: /report/ }
      - { title: Decisions, url: /decisions/ }
      - { title: News, url: /news/ }
    footer:
      - { title: Accessibility statement, url: /accessibility/ }

    """

    /// A site with every kind of output: sections, guides, news, decisions, a toolkit with a
    /// document, an image, aliases, names with spaces and accents, tables and callouts.
    static var files: [String: Data] {
        var text: [String: String] = [
            "herald.yml": config,
            "content/_index.md": "---\ntitle: Home\ndescription: The home page\n---\nWelcome to the site.\n",
            "content/accessibility.md": "---\ntitle: Accessibility statement\ndescription: How accessible this site is\n---\n## Compliance status\n\n{{accessibility.compliance}}\n\n## Problems\n\n{{accessibility.issues}}\n\n## Testing\n\n{{accessibility.last_tested}}\n",
            "content/report/_index.md": "---\ntitle: Report a crime\ndescription: Ways to report\n---\nThere are several ways to report a crime.\n",
            "content/report/Hate Crime (Guide).md": """
            ---
            title: Report hate crime
            description: How to report hate crime
            kind: guide
            updated: 2024-03-01
            aliases: [/hate-crime/]
            ---
            ## Online

            Use the [form on the report page](_index.md).

            Table: Ways to report

            | Way | When |
            | --- | --- |
            | Phone | Any time |
            | Online | Any time |

            ```warning
            Call 999 in an emergency.
            ```

            ## By phone

            Call 101.

            ## In person

            Go to a police station.

            ![A map of the station](<Map é.png>)
            """,
            "content/news/_index.md": "---\ntitle: News\ndescription: News from the office\n---\nThe latest news.\n",
            "content/decisions/_index.md": "---\ntitle: Decisions\ndescription: Decisions the commissioner made\n---\nEvery decision.\n",
            "content/toolkit/_index.md": "---\ntitle: Toolkit\ndescription: Material for community leaders\nkind: toolkit\nresources:\n  - { title: The leaflet, file: leaflet.pdf }\n---\nThe toolkit.\n",
            "content/Über uns.md": "---\ntitle: About us\ndescription: Who we are\n---\nWe are the office.\n",
        ]
        for n in 1...12 {
            text["content/news/story-\(n).md"] = "---\ntitle: Story number \(n)\ndescription: A story\nkind: news\ndate: 2024-0\(1 + n % 9)-1\(n % 10)\nsummary: What happened in story \(n).\n---\nThe story.\n"
            text["content/decisions/2024-0\(n < 10 ? "0" : "")\(n).md"] = """
            ---
            title: Grant number \(n)
            description: A grant to a local charity
            kind: decision
            number: 2024-0\(n < 10 ? "0" : "")\(n)
            date: 2024-0\(1 + n % 9)-0\(1 + n % 9)
            decision_maker: The Commissioner
            meeting: Business board
            status: approved
            category: Grants
            summary: A grant of money to charity \(n).
            financial_implications: £\(n * 1000) from the grants budget.
            confidential: false
            ---
            The decision.
            """
        }
        for s in 0..<6 {
            text["content/section-\(s)/_index.md"] = "---\ntitle: Section \(s)\ndescription: Pages about topic \(s)\n---\nThis section holds the pages about topic \(s).\n"
            for p in 0..<8 {
                text["content/section-\(s)/page-\(p).md"] = "---\ntitle: Page \(p) of section \(s)\ndescription: Help with topic \(s)\n---\n## What to do\n\nCall us about topic \(s), part \(p).\n"
            }
        }
        var files = text.mapValues { Data($0.utf8) }
        files["content/report/Map é.png"] = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + (0..<200).map { UInt8($0) })
        files["content/toolkit/leaflet.pdf"] = Data("%PDF-1.4\n".utf8) + Data(repeating: 0x41, count: 3000)
        return files
    }

    /// Writes the site into a new folder, files in the given order, each with its own mtime.
    static func makeSite(order: [String], modified: (Int) -> Date) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("herald-determinism-\(UUID().uuidString)")
        let manager = FileManager.default
        try manager.createDirectory(at: root, withIntermediateDirectories: true)
        try manager.copyItem(at: HeraldProcess.packageRoot.appendingPathComponent("templates"), to: root.appendingPathComponent("templates"))
        let files = Self.files
        for (index, path) in order.enumerated() {
            let url = root.appendingPathComponent(path)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try files[path]!.write(to: url)
            try manager.setAttributes([.modificationDate: modified(index)], ofItemAtPath: url.path)
        }
        return root
    }

    @Test func creationOrderTimesZoneAndLocaleDoNotChangeAByte() async throws {
        let paths = Self.files.keys.sorted()
        let first = try Self.makeSite(order: paths) { Date(timeIntervalSince1970: 1_600_000_000 + Double($0) * 60) }
        defer { try? FileManager.default.removeItem(at: first) }
        var random = SplitMix64(seed: 42)
        let second = try Self.makeSite(order: paths.reversed()) { _ in Date(timeIntervalSince1970: 1_700_000_000 + Double(random.next() % 10_000_000)) }
        defer { try? FileManager.default.removeItem(at: second) }

        let one = try await HeraldRun.run(["build"], in: first, environment: ["TZ": "UTC", "LC_ALL": "C"])
        #expect(one.status == 0, "\(one.standardError)")
        let two = try await HeraldRun.run(["build"], in: second, environment: ["TZ": "Pacific/Kiritimati", "LC_ALL": "de_DE.UTF-8", "LANG": "tr_TR.UTF-8"])
        #expect(two.status == 0, "\(two.standardError)")

        let a = HeraldProcess.snapshot(first.appendingPathComponent("public"))
        let b = HeraldProcess.snapshot(second.appendingPathComponent("public"))
        #expect(a.count > 100)
        #expect(a.keys.sorted() == b.keys.sorted())
        let differing = a.keys.filter { a[$0] != b[$0] }.sorted()
        #expect(differing.isEmpty, "files that differ: \(differing.prefix(10))")
        #expect(a.keys.contains("uber-uns/index.html") && a.keys.contains("report/map-e.png") && a.keys.contains("hate-crime/index.html"))
        let pages = a.keys.filter { $0.hasSuffix("index.html") }.count
        print("determinism: \(a.count) files (\(pages) index.html pages), \(a.count - differing.count) byte-identical across creation order, mtimes, time zone and locale")
    }

    /// The same folder built again from scratch, on every core at once, gives the same bytes:
    /// nothing depends on which page finished first.
    @Test func aCleanRebuildGivesTheSameBytes() async throws {
        let root = try Self.makeSite(order: Self.files.keys.sorted()) { Date(timeIntervalSince1970: 1_600_000_000 + Double($0)) }
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try await HeraldRun.run(["build"], in: root)
        #expect(first.status == 0, "\(first.standardError)")
        let before = HeraldProcess.snapshot(root.appendingPathComponent("public"))
        for _ in 0..<2 {
            let again = try await HeraldRun.run(["build", "--clean"], in: root)
            #expect(again.status == 0, "\(again.standardError)")
            #expect(HeraldProcess.snapshot(root.appendingPathComponent("public")) == before)
        }
    }
}
