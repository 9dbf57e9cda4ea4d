import Foundation
import Core

/// One `lint_ignore` entry from a page's front matter: the rule it silences, why, and where it
/// was written (so a bad entry can be reported at its line).
public struct Silence: Sendable, Hashable {
    public var rule: String
    public var reason: String
    public var location: SourceLocation?

    public init(rule: String, reason: String, at location: SourceLocation? = nil) {
        self.rule = rule
        self.reason = reason
        self.location = location
    }
}

/// Applies a page's silences: matching findings are kept but marked silenced with the reason;
/// a silence without a reason, or for a rule that does not exist, is itself an error.
public struct Silencer: Sendable {
    public var registry: RuleRegistry

    public init(registry: RuleRegistry = .standard) { self.registry = registry }

    public func apply(_ silences: [Silence], to findings: [Finding]) -> [Finding] {
        var reasons: [String: String] = [:]
        var problems: [Finding] = []
        for silence in silences {
            let reason = silence.reason.trimmingCharacters(in: .whitespacesAndNewlines)
            if registry.rule(silence.rule) == nil {
                let suggestion = registry.suggestion(for: silence.rule).map { " Did you mean '\($0)'?" } ?? ""
                problems.append(Finding(
                    .lintIgnoreInvalid, "lint_ignore names '\(silence.rule)', which is not a rule.\(suggestion)",
                    at: silence.location))
            } else if reason.isEmpty {
                problems.append(Finding(
                    .lintIgnoreInvalid, "lint_ignore silences '\(silence.rule)' without a reason; the rule still applies.",
                    at: silence.location))
            } else {
                reasons[silence.rule] = reason
            }
        }
        let marked = findings.map { finding -> Finding in
            guard finding.silencedBecause == nil, let reason = reasons[finding.ruleID] else { return finding }
            var copy = finding
            copy.silencedBecause = reason
            return copy
        }
        return marked + problems
    }
}
