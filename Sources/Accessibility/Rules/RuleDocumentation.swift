/// Writes docs/accessibility-rules.md from the registry, so the list of rules cannot drift from
/// the code (a test compares the file with this output).
public enum RuleDocumentation {
    public static func markdown(_ registry: RuleRegistry = .standard) -> String {
        var lines = [introduction]
        for group in RuleGroup.allCases {
            let rules = registry.rules.filter { $0.group == group }
            guard !rules.isEmpty else { continue }
            lines.append("## \(group.title)\n")
            lines.append("| rule | WCAG 2.2 | severity | checked on | axe-core rule |")
            lines.append("| --- | --- | --- | --- | --- |")
            for rule in rules {
                let criteria = rule.criteria.map { number in
                    WCAG.criterion(number).map { "[\(number)](\($0.url)) \($0.name) (\($0.level))" } ?? number
                }
                let cells = [
                    "`\(rule.id)`", criteria.isEmpty ? "—" : criteria.joined(separator: "<br>"), rule.severity.rawValue,
                    rule.scopes.names.joined(separator: ", "), rule.axeRule.map { "`\($0)`" } ?? "—",
                ]
                lines.append("| " + cells.map(escape).joined(separator: " | ") + " |")
            }
            lines.append("")
            for rule in rules {
                lines.append("- **`\(rule.id)`**: \(rule.summary)  \n  *Fix:* \(rule.hint)")
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    private static func escape(_ cell: String) -> String { cell.replacingAll("|", "\\|") }

    private static let introduction = """
        # Accessibility rules

        <!-- Generated from Sources/Accessibility/Rules by RuleDocumentationTests; edit the rules, then run
             `HERALD_UPDATE_RULE_DOCS=1 swift test --filter RuleDocumentationTests` to rewrite this file. -->

        Herald checks every page against these rules before anything is written to `public/`. Each rule
        serves one or more WCAG 2.2 success criteria and has a severity:

        - **error**: the page fails WCAG 2.2 AA where a machine can tell. The build stops.
        - **warning**: very likely a problem. Reported; `--strict` stops the build on warnings too.
        - **advice**: plain English suggestions after the GOV.UK style guide. Never stops a build.

        Where the same check exists in [axe-core](https://github.com/dequelabs/axe-core), its rule id is given:
        CI runs axe-core over the linter's fixture pages and checks that Herald reports everything axe does.

        ## Where findings point

        - **Markdown rules** run on the page's Markdown tree and point at the Markdown line and column.
        - **Page rules** run on the rendered HTML (parsed with libgumbo). An element that came from Markdown
          carries `data-sourcepos`; the finding points at that Markdown line. Otherwise the finding points at
          the template line that writes the element, found from its tag and its id, class and other
          attributes (`TemplateLocator`). Failing both, it points at the line of the HTML file.
        - **Site rules** compare pages with each other.

        ## Silencing a rule on one page

        A page can silence a rule only by giving a reason in its front matter:

        ```yaml
        lint_ignore:
          plain-sentence-length: "The legal name of the order is one long sentence."
        ```

        Silenced findings are still listed in every report, with the reason. A silence without a reason is
        a front matter error (`silencing 'plain-sentence-length' needs a reason`), and the page is not
        built until it has one. A silence naming a rule that does not exist is an error
        (`lint-ignore-invalid`).

        ## Reports

        `herald build` and `herald check` print findings compiler-style, with the source line and a caret.
        `--format json` gives each finding's rule, WCAG criteria, severity, file, line, column, message, hint
        and axe-core rule; `--format github` prints GitHub Actions annotations; `--format sarif` writes
        SARIF 2.1.0 for code scanning, every rule below in `tool.driver.rules`.
        `herald check --html FILE [--css FILE]` runs the page rules on any HTML file, reading the local
        stylesheets it links.

        ## Cost

        The content rules run once per page on the Markdown tree. The page rules then skip the elements that
        came from Markdown (the content rules judged them) and check what the templates added and what
        spans the whole page: one h1, heading order, landmarks, ids, the skip link. Template chrome that is
        byte-for-byte the same on many pages (header, navigation, footer) is checked once per build: its
        findings and the facts the whole-page rules need are kept in a `ChromeCache` and replayed.

        """
}
