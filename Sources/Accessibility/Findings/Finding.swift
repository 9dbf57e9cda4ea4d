import Core

/// One thing the linter found: a diagnostic that names its rule, and, when the page's front
/// matter silenced that rule, the reason it gave (silenced findings are kept so reports list them).
public struct Finding: Sendable, Hashable {
    public var diagnostic: Diagnostic
    /// The `lint_ignore` reason, when the page silenced this rule.
    public var silencedBecause: String?

    public init(diagnostic: Diagnostic, silencedBecause: String? = nil) {
        self.diagnostic = diagnostic
        self.silencedBecause = silencedBecause
    }

    public init(_ rule: Rule, _ message: String, at location: SourceLocation?, hint: String? = nil) {
        self.diagnostic = Diagnostic(rule.severity, message, at: location, hint: hint ?? rule.hint, rule: rule.reference)
    }

    public var ruleID: String { diagnostic.rule?.id ?? "" }
    public var severity: Severity { diagnostic.severity }
    public var location: SourceLocation? { diagnostic.location }
    public var message: String { diagnostic.message }
    public var isSilenced: Bool { silencedBecause != nil }

    /// True when this finding should stop a build: an error, or with `strict` a warning too.
    public func failsBuild(strict: Bool) -> Bool {
        guard !isSilenced else { return false }
        return severity == .error || (strict && severity == .warning)
    }
}

extension Array where Element == Finding {
    /// Findings in reading order: by file, line, column, then rule id.
    public func sortedByLocation() -> [Finding] {
        sorted { a, b in
            let la = a.location ?? SourceLocation(file: "", line: 0, column: 0)
            let lb = b.location ?? SourceLocation(file: "", line: 0, column: 0)
            if la != lb { return la < lb }
            if a.ruleID != b.ruleID { return a.ruleID < b.ruleID }
            return a.message < b.message
        }
    }

    /// The findings with repeats left out: the same rule at the same place (the content rules and
    /// the page rules can both see a heading that skips a level) is reported once. A finding of
    /// no rule (front matter, links) is a repeat only with the same message: three fields missing
    /// from one front matter are three things to fix, though all point at its first line.
    public func removingDuplicates() -> [Finding] {
        var seen: Set<String> = []
        return filter { finding in
            let place = finding.location.map { "\($0)" } ?? ""
            let what = finding.ruleID.isEmpty ? finding.message : finding.ruleID
            return seen.insert("\(what)|\(place)|\(finding.isSilenced)").inserted
        }
    }

    /// Fills in each finding's quoted source line from the texts of the files it points into.
    public func withSourceLines(_ sources: [String: String]) -> [Finding] {
        map { finding in
            guard let file = finding.location?.file, let text = sources[file] else { return finding }
            var copy = finding
            copy.diagnostic = finding.diagnostic.withSourceLine(from: text)
            return copy
        }
    }
}
