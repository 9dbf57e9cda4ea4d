import Core
import Foundation
import Testing
@testable import Site

/// Links and `related` entries to pages that exist but are not published: one mistake is
/// reported once, where it is, and a hint names a path that works from the linking page.
@Suite struct LinkTargetTests {
    static let linking = "---\ntitle: About us\nrelated:\n  - contact.md\n---\nIntro.\n\n[Contact the office](contact.md).\n"
    static let contact = "---\ntitle: Contact us\n---\nCall 0300 333 3456.\n"

    static func errors(_ report: BuildReport) -> [Diagnostic] { report.diagnostics.filter { $0.severity == .error } }

    /// Invalid YAML in contact.md used to give an error on every page that links to it (three
    /// for this one page) and link-text warnings besides: only the page's own error is left.
    @Test func aPageThatFailedToLoadIsReportedOnceNotByEveryLinkToIt() async {
        let broken = "---\ntitle: Contact us: phone, email\n---\nCall 0300 333 3456.\n"
        let (report, files) = await TestSite.render(TestSite.files(["about.md": Self.linking, "contact.md": broken]))
        #expect(Self.errors(report).map(\.location) == [SourceLocation(file: "content/contact.md", line: 2, column: 18)],
                "\(Self.errors(report))")
        #expect(report.diagnostics.allSatisfy { $0.location?.file == "content/contact.md" }, "\(report.diagnostics)")
        #expect(files.isEmpty)

        let (fixed, _) = await TestSite.render(TestSite.files(["about.md": Self.linking, "contact.md": Self.contact]))
        #expect(Self.errors(fixed).isEmpty, "\(fixed.diagnostics)")
    }

    /// A page linked from a folder link (`report/`) whose `_index.md` failed is not missing either.
    @Test func aFolderLinkToASectionThatFailedAddsNoError() async {
        let (report, _) = await TestSite.render(TestSite.files([
            "a.md": "---\ntitle: A\n---\nSee [how to report](report/).\n",
            "report/_index.md": "---\ntitle: [unclosed\n---\nWays to report.\n",
        ]))
        #expect(Self.errors(report).count == 1)
        #expect(Self.errors(report).first?.location?.file == "content/report/_index.md")
    }

    @Test func aLinkToADraftSaysItIsADraft() async {
        let draft = "---\ntitle: Contact us\ndraft: true\n---\nCall 0300 333 3456.\n"
        let (report, files) = await TestSite.render(TestSite.files(["about.md": Self.linking, "contact.md": draft]))
        let errors = Self.errors(report)
        #expect(errors.count == 2, "\(errors)")
        let link = errors.first { $0.location?.line == 8 }
        #expect(link?.message == "content/contact.md is a draft and will not be published: this link would be broken")
        #expect(link?.location == SourceLocation(file: "content/about.md", line: 8, column: 1))
        #expect(link?.sourceLine == "[Contact the office](contact.md).")
        #expect(link?.hint == "Publish the page (remove `draft: true` from its front matter), or remove the link.")
        let related = errors.first { $0.location?.line == 4 }
        #expect(related?.message == "related page 'contact.md' is a draft and will not be published")
        #expect(related?.location == SourceLocation(file: "content/about.md", line: 4, column: 5))
        #expect(related?.hint == "Publish the page (remove `draft: true` from its front matter), or remove it from `related`.")
        #expect(files.isEmpty)

        // The preview with drafts shows both pages, the link working.
        let (preview, shown) = await TestSite.render(TestSite.files(["about.md": Self.linking, "contact.md": draft]),
                                                     options: TestSite.options { $0.includeDrafts = true })
        #expect(Self.errors(preview).isEmpty, "\(preview.diagnostics)")
        #expect(shown["about/index.html"]?.contains("href=\"/contact/\"") == true)
    }

    @Test func aLinkToAPageNotYetPublishedGivesItsDate() async {
        let later = "---\ntitle: Contact us\npublish_date: 2099-01-01\n---\nCall 0300 333 3456.\n"
        let (report, _) = await TestSite.render(TestSite.files(["about.md": Self.linking, "contact.md": later]))
        let link = Self.errors(report).first { $0.location?.line == 8 }
        #expect(link?.message == "content/contact.md is not published until 2099-01-01: this link would be broken")
        #expect(link?.hint == "Remove the link until 2099-01-01, when the page is published, or bring its `publish_date` forward.")
    }

    /// The suggestion is written from the linking page's folder: following it works (it used to
    /// suggest `report/hate-crime.md` from content/news/, which gave the same error again).
    @Test func theSuggestedPathWorksFromTheLinkingPage() async {
        let guide = "---\ntitle: Report hate crime\n---\nCall 101.\n"
        func site(_ link: String) -> InMemoryFileSystem {
            TestSite.files([
                "report/hate-crime.md": guide,
                "news/round-table.md": "---\ntitle: Round table\n---\nRead [how to report hate crime](\(link)).\n",
            ])
        }
        let (report, _) = await TestSite.render(site("hate-crime.md"))
        let error = Self.errors(report).first
        #expect(error?.message == "there is no page content/news/hate-crime.md")
        #expect(error?.location == SourceLocation(file: "content/news/round-table.md", line: 4, column: 6))
        #expect(error?.hint == "Did you mean ../report/hate-crime.md? Paths are relative to the page's own folder.")

        let suggested = "../report/hate-crime.md"
        let (followed, _) = await TestSite.render(site(suggested))
        #expect(Self.errors(followed).isEmpty, "\(followed.diagnostics)")

        // Written from content/ instead of the page's folder: the hint still reaches the page.
        let (fromRoot, _) = await TestSite.render(site("report/hate-crime.md"))
        #expect(Self.errors(fromRoot).first?.hint == "Did you mean ../report/hate-crime.md? Paths are relative to the page's own folder.")
    }

    @Test func aSuggestedDocumentIsWrittenFromTheLinkingPageToo() async {
        let (report, _) = await TestSite.render(TestSite.files([
            "report/guide.md": "---\ntitle: Guide\n---\nRead the [annual report](annual-reprt.pdf).\n",
            "about/annual-report.pdf": "%PDF-1.4",
        ]))
        let error = Self.errors(report).first
        #expect(error?.message == "there is no file content/report/annual-reprt.pdf")
        #expect(error?.hint == "Did you mean ../about/annual-report.pdf? Paths are relative to the page's own folder.")
    }
}
