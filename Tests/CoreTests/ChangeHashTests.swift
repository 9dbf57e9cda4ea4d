import Foundation
import Testing
@testable import Core

@Suite struct ChangeHashTests {
    /// FNV-1a over the UTF-8 bytes, then a separator byte: the definition the fast path must keep,
    /// since fingerprints written by one build are compared by the next.
    static func reference(_ parts: [String]) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for part in parts {
            for byte in Array(part.utf8) + [0xFF] {
                value ^= UInt64(byte)
                value = value &* 0x0000_0100_0000_01B3
            }
        }
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    @Test(arguments: [[""], ["a"], ["ab", "c"], ["a", "bc"], ["Crimestoppers — 0800 555 111", "ÿ"], [String(repeating: "x", count: 10_000)]])
    func matchesTheDefinition(_ parts: [String]) {
        var hash = ChangeHash()
        for part in parts { hash.add(part) }
        #expect(hash.hex == Self.reference(parts))
    }

    @Test func bridgedAndSlicedStringsHashAsTheirText() {
        let text = "Report a crime — online"
        let bridged = NSString(string: text) as String
        let sliced = String("xx\(text)yy".dropFirst(2).dropLast(2))
        #expect(ChangeHash.of(bridged) == ChangeHash.of(text))
        #expect(ChangeHash.of(sliced) == ChangeHash.of(text))
        #expect(ChangeHash.of("ab", "c") != ChangeHash.of("a", "bc"))
    }
}
