/// One thing Herald has to tell a person about their input: where, what, and how to fix it.
public struct Diagnostic: Error, Hashable, Sendable, Codable, CustomStringConvertible {
    public var severity: Severity
    public var location: SourceLocation?
    public var message: String
    /// How to fix it, in one sentence a non-developer can act on.
    public var hint: String?
    /// The text of the line `location` points at, shown under the message with a caret.
    public var sourceLine: String?
    /// Set by the accessibility linter: the rule that found this.
    public var rule: RuleReference?

    public init(
        _ severity: Severity, _ message: String, at location: SourceLocation? = nil,
        hint: String? = nil, sourceLine: String? = nil, rule: RuleReference? = nil
    ) {
        self.severity = severity
        self.message = message
        self.location = location
        self.hint = hint
        self.sourceLine = sourceLine
        self.rule = rule
    }

    public static func error(
        _ message: String, at location: SourceLocation? = nil, hint: String? = nil, sourceLine: String? = nil
    ) -> Diagnostic {
        Diagnostic(.error, message, at: location, hint: hint, sourceLine: sourceLine)
    }

    public static func warning(
        _ message: String, at location: SourceLocation? = nil, hint: String? = nil, sourceLine: String? = nil
    ) -> Diagnostic {
        Diagnostic(.warning, message, at: location, hint: hint, sourceLine: sourceLine)
    }

    /// Fills in `sourceLine` from the text of the file the location points into.
    public func withSourceLine(from text: String) -> Diagnostic {
        guard let location, sourceLine == nil else { return self }
        var copy = self
        copy.sourceLine = SourceText.line(location.line, of: text)
        return copy
    }

    public var description: String { DiagnosticFormatter(useColour: false).format(self) }

    /// Reading order: by file, line and column, then by message, so that a list sorted this
    /// way is the same however the work that found it was divided up.
    public static func inReadingOrder(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        let left = (a.location?.file ?? "", a.location?.line ?? 0, a.location?.column ?? 0)
        let right = (b.location?.file ?? "", b.location?.line ?? 0, b.location?.column ?? 0)
        if left != right { return left < right }
        return (a.message, a.severity.rawValue, a.hint ?? "") < (b.message, b.severity.rawValue, b.hint ?? "")
    }
}

/// Which accessibility rule produced a diagnostic, and what it serves.
public struct RuleReference: Hashable, Sendable, Codable {
    public var id: String
    /// The WCAG 2.2 success criteria, e.g. ["1.1.1"].
    public var criteria: [String]
    /// The axe-core rule that checks the same thing, where one exists.
    public var axeRule: String?

    public init(id: String, criteria: [String], axeRule: String? = nil) {
        self.id = id
        self.criteria = criteria
        self.axeRule = axeRule
    }
}

/// Several diagnostics thrown together, so a build can report every problem at once.
public struct DiagnosticList: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    public var description: String {
        diagnostics.map { DiagnosticFormatter(useColour: false).format($0) }.joined(separator: "\n")
    }
}
