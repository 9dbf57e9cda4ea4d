import Core
import Testing
@testable import Content

@Suite struct PageScaffoldTests {
    let today = Day(year: 2026, month: 11, day: 23)

    @Test(arguments: PageKind.allCases)
    func everyKindScaffoldsAPageWithItsRequiredFields(kind: PageKind) throws {
        let scaffold = PageScaffold.make(kind: kind, title: "Safer \"Streets\": round 4", today: today)
        let front = try FrontMatter.split(scaffold.text, file: scaffold.path)
        let (meta, diagnostics) = FrontMatterParser.parse(front, file: scaffold.path)
        // Every required field is present: no error, only TODO warnings.
        #expect(diagnostics.allSatisfy { $0.severity == .warning && $0.message.contains("TODO") })
        #expect(meta?.kind == kind)
        #expect(meta?.title == "Safer \"Streets\": round 4")
        #expect(scaffold.path.hasSuffix(".md"))
        #expect(scaffold.path.hasPrefix(PageScaffold.folder(for: kind)))
    }

    @Test func decisionTakesTheNextFreeNumberOfTheYear() throws {
        let scaffold = PageScaffold.make(kind: .decision, title: "DriveIQ", today: today,
                                         existingDecisionNumbers: ["2026-001", "2026-007", "2025-020", "junk"])
        #expect(scaffold.path == "decisions/2026-008-driveiq.md")
        #expect(scaffold.text.contains("number: \"2026-008\""))
        #expect(PageScaffold.nextDecisionNumber(year: 2027, existing: ["2026-008"]) == "2027-001")
    }

    @Test func placeholdersLeftInAreWarnings() throws {
        let front = try FrontMatter.split("---\ntitle: A\ndescription: \"TODO: x\"\n---\n", file: "a.md")
        let (_, diagnostics) = FrontMatterParser.parse(front, file: "a.md")
        #expect(diagnostics.map(\.severity) == [.warning])
        #expect(diagnostics.first?.location?.line == 3)
    }
}
