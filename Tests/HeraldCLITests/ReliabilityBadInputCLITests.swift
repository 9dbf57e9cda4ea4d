import Foundation
import Testing

/// Bad input end to end through `herald build`: a good site is built, one thing is broken, and
/// the build must stop with the error at its file and line while the previous `public/` stays
/// exactly as it was, with no staging folder left behind. Inputs that must be accepted are built.
// Serialized: each test builds whole sites, and running them all at once would crowd out the
// timing-sensitive tests beside them (the preview's live reload) on a two-core machine.
@Suite(.serialized) struct ReliabilityBadInputCLITests {
    static let pages = [
        "report/_index.md": "---\ntitle: Report a crime\ndescription: Ways to report\n---\nThere are several ways to report a crime.\n",
        "report/online.md": "---\ntitle: Report online\ndescription: Use the online form\n---\nUse the [form](_index.md).\n",
    ]

    enum Breakage: String, CaseIterable, Sendable {
        case frontMatterNotAMapping, invalidUTF8, emptyFile, twoPagesOneURL, slugEscapes, aliasEscapes, linkEscapes,
             imageEscapes, symlinkOutOfContent, symlinkLoop, folderLoop, hundredMegabyteFile, hundredThousandQuotes,
             hundredThousandListLevels, missingTemplate, brokenTemplate, missingConfig, brokenConfig, scriptInMenu,
             missingContentFolder

        /// What the build must print (each a substring of standard error) and its exit status.
        var expected: (status: Int32, messages: [String]) {
            switch self {
            case .frontMatterNotAMapping: (1, ["content/bad.md:2:1: error: front matter must be a set of `key: value` lines, not a list"])
            case .invalidUTF8: (1, ["content/bad.md:4:4: error: the file is not valid UTF-8: bad byte 0xE9 at byte offset 20"])
            case .emptyFile: (1, ["content/bad.md:1:1: error: the file is empty"])
            case .twoPagesOneURL: (1, ["both claim the URL /report/", "content/report.md", "content/report/_index.md"])
            case .slugEscapes: (1, ["content/bad.md:3:7: error: slug '../../etc' must be a single URL segment"])
            case .aliasEscapes: (1, ["content/bad.md:3:11: error: alias '/a/../../b/' is not a path on this site"])
            case .linkEscapes: (1, ["content/bad.md:4:5: error: '../../etc/passwd' points outside the site's content folder",
                                    "content/bad.md:4:43: error: '/etc/passwd' is an absolute path"])
            case .imageEscapes: (1, ["content/bad.md:4:1: error: '../../secret.png' points outside the site's content folder"])
            case .symlinkOutOfContent: (1, ["content/leak.md:1:1: error: content/leak.md is a symbolic link that leads outside content/"])
            case .symlinkLoop: (1, ["content/loop1:1:1: error: content/loop1 is a symbolic link loop"])
            case .folderLoop: (1, ["content/report/up:1:1: error: content/report/up is a symbolic link loop"])
            case .hundredMegabyteFile: (1, ["content/huge.md:1:1: error: this file is 100 MB long; Herald reads pages of up to 4 MB"])
            case .hundredThousandQuotes, .hundredThousandListLevels: (1, ["content/deep.md:4:", "error: this Markdown is nested more than 256 levels deep"])
            case .missingTemplate: (1, ["error: the template templates/page.mustache is missing"])
            case .brokenTemplate: (1, ["templates/page.mustache:2:1: error: template error: {{#page.pages}} is never closed"])
            case .missingConfig: (2, ["there is no herald.yml"])
            case .brokenConfig: (2, ["herald.yml:3:9: error: YAML did not find expected ',' or ']'"])
            case .scriptInMenu: (2, ["herald.yml:7:", "'javascript:alert(1)' is not a path on this site or a web address"])
            case .missingContentFolder: (1, ["there is no content folder"])
            }
        }

        func apply(to site: ScratchSite) throws {
            switch self {
            case .frontMatterNotAMapping: try site.write("---\n- a\n- b\n---\nBody.\n", to: "content/bad.md")
            case .invalidUTF8: try site.write(Data("---\ntitle: A\n---\nCaf".utf8) + Data([0xE9]) + Data(" au lait\n".utf8), to: "content/bad.md")
            case .emptyFile: try site.write("", to: "content/bad.md")
            case .twoPagesOneURL: try site.write("---\ntitle: Also report\ndescription: Clash\n---\nText.\n", to: "content/report.md")
            case .slugEscapes: try site.write("---\ntitle: A\nslug: ../../etc\n---\nText.\n", to: "content/bad.md")
            case .aliasEscapes: try site.write("---\ntitle: A\naliases: [/a/../../b/]\n---\nText.\n", to: "content/bad.md")
            case .linkEscapes: try site.write("---\ntitle: A\n---\nSee [the passwords](../../etc/passwd) and [root](/etc/passwd).\n", to: "content/bad.md")
            case .imageEscapes:
                try site.write("png", to: "secret.png")
                try site.write("---\ntitle: A\n---\n![A map of the area](../../secret.png)\n", to: "content/bad.md")
            case .symlinkOutOfContent:
                try site.write("---\ntitle: Secret\n---\nOutside.\n", to: "outside.md")
                try site.symlink("content/leak.md", to: site.url("outside.md").path)
            case .symlinkLoop:
                try site.symlink("content/loop1", to: "loop2")
                try site.symlink("content/loop2", to: "loop1")
            case .folderLoop: try site.symlink("content/report/up", to: "..")
            case .hundredMegabyteFile:
                let line = Data("A line of text with a [link](_index.md) and *emphasis* in it.\n".utf8)
                var data = Data("---\ntitle: Huge\n---\n".utf8)
                data.reserveCapacity(100 * 1024 * 1024 + line.count)
                while data.count < 100 * 1024 * 1024 { data.append(line) }
                try site.write(data, to: "content/huge.md")
            case .hundredThousandQuotes:
                try site.write("---\ntitle: Deep\n---\n" + String(repeating: ">", count: 100_000) + " deep text\n", to: "content/deep.md")
            case .hundredThousandListLevels:
                try site.write("---\ntitle: Deep\n---\n" + String(repeating: "- ", count: 100_000) + "deep text\n", to: "content/deep.md")
            case .missingTemplate: site.remove("templates/page.mustache")
            case .brokenTemplate: try site.write("<h1>{{page.title}}</h1>\n{{#page.pages}}\n", to: "templates/page.mustache")
            case .missingConfig: site.remove("herald.yml")
            case .brokenConfig:
                let config = try String(contentsOf: site.url("herald.yml"), encoding: .utf8)
                try site.write(config.replacingOccurrences(of: "base_url: https://example.gov.uk", with: "base_url: [unclosed"), to: "herald.yml")
            case .scriptInMenu:
                let config = try String(contentsOf: site.url("herald.yml"), encoding: .utf8)
                try site.write(config.replacingOccurrences(of: "url: /a-to-z/", with: "url: \"javascript:alert(1)\""), to: "herald.yml")
            case .missingContentFolder:
                try FileManager.default.moveItem(at: site.url("content"), to: site.url("content-away"))
            }
        }
    }

    @Test(arguments: Breakage.allCases)
    func theBuildStopsAndThePreviousSiteStays(_ breakage: Breakage) async throws {
        let site = try ScratchSite(Self.pages)
        defer { site.destroy() }
        let first = try await site.build()
        #expect(first.status == 0, "\(first.standardError)")
        let before = HeraldProcess.snapshot(site.public_)
        #expect(before.count > 10)

        try breakage.apply(to: site)
        let run = try await site.build()
        let (status, messages) = breakage.expected
        #expect(!run.signalled, "\(breakage): herald crashed")
        #expect(run.status == status, "\(breakage): exit \(run.status)\n\(run.standardError)")
        for message in messages {
            #expect(run.standardError.contains(message), "\(breakage): missing \(message)\n\(run.standardError.prefix(2000))")
        }
        #expect(run.standardError.contains("nothing was written"), "\(breakage)\n\(run.standardError.prefix(2000))")
        // However large the input, what a person reads stays readable.
        #expect(run.standardError.utf8.count < 16 * 1024, "\(breakage): \(run.standardError.utf8.count) bytes of output")
        #expect(HeraldProcess.snapshot(site.public_) == before, "\(breakage): public/ changed")
        #expect(site.leftovers.isEmpty, "\(breakage): \(site.leftovers)")
    }

    /// A 100 MB page is refused without being read: the build's memory stays small.
    @Test func aHundredMegabytePageCostsNoMemory() async throws {
        let site = try ScratchSite(Self.pages)
        defer { site.destroy() }
        try Breakage.hundredMegabyteFile.apply(to: site)
        let run = try await site.build()
        #expect(run.status == 1)
        #expect(run.standardError.contains("this file is 100 MB long"))
        // Every herald this process ran so far, this one included, stayed under 400 MB.
        #expect(HeraldRun.largestChildResidentBytes < 400 * 1024 * 1024, "\(HeraldRun.largestChildResidentBytes / 1_048_576) MB")
    }

    @Test func aByteOrderMarkAndWindowsLineEndingsAreAccepted() async throws {
        let site = try ScratchSite(Self.pages)
        defer { site.destroy() }
        try site.write(Data([0xEF, 0xBB, 0xBF]) + Data("---\r\ntitle: Saved on Windows\r\ndescription: A page with CRLF\r\n---\r\nFirst line.\r\n\r\nSecond paragraph.\r\n".utf8),
                       to: "content/windows.md")
        let run = try await site.build()
        #expect(run.status == 0, "\(run.standardError)")
        let page = try String(contentsOf: site.public_.appendingPathComponent("windows/index.html"), encoding: .utf8)
        #expect(page.contains("Saved on Windows</h1>"))
        #expect(page.contains("<p>First line.</p>\n<p>Second paragraph.</p>"))
        #expect(!page.contains("\r") && !page.contains("\u{FEFF}"))
    }

    @Test func namesWithSpacesAndOtherAlphabetsAreAcceptedWithSafeURLs() async throws {
        var pages = Self.pages
        pages["Über uns/_index.md"] = "---\ntitle: About us\ndescription: Who we are\n---\nAbout the office.\n"
        pages["Über uns/Café & Bar (2024).md"] = "---\ntitle: The café\ndescription: Where to meet\n---\nMeet at the [office](<_index.md>).\n"
        pages["links.md"] = "---\ntitle: Links\ndescription: Places to go\n---\nVisit [the café](<Über uns/Café & Bar (2024).md>).\n"
        let site = try ScratchSite(pages)
        defer { site.destroy() }
        try site.write("%PDF-1.4 leaflet", to: "content/Über uns/Annual Report 2024.pdf")
        let run = try await site.build()
        #expect(run.status == 0, "\(run.standardError)")
        let files = HeraldProcess.snapshot(site.public_)
        #expect(files["uber-uns/cafe-bar-2024/index.html"] != nil)
        #expect(files["uber-uns/annual-report-2024.pdf"] != nil)
        let links = String(decoding: try #require(files["links/index.html"]), as: UTF8.self)
        #expect(links.contains("href=\"/uber-uns/cafe-bar-2024/\""))
        for path in files.keys {
            #expect(path.unicodeScalars.allSatisfy { $0.isASCII && !" &()'\"<>".unicodeScalars.contains($0) }, "\(path)")
        }
    }
}
