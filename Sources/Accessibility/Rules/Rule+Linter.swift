extension Rule {
    public static let lintIgnoreInvalid = Rule(
        id: "lint-ignore-invalid", criteria: [], severity: .error, group: .linter,
        summary: "A page silences a rule in `lint_ignore` only with a reason, and only a rule that exists.",
        hint: "Write `lint_ignore: { rule-id: \"why this page is an exception\" }` with a rule id from docs/accessibility-rules.md.",
        scopes: [.content])
}
