import Foundation
import Testing
@testable import Accessibility

@Suite struct RuleDocumentationTests {
    static let docPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/accessibility-rules.md").path

    @Test func docsListEveryRuleAsTheRegistryDefinesIt() throws {
        let generated = RuleDocumentation.markdown()
        if ProcessInfo.processInfo.environment["HERALD_UPDATE_RULE_DOCS"] != nil {
            try generated.write(toFile: Self.docPath, atomically: true, encoding: .utf8)
        }
        let written = try String(contentsOfFile: Self.docPath, encoding: .utf8)
        #expect(written == generated, "docs/accessibility-rules.md is stale: run HERALD_UPDATE_RULE_DOCS=1 swift test --filter RuleDocumentationTests")
        for rule in RuleRegistry.standard.rules {
            #expect(written.contains("`\(rule.id)`"))
        }
    }

    @Test func everyRuleIsComplete() {
        let rules = RuleRegistry.standard.rules
        #expect(Set(rules.map(\.id)).count == rules.count)
        for rule in rules {
            #expect(!rule.summary.isEmpty && !rule.hint.isEmpty, "\(rule.id)")
            #expect(rule.id.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }, "\(rule.id)")
            #expect(!rule.scopes.isEmpty, "\(rule.id)")
            for criterion in rule.criteria {
                #expect(WCAG.criterion(criterion) != nil, "\(rule.id) names unknown criterion \(criterion)")
            }
            if rule.group != .linter { #expect(!rule.criteria.isEmpty, "\(rule.id) serves no criterion") }
        }
        #expect(RuleRegistry.standard.rule("img-alt-missing")?.axeRule == "image-alt")
        #expect(RuleRegistry.standard.rule("nope") == nil)
    }

    @Test func registryReplacesARuleWithTheSameId() {
        var registry = RuleRegistry([.imageAltMissing])
        var changed = Rule.imageAltMissing
        changed.severity = .warning
        registry.add(changed)
        #expect(registry.rules.count == 1)
        #expect(registry.rule("img-alt-missing")?.severity == .warning)
        #expect(registry.suggestion(for: "img-alt-mising") == "img-alt-missing")
        #expect(registry.suggestion(for: "completely-different") == nil)
    }
}
