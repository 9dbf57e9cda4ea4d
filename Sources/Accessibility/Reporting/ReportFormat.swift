/// The shapes a lint report can take (`--format`).
public enum ReportFormat: String, Sendable, CaseIterable {
    /// Compiler-style, with the source line and a caret (the default).
    case human
    case json
    /// GitHub Actions workflow commands, which become annotations on a pull request.
    case github
    /// SARIF 2.1.0, for code scanning.
    case sarif
}

/// Renders findings in any of the report formats.
public struct LintReport: Sendable {
    public var findings: [Finding]
    public var registry: RuleRegistry

    public init(findings: [Finding], registry: RuleRegistry = .standard) {
        self.findings = findings.removingDuplicates().sortedByLocation()
        self.registry = registry
    }

    /// True when the build must stop: an unsilenced error, or with `strict` a warning.
    public func failsBuild(strict: Bool) -> Bool { findings.contains { $0.failsBuild(strict: strict) } }

    /// - Parameter summary: end the human report with the counts (off when the caller prints its own).
    public func render(_ format: ReportFormat, useColour: Bool = false, summary: Bool = true) -> String {
        switch format {
        case .human: HumanReport(useColour: useColour, includeSummary: summary).render(self)
        case .json: JSONReport().render(self)
        case .github: GitHubReport().render(self)
        case .sarif: SARIFReport().render(self)
        }
    }

    public var summary: LintSummary { LintSummary(findings) }
}

/// How many findings of each kind a report holds.
public struct LintSummary: Sendable, Hashable, Codable {
    public var errors = 0
    public var warnings = 0
    public var advice = 0
    public var silenced = 0

    public init(_ findings: [Finding]) {
        for finding in findings {
            if finding.isSilenced {
                silenced += 1
                continue
            }
            switch finding.severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .advice: advice += 1
            }
        }
    }

    public var description: String {
        func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
        var text = [count(errors, "error", "errors"), count(warnings, "warning", "warnings"), "\(advice) advice"]
            .joined(separator: ", ")
        if silenced > 0 { text += " (\(silenced) silenced)" }
        return text
    }
}
