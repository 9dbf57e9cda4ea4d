import Core
import Foundation
import Testing
@testable import Site

@Suite struct DecisionsLogTests {
    static func decision(_ number: String, _ date: String, title: String) -> String {
        """
        ---
        title: "\(title)"
        kind: decision
        number: "\(number)"
        date: \(date)
        decision_maker: The Commissioner
        meeting: Business Coordination Board
        status: approved
        category: Grants
        summary: "Summary of \(title), with a comma"
        financial_implications: "None"
        confidential: false
        ---
        Decided.
        """
    }

    let pages = [
        "decisions/_index.md": "---\ntitle: Decisions\n---\nThe log.\n",
        "decisions/a.md": decision("2023-002", "2023-05-01", title: "Safer Streets bid"),
        "decisions/b.md": decision("2023-001", "2023-03-15", title: "Youth Fund lights"),
        "decisions/c.md": decision("2022-001", "2022-12-21", title: "Precept survey"),
    ]

    @Test func theLogListsNewestFirstWithAPagePerYear() async {
        let (report, files) = await TestSite.render(TestSite.files(pages))
        #expect(report.errorCount == 0, "\(report.diagnostics)")
        let log = files["decisions/index.html"] ?? ""
        let order = ["2023-002", "2023-001", "2022-001"].map { log.range(of: $0)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil })
        #expect(order[0]! < order[1]! && order[1]! < order[2]!)
        #expect(files["decisions/2023/index.html"]?.contains("2023-001") == true)
        #expect(files["decisions/2023/index.html"]?.contains("2022-001") == false)
        #expect(files["decisions/2022/index.html"]?.contains("2022-001") == true)
    }

    @Test func decisionsCSVHasOneRowPerDecision() async throws {
        let (_, files) = await TestSite.render(TestSite.files(pages))
        let rows = CSV.parse(try #require(files["decisions.csv"]))
        #expect(rows.first == DecisionsData.columns)
        #expect(rows.count == 4)
        #expect(rows.dropFirst().map { $0[0] } == ["2023-002", "2023-001", "2022-001"])
        #expect(rows.dropFirst().allSatisfy { $0.count == DecisionsData.columns.count })
        #expect(rows[1][7] == "Summary of Safer Streets bid, with a comma")
        let json = try JSONSerialization.jsonObject(with: Data(try #require(files["decisions.json"]).utf8)) as? [String: Any]
        #expect((json?["decisions"] as? [Any])?.count == 3)
    }

    @Test func aDecisionWithoutANumberIsAnErrorAtItsFrontMatter() async {
        let broken = Self.decision("2023-003", "2023-06-01", title: "No number").replacingOccurrences(of: "number: \"2023-003\"\n", with: "")
        let (report, files) = await TestSite.render(TestSite.files(pages.merging(["decisions/d.md": broken]) { a, _ in a }))
        let error = report.diagnostics.first { $0.severity == .error }
        #expect(error?.message == "front matter is missing required field 'number'")
        #expect(error?.location == SourceLocation(file: "content/decisions/d.md", line: 2, column: 1))
        #expect(files.isEmpty)
    }
}

/// RFC 4180 CSV, enough to read back what Herald writes.
enum CSV {
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var iterator = Array(text).makeIterator()
        var pending: Character? = nil
        while let character = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    let next = iterator.next()
                    if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                } else { field.append(character) }
                continue
            }
            switch character {
            case "\"": quoted = true
            case ",": row.append(field); field = ""
            case "\r\n", "\n": row.append(field); rows.append(row); row = []; field = ""
            default: field.append(character)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}
