import Testing
@testable import Core

/// The byte path shared by file-name slugs and heading ids; each caller is also tested
/// against its own Unicode path (ContentTests, MarkdownTests).
struct ASCIISlugTests {
    @Test func lettersAreLoweredDigitsKeptAndRunsOfOthersBecomeOneHyphen() {
        let slug = ASCIISlug.make("  How to REPORT: 2023/24 -- now!  ", otherBytes: { _ in .separate }, empty: "x")
        #expect(slug == "how-to-report-2023-24-now")
    }

    @Test func eachTreatmentOfAnotherByte() {
        #expect(ASCIISlug.make("a_b'c d", otherBytes: { $0 == UInt8(ascii: "_") ? .keep : .separate }, empty: "x") == "a_b-c-d")
        #expect(ASCIISlug.make("Don't wait", otherBytes: { $0 == UInt8(ascii: "'") ? .drop : .separate }, empty: "x") == "dont-wait")
        #expect(ASCIISlug.make("***", otherBytes: { _ in .separate }, empty: "section") == "section")
        #expect(ASCIISlug.make("", otherBytes: { _ in .keep }, empty: "page") == "page")
    }

    @Test func appliesOnlyToASCII() {
        #expect(ASCIISlug.applies(to: "Report 2023"))
        #expect(ASCIISlug.applies(to: ""))
        #expect(!ASCIISlug.applies(to: "Café"))
    }
}
