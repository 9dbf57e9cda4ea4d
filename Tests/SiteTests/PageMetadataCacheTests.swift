import Content
import Core
import Foundation
import Testing
@testable import Site

/// A page's checked front matter is kept in the build cache and taken back while its YAML is
/// unchanged: every field must come back as it went in, and a changed YAML must be read again.
@Suite(.serialized) struct PageMetadataCacheTests {
    static func everyField() -> PageMetadata {
        let at = SourceLocation(file: "content/decisions/2023-014.md", line: 2, column: 1)
        var metadata = PageMetadata(title: "Funding for the Safer Streets – round 4", kind: .decision, location: at)
        metadata.description = "What was decided, and why."
        metadata.date = Day(year: 2023, month: 3, day: 15)
        metadata.updated = Day(year: 2023, month: 4, day: 1)
        metadata.draft = true
        metadata.publishDate = Day(year: 2023, month: 3, day: 16)
        metadata.slug = "safer-streets-4"
        metadata.slugLocation = SourceLocation(file: at.file, line: 7, column: 7)
        metadata.weight = -3
        metadata.aliases = [Located("/old/safer-streets/", at: SourceLocation(file: at.file, line: 9, column: 5))]
        metadata.lang = "cy"
        metadata.exitThisPage = true
        metadata.related = [Located("../report/online.md", at: SourceLocation(file: at.file, line: 11, column: 5))]
        metadata.contents = false
        metadata.lintIgnore = ["link-text": "the partner's wording", "heading-order": "a quoted letter"]
        metadata.lintIgnoreLocations = ["link-text": SourceLocation(file: at.file, line: 13, column: 3)]
        let paper = Attachment(title: "Panel report", file: "panel report.pdf", url: nil, location: SourceLocation(file: at.file, line: 20, column: 5))
        metadata.resources = [paper, Attachment(title: "Elsewhere", url: "https://example.org/a", location: at)]
        metadata.period = "2021 to 2024"
        metadata.themes = ["Victims", "Safer streets"]
        metadata.decision = DecisionFields(number: "2023-014", year: 2023, sequence: 14, decisionMaker: "The Commissioner",
                                           meeting: "Business Coordination Board", status: .deferred, category: "Grants",
                                           summary: "A grant.", financialImplications: "£10,000 from reserves.", confidential: true,
                                           backgroundPapers: [paper])
        metadata.summary = "A short summary."
        return metadata
    }

    @Test func everyFieldComesBackAsItWentIn() throws {
        let metadata = Self.everyField()
        // A field added to PageMetadata must be set above, and so written and read: an unset
        // optional, an empty list or `false` here means the test no longer covers it.
        for child in Mirror(reflecting: metadata).children {
            let shown = "\(child.value)"
            #expect(shown != "nil" && shown != "[]" && shown != "[:]" && shown != "false", "\(child.label ?? "?") is not set in the sample")
        }
        var out = CacheWriter(magic: "")
        metadata.encode(into: &out)
        var input = try #require(CacheReader(Data(out.bytes), magic: ""))
        #expect(try PageMetadata(from: &input) == metadata)
        #expect(input.isAtEnd)

        let plain = PageMetadata(title: "Contact", location: SourceLocation(file: "content/contact.md", line: 2))
        var plainOut = CacheWriter(magic: "")
        plain.encode(into: &plainOut)
        var plainInput = try #require(CacheReader(Data(plainOut.bytes), magic: ""))
        #expect(try PageMetadata(from: &plainInput) == plain)
    }

    @Test func aCutShortRecordIsDamage() {
        var out = CacheWriter(magic: "")
        Self.everyField().encode(into: &out)
        for length in 0..<out.bytes.count {
            var input = CacheReader(Data(out.bytes[0..<length]), magic: "")!
            #expect(throws: CacheReader.Damaged.self) { _ = try PageMetadata(from: &input) }
        }
    }

    /// The build takes the recorded metadata while the YAML is unchanged (proved by planting a
    /// title in the record that no file says), and reads the YAML again once it changes.
    @Test func theRecordIsTakenWhileTheYAMLIsUnchanged() async throws {
        let fs = LocalFileSystem()
        let root = try TestSite.smallSiteOnDisk(fs)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let options = BuildOptions(siteDirectory: root, outputDirectory: Path.join(root, "public"), clock: TestSite.fixedDay)
        let builder = SiteBuilder(fileSystem: fs, options: options)
        #expect(await builder.build().succeeded)

        var cache = try #require(BuildCache.read(fs, options: options)?.cache)
        let record = try #require(cache.frontMatters["report/online.md"])
        #expect(record.metadata.title == "Report online")
        var planted = record.metadata
        planted.title = "Planted in the cache"
        cache.frontMatters["report/online.md"] = FrontMatterRecord(fingerprint: record.fingerprint, metadata: planted,
                                                                   diagnostics: record.diagnostics, frontMatter: record.frontMatter)
        cache.save(fs, options: options)

        // The text below the front matter changes: the page is made again from the record.
        try fs.write("---\ntitle: Report online\n---\n## Online form\n\nUse the form today.\n", to: Path.join(root, "content/report/online.md"))
        #expect(await builder.build().succeeded)
        #expect(try fs.readText(Path.join(root, "public/report/online/index.html")).contains("Planted in the cache"))

        try fs.write("---\ntitle: Report online now\n---\n## Online form\n\nUse the form today.\n", to: Path.join(root, "content/report/online.md"))
        #expect(await builder.build().succeeded)
        let page = try fs.readText(Path.join(root, "public/report/online/index.html"))
        #expect(page.contains("Report online now") && !page.contains("Planted in the cache"))
    }

    /// The small site on disk with `phone` as report/phone.md, built once so that the next
    /// build takes that page from its record. The caller removes `root`.
    static func builtOnce(phone: String) async throws -> (fs: LocalFileSystem, root: String, options: BuildOptions, builder: SiteBuilder) {
        let fs = LocalFileSystem()
        let root = try TestSite.smallSiteOnDisk(fs)
        try fs.write(phone, to: Path.join(root, "content/report/phone.md"))
        let options = BuildOptions(siteDirectory: root, outputDirectory: Path.join(root, "public"), clock: TestSite.fixedDay)
        let builder = SiteBuilder(fileSystem: fs, options: options)
        #expect(await builder.build().succeeded)
        return (fs, root, options, builder)
    }

    /// A page taken from its record, not read, still has its slug's place: a new page that
    /// takes its URL is reported at that slug.
    @Test func aSlugFromTheRecordStillLocatesAClash() async throws {
        let (fs, root, options, builder) = try await Self.builtOnce(phone: "---\ntitle: Report by phone\nslug: call-us\n---\nCall 101.\n")
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(BuildCache.read(fs, options: options)?.cache.frontMatters["report/phone.md"]?.metadata.slugLocation
            == SourceLocation(file: "content/report/phone.md", line: 3, column: 7))

        try fs.write("---\ntitle: Call us\n---\nCall 101.\n", to: Path.join(root, "content/report/call-us.md"))
        let errors = await builder.build().diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.message) == ["content/report/phone.md and content/report/call-us.md both claim the URL /report/call-us/"])
        #expect(errors.first?.location == SourceLocation(file: "content/report/phone.md", line: 3, column: 7))
        // The page was not read: its line is quoted from the YAML its record keeps.
        #expect(errors.first?.sourceLine == "slug: call-us")
    }

    /// The same for an alias, when the theme loses its redirect template and the page with the
    /// alias is taken from its record.
    @Test func anAliasFromTheRecordIsQuotedWhenTheRedirectTemplateGoes() async throws {
        let (_, root, _, builder) = try await Self.builtOnce(phone: "---\ntitle: Report by phone\naliases: [/call/]\n---\nCall 101.\n")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.removeItem(atPath: Path.join(root, "templates/redirect.mustache"))
        let errors = await builder.build().diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.message) == ["the alias /call/ needs the theme's templates/redirect.mustache, which is missing"])
        #expect(errors.first?.location == SourceLocation(file: "content/report/phone.md", line: 3, column: 11))
        #expect(errors.first?.sourceLine == "aliases: [/call/]")
    }
}
