import Core
import Foundation
import Testing
@testable import Site

/// Links and `related` entries to pages that exist but are not published: one mistake is
/// reported once, where it is.
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
}
