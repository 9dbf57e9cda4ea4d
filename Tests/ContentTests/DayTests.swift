import Core
import Testing
@testable import Content

/// A date written `YYYY-MM-DD` that names no day is told so, not told to be written `YYYY-MM-DD`.
@Suite struct DayTests {
    func parse(_ text: String) -> (PageMetadata?, [Diagnostic]) { parseFrontMatter(text) }

    @Test func aDayPastTheEndOfTheMonthIsNamed() {
        let (meta, diagnostics) = parse("---\ntitle: A\nkind: news\ndate: 2023-02-31\nsummary: S.\n---\n")
        #expect(meta == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message == "'date' is 2023-02-31, a date that does not exist: February 2023 has 28 days")
        #expect(diagnostics.first?.location == SourceLocation(file: "content/a.md", line: 4, column: 7))
        #expect(diagnostics.first?.hint == "Check the date: Herald reads it as year, month, day, as in `date: 2023-03-15`.")
    }

    @Test func aQuotedDateIsCheckedTheSameWay() {
        let (_, diagnostics) = parse("---\ntitle: A\nupdated: \"2024-04-31\"\n---\n")
        #expect(diagnostics.map(\.message) == ["'updated' is 2024-04-31, a date that does not exist: April 2024 has 30 days"])
        #expect(diagnostics.first?.location == SourceLocation(file: "content/a.md", line: 3, column: 10))
    }

    @Test(arguments: [
        ("2023-02-29", "February 2023 has 28 days"),
        ("2100-02-29", "February 2100 has 28 days"),
        ("2023-13-01", "there is no month 13; months run from 01 to 12"),
        ("2023-00-10", "there is no month 0; months run from 01 to 12"),
        ("2023-03-00", "days run from 01"),
        ("2023-06-31T10:00:00Z", "June 2023 has 30 days"),
    ])
    func whyNoSuchDay(_ text: String, _ reason: String) {
        #expect(Day(parsing: text) == nil)
        #expect(Day.whyNoSuchDay(text) == reason)
    }

    @Test(arguments: ["2024-02-29", "2000-02-29", "2023-12-31", "2023-03-15T10:00:00Z", "15/03/2023", "2023-3-15", "March"])
    func realDaysAndOtherTextsHaveNoReason(_ text: String) {
        #expect(Day.whyNoSuchDay(text) == nil)
    }

    @Test func aRealDayIsRead() {
        let (meta, diagnostics) = parse("---\ntitle: A\ndate: 2024-02-29\n---\n")
        #expect(diagnostics.isEmpty)
        #expect(meta?.date == Day(year: 2024, month: 2, day: 29))
    }
}
