import Core
import Content

/// The decisions log as open data: `decisions.csv` and `decisions.json`, the same fields as the notices.
enum DecisionsData {
    struct Row {
        var decision: DecisionFields
        var title: String
        var date: Day
        var url: String
    }

    static let columns = ["number", "title", "date", "decision_maker", "meeting", "status", "category",
                          "summary", "financial_implications", "confidential", "url"]

    private static func values(_ row: Row, baseURL: String) -> [String] {
        let d = row.decision
        return [d.number, row.title, row.date.iso, d.decisionMaker, d.meeting, d.status.rawValue, d.category,
                d.summary, d.financialImplications, d.confidential ? "true" : "false", baseURL + Slug.encodePath(row.url)]
    }

    static func csv(_ rows: [Row], baseURL: String) -> String {
        var text = columns.joined(separator: ",") + "\r\n"
        for row in rows {
            text += values(row, baseURL: baseURL).map(Escape.csv).joined(separator: ",") + "\r\n"
        }
        return text
    }

    static func json(_ rows: [Row], baseURL: String) -> String {
        var text = "{\n  \"decisions\": ["
        for (index, row) in rows.enumerated() {
            let fields = zip(columns, values(row, baseURL: baseURL)).map { name, value in
                let rendered = name == "confidential" ? value : Escape.json(value)
                return "      \(Escape.json(name)): \(rendered)"
            }
            text += (index == 0 ? "\n" : ",\n") + "    {\n" + fields.joined(separator: ",\n") + "\n    }"
        }
        return text + (rows.isEmpty ? "]\n}\n" : "\n  ]\n}\n")
    }
}
