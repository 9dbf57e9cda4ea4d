import Foundation
import Testing
@testable import Content

/// A required field of only spaces is empty: the check must say what Foundation's trimming of
/// `.whitespaces` said, for every kind of space there is.
struct FieldReaderBlankTests {
    @Test func blankMeansWhatFoundationsWhitespacesMeans() {
        var scalars: [Unicode.Scalar] = []
        for value in 0...0x3100 { if let scalar = Unicode.Scalar(value) { scalars.append(scalar) } }
        scalars += ["\u{FEFF}", "\u{205F}", "\u{3000}", "\u{1F600}"]
        for scalar in scalars {
            let text = String(repeating: String(Character(scalar)), count: 2)
            #expect(FieldReader.isBlank(text) == text.trimmingCharacters(in: .whitespaces).isEmpty, "U+\(String(scalar.value, radix: 16))")
        }
        #expect(FieldReader.isBlank(""))
        #expect(FieldReader.isBlank(" \t\u{00A0}\u{2003}"))
        #expect(!FieldReader.isBlank("  a "))
        #expect(!FieldReader.isBlank("\n"))
    }

    @Test func aRequiredTitleOfSpacesIsEmpty() throws {
        let front = try FrontMatter.split("---\ntitle: \"\u{2003} \"\n---\nBody.\n", file: "content/a.md")
        let (metadata, diagnostics) = FrontMatterParser.parse(front, file: "content/a.md")
        #expect(metadata == nil)
        #expect(diagnostics.contains { $0.message == "'title' is empty" }, "\(diagnostics)")
    }
}
