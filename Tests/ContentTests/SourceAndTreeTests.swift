import Core
import Foundation
import Testing
@testable import Content

@Suite struct SourceDecoderTests {
    @Test func acceptsByteOrderMarkAndWindowsLineEndings() throws {
        let data = Data([0xEF, 0xBB, 0xBF]) + Data("---\r\ntitle: A\r\n---\r\nBody\r\n".utf8)
        #expect(try SourceDecoder.decode(data, file: "a.md") == "---\ntitle: A\n---\nBody\n")
    }

    @Test func invalidUTF8NamesTheByteOffset() {
        let data = Data("ok\nbad ".utf8) + Data([0xFF]) + Data(" here".utf8)
        do {
            _ = try SourceDecoder.decode(data, file: "a.md")
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("byte offset 7"))
            #expect(error.location == SourceLocation(file: "a.md", line: 2, column: 5))
            #expect(error.sourceLine == "bad \u{FFFD} here")
        }
    }

    @Test(arguments: [
        (Data([0xEF, 0xBB, 0xBF]) + Data("Caf".utf8) + Data([0xE9]) + Data("\r\nnext\r\n".utf8), "Caf\u{FFFD}"),
        (Data("one\r\ntwo ".utf8) + Data([0x92]) + Data("s".utf8), "two \u{FFFD}s"),
    ])
    func theBadLineIsQuotedWithoutItsLineEnd(_ data: Data, _ line: String) {
        do {
            _ = try SourceDecoder.decode(data, file: "a.md")
            Issue.record("expected an error")
        } catch {
            #expect(error.sourceLine == line)
        }
    }

    @Test func truncatedMultibyteSequenceIsInvalid() {
        #expect(SourceDecoder.firstInvalidUTF8Offset(Data([0x61, 0xE2, 0x82])[...]) == 1)
        #expect(SourceDecoder.firstInvalidUTF8Offset(Data("é€😀".utf8)[...]) == nil)
        #expect(SourceDecoder.firstInvalidUTF8Offset(Data([0xED, 0xA0, 0x80])[...]) == 0)
    }
}

@Suite struct URLTests {
    @Test func folderStyleURLs() {
        #expect(PageLoader.url(for: "report/hate-crime.md", slug: nil) == "/report/hate-crime/")
        #expect(PageLoader.url(for: "report/_index.md", slug: nil) == "/report/")
        #expect(PageLoader.url(for: "_index.md", slug: nil) == "/")
        #expect(PageLoader.url(for: "report/hate-crime.md", slug: "hate") == "/report/hate/")
    }

    @Test func namesWithSpacesAndAccentsBecomeSafe() {
        #expect(PageLoader.url(for: "News Items/Café Opening.md", slug: nil) == "/news-items/cafe-opening/")
        #expect(PageLoader.assetURL(for: "report/Annual Report.PDF") == "/report/annual-report.pdf")
        #expect(Slug.make("Łódź (2023)") == "łodz-2023")
        #expect(Slug.encodePath("/łodz/") == "/%C5%82odz/")
    }

    /// The URL is built from the path's bytes, keeping segments that are slugs already; it is
    /// what slugging every segment and joining them gives (the way it was first written).
    @Test func urlsMatchSluggingEverySegment() {
        func joined(_ sourcePath: String, slug: String?) -> String {
            var folders = Path.dirname(sourcePath).split(separator: "/").map { Slug.make(String($0)) }
            let name = Path.basename(Path.removingExtension(sourcePath))
            if name == "_index" {
                if let slug, !folders.isEmpty { folders[folders.count - 1] = slug }
            } else {
                folders.append(slug ?? Slug.make(name))
            }
            return folders.isEmpty ? "/" : "/" + folders.joined(separator: "/") + "/"
        }
        let segments = ["report", "hate-crime", "Hate Crime", "a--b", "-lead", "trail-", "under_score", "Café", "2024",
                        "x.y", "_index", "", "ŵyl", "UPPER", "a b"]
        var paths = ["", "/", "a.md", "_index.md", "a/", "a//b.md", "/abs/x.md", ".hidden.md", "dir.d/readme"]
        for first in segments {
            for second in segments {
                paths += ["\(first)/\(second).md", "\(first)/\(second)/_index.md", "\(first)/\(second)"]
            }
        }
        for path in paths {
            for slug in [nil, "chosen"] {
                #expect(PageLoader.url(for: path, slug: slug) == joined(path, slug: slug), "\(path) \(slug ?? "-")")
            }
        }
    }

    @Test func aPagesParentIsItsURLLessTheLastSegment() {
        #expect(SourcePage.parentURL(of: "/") == nil)
        #expect(SourcePage.parentURL(of: "/report/") == "/")
        #expect(SourcePage.parentURL(of: "/report/hate-crime/") == "/report/")
        #expect(SourcePage.parentURL(of: "/a/b/c/") == "/a/b/")
        #expect(SourcePage.parentURL(of: "/łodz/café/") == "/łodz/")
        // Shapes the loader never makes are still answered, never a crash.
        #expect(SourcePage.parentURL(of: "/a//b/") == "/a/")
        #expect(SourcePage.parentURL(of: "/a/b") == "/a/")
        #expect(SourcePage.parentURL(of: "//") == "/")
        #expect(SourcePage.parentURL(of: "") == "/")
    }

    /// ASCII names take a byte path: it gives what the folding path gives.
    @Test func theASCIISlugAgreesWithTheUnicodeSlug() {
        let printable = (0x20...0x7E).map { String(UnicodeScalar(UInt8($0))) } + ["\t", "\n"]
        var names = printable.flatMap { [$0, "a\($0)b", "\($0)\($0)", "Q\($0)9 \($0)"] }
        names += ["Hate Crime (Guide)", "road-safety-buckden", "_index", "2023-014", "UPPER_lower", "  --A--  ", ""]
        for name in names {
            #expect(Slug.asciiMake(name) == Slug.unicodeMake(name), "\(name.debugDescription)")
        }
        #expect(Slug.make("Café") == Slug.unicodeMake("Café"))
    }

    /// The quick path for plain slugs gives what the full encoder gives, byte for byte.
    @Test func encodingAPathAgreesWithFoundationsEncoder() {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#[]@!$&'()*+,;=%")
        let paths = ["/", "/report/", "/news/page/2/", "/a-b_c.d~/x.pdf", "/Über uns/", "/a b/", "/x?y#z", "/100%/",
                     "/a+b/", "/it's/", "/a&b/", "/ünï/", "/%2e%2e/", "/tab\t/", "/A-Z/"]
        for path in paths {
            #expect(Slug.encodePath(path) == path.addingPercentEncoding(withAllowedCharacters: allowed), "\(path)")
        }
        #expect(Slug.encodePath("/report/hate-crime/") == "/report/hate-crime/")
    }
}

@Suite struct ContentTreeTests {
    let today = Day(year: 2026, month: 11, day: 23)

    func load(_ files: [String: String]) -> ([SourcePage], [Diagnostic]) {
        let fs = InMemoryFileSystem(files: files)
        let discovery = ContentDiscovery.scan(fs, contentPath: "content")
        var pages: [SourcePage] = []
        var diagnostics = discovery.diagnostics
        for found in discovery.markdown {
            let (page, found) = PageLoader.load(found, from: fs)
            if let page { pages.append(page) }
            diagnostics += found
        }
        return (pages, diagnostics)
    }

    @Test func draftsAndFuturePagesAreLeftOut() {
        let (pages, _) = load([
            "content/_index.md": "---\ntitle: Home\n---\n",
            "content/a.md": "---\ntitle: A\ndraft: true\n---\n",
            "content/b.md": "---\ntitle: B\npublish_date: 2030-01-01\n---\n",
            "content/c.md": "---\ntitle: C\npublish_date: 2020-01-01\n---\n",
        ])
        let (tree, _) = ContentTree.assemble(pages: pages, assets: [], publication: .init(includeDrafts: false, today: today))
        #expect(tree.pages.map(\.url) == ["/", "/c/"])
        let (preview, _) = ContentTree.assemble(pages: pages, assets: [], publication: .init(includeDrafts: true, today: today))
        #expect(preview.pages.count == 4)
    }

    @Test func twoPagesWithOneURLAreBothNamed() {
        let (pages, _) = load([
            "content/_index.md": "---\ntitle: Home\n---\n",
            "content/report.md": "---\ntitle: A\n---\n",
            "content/report/_index.md": "---\ntitle: B\n---\n",
        ])
        let (_, diagnostics) = ContentTree.assemble(pages: pages, assets: [], publication: .init(includeDrafts: false, today: today))
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1)
        #expect(errors[0].message.contains("content/report.md") && errors[0].message.contains("content/report/_index.md"))
    }

    @Test func aliasThatEscapesIsAnError() {
        let (pages, _) = load([
            "content/_index.md": "---\ntitle: Home\n---\n",
            "content/a.md": "---\ntitle: A\naliases:\n  - /../../etc/passwd\n  - https://evil.example/\n  - /old-a/\n---\n",
        ])
        let (_, diagnostics) = ContentTree.assemble(pages: pages, assets: [], publication: .init(includeDrafts: false, today: today))
        #expect(diagnostics.filter { $0.severity == .error }.map(\.location?.line) == [4, 5])
    }

    @Test func sectionsListTheirPagesByWeightThenTitle() {
        let (pages, _) = load([
            "content/_index.md": "---\ntitle: Home\n---\n",
            "content/report/_index.md": "---\ntitle: Report\n---\n",
            "content/report/b.md": "---\ntitle: Beta\n---\n",
            "content/report/a.md": "---\ntitle: Alpha\n---\n",
            "content/report/z.md": "---\ntitle: Zulu\nweight: 1\n---\n",
        ])
        let (tree, diagnostics) = ContentTree.assemble(pages: pages, assets: [], publication: .init(includeDrafts: false, today: today))
        #expect(diagnostics.isEmpty)
        #expect(tree.children(of: "/report/").map(\.metadata.title) == ["Zulu", "Alpha", "Beta"])
        let page = tree.page(atURL: "/report/a/")!
        #expect(tree.breadcrumbs(for: page).map(\.url) == ["/", "/report/"])
    }

    @Test func emptyFileIsAnError() {
        let (_, diagnostics) = load(["content/a.md": "  \n"])
        #expect(diagnostics.first?.message == "the file is empty")
    }

    @Test func symbolicLinksOutOfContentAndLoopsAreRefused() {
        let fs = InMemoryFileSystem(files: ["content/_index.md": "---\ntitle: Home\n---\n", "secret.md": "---\ntitle: S\n---\n"])
        fs.symlink("content/leak.md", to: "secret.md")
        fs.symlink("content/loop", to: "content/loop2")
        fs.symlink("content/loop2", to: "content/loop")
        let discovery = ContentDiscovery.scan(fs, contentPath: "content")
        #expect(discovery.markdown.map(\.path) == ["_index.md"])
        #expect(discovery.diagnostics.count == 3)
        #expect(discovery.diagnostics.contains { $0.message.contains("leak.md is a symbolic link that leads outside content/") })
        #expect(discovery.diagnostics.contains { $0.message.contains("loop") })
    }

    @Test func realSymbolicLinksOnDisk() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("herald-links-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let fs = LocalFileSystem()
        try fs.write("---\ntitle: Home\n---\n", to: root + "/content/_index.md")
        try fs.write("---\ntitle: Secret\n---\n", to: root + "/outside.md")
        try FileManager.default.createSymbolicLink(atPath: root + "/content/leak.md", withDestinationPath: root + "/outside.md")
        try FileManager.default.createSymbolicLink(atPath: root + "/content/self", withDestinationPath: root + "/content/self")
        try FileManager.default.createSymbolicLink(atPath: root + "/content/inside.md", withDestinationPath: root + "/content/_index.md")
        let discovery = ContentDiscovery.scan(fs, contentPath: root + "/content")
        #expect(discovery.markdown.map(\.path) == ["_index.md", "inside.md"])
        #expect(discovery.diagnostics.count == 2)
    }

    @Test func anAssetIsFoundByItsURLAmongManyAndOthersAreNot() {
        let assets = (0..<200).reversed().map { n in
            ContentAsset(sourcePath: "docs/file-\(n).pdf", displayPath: "content/docs/file-\(n).pdf", url: "/docs/file-\(n).pdf", size: n)
        }
        let (tree, _) = ContentTree.assemble(pages: [], assets: assets, publication: .init(includeDrafts: false, today: today))
        #expect(assets.allSatisfy { tree.hasAsset(atURL: $0.url) })
        for missing in ["/docs/file-200.pdf", "/docs/", "/", "/zzz", "/docs/file-1.pd", ""] {
            #expect(!tree.hasAsset(atURL: missing), "\(missing)")
        }
        let (empty, _) = ContentTree.assemble(pages: [], assets: [], publication: .init(includeDrafts: false, today: today))
        #expect(!empty.hasAsset(atURL: "/docs/file-1.pdf"))
    }
}
