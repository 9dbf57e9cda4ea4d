extension Rule {
    public static let lintIgnoreInvalid = Rule(
        id: "lint-ignore-invalid", criteria: [], severity: .error, group: .linter,
        summary: "A page silences only a rule that exists (a silence without a reason is a front matter error).",
        hint: "Write `lint_ignore: { rule-id: \"why this page is an exception\" }` with a rule id from docs/accessibility-rules.md.",
        scopes: [.content])
}
