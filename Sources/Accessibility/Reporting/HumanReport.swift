import Core

/// The report for a person at a terminal: each finding as a compiler would print it, then the
/// silenced rules with their reasons, then the counts.
struct HumanReport {
    var useColour: Bool
    var includeSummary = true

    func render(_ report: LintReport) -> String {
        let formatter = DiagnosticFormatter(useColour: useColour)
        var blocks: [String] = []
        for finding in report.findings where !finding.isSilenced {
            var diagnostic = finding.diagnostic
            if let rule = diagnostic.rule, !rule.criteria.isEmpty {
                diagnostic.message += " (WCAG \(rule.criteria.joined(separator: ", ")))"
            }
            blocks.append(formatter.format(diagnostic))
        }
        let silenced = report.findings.filter(\.isSilenced)
        if !silenced.isEmpty {
            var lines = ["Silenced by lint_ignore:"]
            for finding in silenced {
                let place = finding.location.map { "\($0): " } ?? ""
                lines.append("  \(place)[\(finding.ruleID)] \(finding.message) (reason: \(finding.silencedBecause!))")
            }
            blocks.append(lines.joined(separator: "\n"))
        }
        if includeSummary { blocks.append(report.summary.description) }
        return blocks.isEmpty ? "" : blocks.joined(separator: "\n\n") + "\n"
    }
}
