import Testing
@testable import Accessibility

/// `data-sourcepos` values are read by their bytes in the usual shape; every other shape must
/// read as the general reading (split at `-`, then at `:`) always did.
@Suite struct SourcePositionTests {
    /// The general reading, kept here as the reference the quick one must agree with.
    static func reference(_ value: String) -> SourcePosition? {
        let start = value.split(separator: "-", maxSplits: 1).first ?? ""
        let parts = start.split(separator: ":")
        guard parts.count == 2, let line = Int(parts[0]), let column = Int(parts[1]), line > 0, column > 0 else { return nil }
        return SourcePosition(line: line, column: column)
    }

    @Test func theUsualShapeGivesTheStart() {
        #expect(SourcePosition(attribute: "12:3-12:40") == SourcePosition(line: 12, column: 3))
        #expect(SourcePosition(attribute: "1:1-1:1") == SourcePosition(line: 1, column: 1))
        #expect(SourcePosition(attribute: "7:15") == SourcePosition(line: 7, column: 15))
    }

    @Test func zerosAndJunkAreNoPosition() {
        for value in ["", "0:3-1:1", "3:0-1:1", "a:b", "12", "12:", ":3", "-", "12:3:4", "x12:3"] {
            #expect(SourcePosition(attribute: value) == nil, "\(value)")
        }
    }

    @Test func everyShapeAgreesWithTheGeneralReading() {
        let pieces = ["", "0", "1", "12", "007", "+3", "1234567890", "99999999999999999999", ":", "-", "::", "a", " "]
        var checked = 0
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let value = a + b + c
                    #expect(SourcePosition(attribute: value) == Self.reference(value), "\(value)")
                    checked += 1
                }
            }
        }
        #expect(checked == pieces.count * pieces.count * pieces.count)
    }
}
