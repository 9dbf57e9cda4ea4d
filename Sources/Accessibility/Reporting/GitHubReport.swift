import Foundation

/// `--format github`: GitHub Actions workflow commands (`::error file=…,line=…,col=…,title=…::…`),
/// which GitHub shows as annotations on the lines of a pull request. Silenced findings are left
/// out; the last line is a notice with the counts.
struct GitHubReport {
    func render(_ report: LintReport) -> String {
        var lines: [String] = []
        for finding in report.findings where !finding.isSilenced {
            let command = switch finding.severity {
            case .error: "error"
            case .warning: "warning"
            case .advice: "notice"
            }
            var properties: [String] = []
            if let location = finding.location {
                properties.append("file=\(Self.property(location.file))")
                properties.append("line=\(location.line)")
                properties.append("col=\(location.column)")
            }
            var title = finding.ruleID.isEmpty ? "Herald" : finding.ruleID
            if let criteria = finding.diagnostic.rule?.criteria, !criteria.isEmpty {
                title += " (WCAG \(criteria.joined(separator: ", ")))"
            }
            properties.append("title=\(Self.property(title))")
            var message = finding.message
            if let hint = finding.diagnostic.hint { message += "\nHint: \(hint)" }
            lines.append("::\(command) \(properties.joined(separator: ","))::\(Self.data(message))")
        }
        lines.append("::notice title=Herald accessibility::\(Self.data(report.summary.description))")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The escaping GitHub's runner undoes in a command's message.
    static func data(_ text: String) -> String {
        text.replacingAll("%", "%25").replacingAll("\r", "%0D").replacingAll("\n", "%0A")
    }

    /// The escaping for a property value, which also may not hold `:` or `,`.
    static func property(_ text: String) -> String {
        data(text).replacingAll(":", "%3A").replacingAll(",", "%2C")
    }
}

extension String {
    func replacingAll(_ target: String, _ replacement: String) -> String {
        var result = ""
        var rest = Substring(self)
        while let range = rest.range(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
