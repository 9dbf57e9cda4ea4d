import Foundation

/// A calendar date as authors write it (`2023-03-15`), free of time zones so a page never
/// shows the day before because of a clock offset.
public struct Day: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`, optionally followed by a time (`2023-03-15T10:00:00Z`, ignored).
    public init?(parsing text: String) {
        guard let (year, month, day) = Day.numbers(text), (1...12).contains(month),
              day >= 1, day <= Day.daysIn(month: month, year: year)
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// Why `text`, written `YYYY-MM-DD`, names no day ("February 2023 has 28 days"), so that a
    /// date written the right way is not told to be written that way. Nil when `text` is not
    /// written `YYYY-MM-DD`, or is a real day.
    public static func whyNoSuchDay(_ text: String) -> String? {
        guard let (year, month, day) = numbers(text), Day(parsing: text) == nil else { return nil }
        guard (1...12).contains(month) else { return "there is no month \(month); months run from 01 to 12" }
        let days = daysIn(month: month, year: year)
        return day == 0 ? "days run from 01" : "\(monthNames[month - 1]) \(year) has \(days) days"
    }

    /// The three numbers of `YYYY-MM-DD` (before any time), unchecked.
    private static func numbers(_ text: String) -> (Int, Int, Int)? {
        let datePart = text.split(whereSeparator: { $0 == "T" || $0 == " " }).first.map(String.init) ?? text
        let parts = datePart.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        return (year, month, day)
    }

    /// The UTC day an instant falls on.
    public init(_ date: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        self.init(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// `2023-03-15`
    public var iso: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// `15 March 2023`, the GOV.UK style.
    public var display: String {
        "\(day) \(Day.monthNames[month - 1]) \(year)"
    }

    /// Midnight UTC at the start of the day, as an RFC 3339 timestamp for feeds.
    public var rfc3339: String { iso + "T00:00:00Z" }

    public var description: String { iso }

    public static func < (a: Day, b: Day) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]
}
