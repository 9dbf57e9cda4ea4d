import Core
import Foundation
import Testing
@testable import Site

/// `--base-url` replaces herald.yml's `base_url` and is held to the same rule.
@Suite struct BaseURLOverrideTests {
    /// It used to be taken as it was: `<loc>notaurl/</loc>` in the sitemap, and success.
    @Test func anOverrideThatIsNotAWebAddressIsAConfigurationError() async {
        let (report, files) = await TestSite.render(TestSite.files([:]), options: TestSite.options { $0.baseURL = "notaurl" })
        #expect(report.isConfigurationFailure)
        #expect(!report.succeeded)
        #expect(report.diagnostics.count == 1)
        #expect(report.diagnostics.first?.message == "--base-url 'notaurl' is not an absolute http(s) address")
        #expect(report.diagnostics.first?.hint == "Give the full address the site is published at, e.g. `--base-url https://staging.example.gov.uk`.")
        #expect(files.isEmpty)
    }

    @Test func aWebAddressReplacesTheConfigsEverywhere() async {
        let options = TestSite.options { $0.baseURL = "https://staging.example.gov.uk/" }
        let (report, files) = await TestSite.render(TestSite.files([:]), options: options)
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(files["sitemap.xml"]?.contains("<loc>https://staging.example.gov.uk/</loc>") == true)
        #expect(files["robots.txt"]?.contains("Sitemap: https://staging.example.gov.uk/sitemap.xml") == true)
    }
}
