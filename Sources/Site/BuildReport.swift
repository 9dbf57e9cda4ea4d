import Foundation
import Core

/// What a build did and found: the numbers for the summary line and every diagnostic.
public struct BuildReport: Sendable {
    public var pageCount = 0
    public var fileCount = 0
    /// Findings that count, sorted by file and line.
    public var diagnostics: [Diagnostic] = []
    /// Findings a page silenced with a reason (listed, never counted).
    public var silenced: [SilencedFinding] = []
    public var seconds: Double = 0
    /// True when the failure is in the config or the command, not the content (exit status 2).
    public var isConfigurationFailure = false
    public var strict = false
    /// The config turned on site search, so the indexer runs before publishing.
    public var searchEnabled = false
    /// Nothing changed since the last build, so nothing was done.
    public var unchanged = false
    /// Pages taken unchanged from the last build.
    public var reusedPageCount = 0
    /// Pages Herald makes itself (lists, A to Z, redirects) taken unchanged from the last build.
    public var reusedGeneratedCount = 0
    /// Only the edited pages were looked at (`renderTextEdits`): the preview's quickest rebuild.
    public var onlyEditedPages = false

    public init() {}

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }

    public var succeeded: Bool { errorCount == 0 && !(strict && warningCount > 0) }

    /// `Built 142 pages in 0.31 s: 0 errors, 3 warnings`.
    /// - Parameter shown: the counts of the findings as the reader sees them, when a report
    ///   printed them once per place (a template line that fails on many pages is one finding).
    public func summary(verb: String = "Built", shown: (errors: Int, warnings: Int)? = nil) -> String {
        let time = String(format: "%.2f", seconds)
        let plural = pageCount == 1 ? "page" : "pages"
        let (errors, warnings) = shown ?? (errorCount, warningCount)
        var line = "\(verb) \(pageCount) \(plural) in \(time) s: \(errors) \(errors == 1 ? "error" : "errors"), "
            + "\(warnings) \(warnings == 1 ? "warning" : "warnings")"
        if !silenced.isEmpty { line += ", \(silenced.count) silenced" }
        if unchanged { line += " (nothing changed since the last build)" }
        if !succeeded { line += verb == "Built" ? "; nothing was written" : "" }
        return line
    }
}

/// A finding a page chose to silence, with the author's reason.
public struct SilencedFinding: Sendable, Hashable, Codable {
    public var diagnostic: Diagnostic
    public var reason: String

    public init(diagnostic: Diagnostic, reason: String) {
        self.diagnostic = diagnostic
        self.reason = reason
    }

    /// `Diagnostic.inReadingOrder`, then by reason.
    static func inReadingOrder(_ a: SilencedFinding, _ b: SilencedFinding) -> Bool {
        if Diagnostic.inReadingOrder(a.diagnostic, b.diagnostic) { return true }
        if Diagnostic.inReadingOrder(b.diagnostic, a.diagnostic) { return false }
        return a.reason < b.reason
    }
}
