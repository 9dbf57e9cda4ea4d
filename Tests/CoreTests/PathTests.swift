import Testing
@testable import Core

/// Path arithmetic on the strings the build passes around, non-ASCII names included.
struct PathTests {
    @Test func dirnameAndBasename() {
        #expect(Path.dirname("content/report/hate-crime.md") == "content/report")
        #expect(Path.basename("content/report/hate-crime.md") == "hate-crime.md")
        #expect(Path.dirname("hate-crime.md") == "")
        #expect(Path.basename("hate-crime.md") == "hate-crime.md")
        #expect(Path.dirname("/site") == "/")
        #expect(Path.basename("/site") == "site")
        #expect(Path.basename("content/news/") == "")
        #expect(Path.dirname("") == "")
    }

    /// What a link in a page's folder must say to reach another file (the hint for a broken link).
    @Test func relativePathsClimbOutOfTheLinkingFolder() {
        #expect(Path.relative("report/hate-crime.md", from: "news") == "../report/hate-crime.md")
        #expect(Path.relative("report/hate-crime.md", from: "report") == "hate-crime.md")
        #expect(Path.relative("report/hate-crime.md", from: "") == "report/hate-crime.md")
        #expect(Path.relative("contact.md", from: "about/panel") == "../../contact.md")
        #expect(Path.relative("about/panel/members.md", from: "about") == "panel/members.md")
        #expect(Path.relative("news", from: "news") == ".")
    }

    @Test func extensions() {
        #expect(Path.fileExtension("docs/Annual Report.PDF") == "pdf")
        #expect(Path.fileExtension("docs/.hidden") == "")
        #expect(Path.fileExtension("docs.d/readme") == "")
        #expect(Path.removingExtension("content/news/item.md") == "content/news/item")
        #expect(Path.removingExtension("item.tar.gz") == "item.tar")
        #expect(Path.removingExtension("docs/.hidden") == "docs/.hidden")
        #expect(Path.removingExtension("docs.d/readme") == "docs.d/readme")
    }

    @Test func namesBeyondASCIIAreCutWhole() {
        #expect(Path.dirname("cynnwys/côr/ŵyl.md") == "cynnwys/côr")
        #expect(Path.basename("cynnwys/côr/ŵyl.md") == "ŵyl.md")
        #expect(Path.removingExtension("cynnwys/côr/ŵyl.md") == "cynnwys/côr/ŵyl")
        #expect(Path.fileExtension("lluniau/😀.JPÉG") == "jpég")
        // A separator followed by a combining mark is one `Character` but still a separator
        // to the file system, and the mark belongs to the name after it.
        #expect(Path.dirname("a/\u{301}b.md") == "a")
        #expect(Path.basename("a/\u{301}b.md") == "\u{301}b.md")
        #expect(Path.removingExtension("a/b.\u{301}md") == "a/b")
    }

    /// A path already normal is given back without splitting it; every other path is split
    /// and joined as before.
    @Test func normalizeMatchesTheLongWay() {
        let parts = ["a", ".", "..", "...", ".hidden", "", "é", "b.md"]
        var paths = ["", "/", "//", "/a", "a/", "a//b"]
        for first in parts {
            for second in parts {
                for third in parts { paths += ["\(first)/\(second)/\(third)", "/\(first)/\(second)", "\(first)/\(second)"] }
            }
        }
        for path in paths {
            #expect(Path.normalize(path) == Path.normalizedBySegments(path), "\(path)")
            if Path.isNormal(path) { #expect(Path.normalizedBySegments(path) == path, "\(path) is not normal") }
        }
        #expect(Path.isNormal("report/online.md") && Path.isNormal("/site/a...b/.x"))
        #expect(!Path.isNormal("report/../x.md") && !Path.isNormal("./x") && !Path.isNormal("a/") && !Path.isNormal(""))
        #expect(Path.normalize("report/./a/../online.md") == "report/online.md")
        #expect(Path.normalize("/a//b/") == "/a/b")
        #expect(Path.normalize("a/../..") == nil)
        #expect(Path.normalize("...") == "...")
    }
}
