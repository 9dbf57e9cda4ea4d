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
}
