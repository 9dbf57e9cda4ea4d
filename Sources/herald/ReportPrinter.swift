import Accessibility
import ArgumentParser
import Core
import Foundation
import Site

/// Prints a build's findings in the chosen format and turns the outcome into the exit status.
struct ReportPrinter {
    var format: ReportFormat

    /// Prints everything and returns the exit code to throw (0, 1 or 2).
    func finish(_ report: BuildReport, verb: String) -> ExitCode {
        let findings = report.diagnostics.map { Finding(diagnostic: $0) }
            + report.silenced.map { Finding(diagnostic: $0.diagnostic, silencedBecause: $0.reason) }
        let terminal = Terminal.standardError
        let lint = LintReport(findings: findings)
        let rendered = lint.render(format, useColour: terminal.supportsColour, summary: false)
        // Findings for a person go to standard error beside the summary; machine formats go to
        // standard output so they can be redirected into a file.
        (format == .human ? terminal : Terminal.standardOutput).write(rendered)
        // The summary counts what was printed: "3 errors" above one error read as a miscount.
        let shown = lint.summary
        terminal.write(report.summary(verb: verb, shown: (shown.errors, shown.warnings)) + "\n")
        if report.succeeded { return .success }
        return report.isConfigurationFailure ? ExitCode(2) : ExitCode(1)
    }
}

extension ReportFormat: ExpressibleByArgument {}
