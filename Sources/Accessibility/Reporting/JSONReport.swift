import Foundation

/// `--format json`: one object per finding with the rule, WCAG criteria, severity, place,
/// message and the matching axe-core rule, and the counts.
struct JSONReport {
    struct Document: Encodable {
        var version = 1
        var findings: [Item]
        var summary: LintSummary
    }

    struct Item: Encodable {
        var rule: String?
        var criteria: [String]
        var severity: String
        var file: String?
        var line: Int?
        var column: Int?
        var message: String
        var hint: String?
        var axeRule: String?
        var silenced: Bool
        var silenceReason: String?

        enum CodingKeys: String, CodingKey {
            case rule, criteria, criterion, severity, file, line, column, message, hint, axeRule, silenced, silenceReason
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(rule, forKey: .rule)
            try container.encode(criteria, forKey: .criteria)
            try container.encode(criteria.first, forKey: .criterion)
            try container.encode(severity, forKey: .severity)
            try container.encode(file, forKey: .file)
            try container.encode(line, forKey: .line)
            try container.encode(column, forKey: .column)
            try container.encode(message, forKey: .message)
            try container.encode(hint, forKey: .hint)
            try container.encode(axeRule, forKey: .axeRule)
            try container.encode(silenced, forKey: .silenced)
            try container.encode(silenceReason, forKey: .silenceReason)
        }
    }

    func render(_ report: LintReport) -> String {
        let items = report.findings.map { finding in
            Item(rule: finding.diagnostic.rule?.id, criteria: finding.diagnostic.rule?.criteria ?? [],
                 severity: finding.severity.rawValue, file: finding.location?.file, line: finding.location?.line,
                 column: finding.location?.column, message: finding.message, hint: finding.diagnostic.hint,
                 axeRule: finding.diagnostic.rule?.axeRule, silenced: finding.isSilenced, silenceReason: finding.silencedBecause)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(Document(findings: items, summary: report.summary))) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
