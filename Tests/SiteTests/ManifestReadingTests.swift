import Core
import Foundation
import TestSupport
import Testing
@testable import Site

/// The manifest is read back by the next build (the published site's and the spare's): the
/// quick line reader must agree with a JSON parser on everything `Manifest.data` writes, and
/// hand anything else to the parser.
struct ManifestReadingTests {
    static let sha = String(repeating: "ab", count: 32)

    @Test func theLineReaderAgreesWithJSONOnWhatHeraldWrites() throws {
        let entries: [String: Manifest.Entry] = [
            "index.html": .init(sha256: Self.sha, size: 10_472),
            "report/online/index.html": .init(sha256: String(repeating: "0", count: 64), size: 0),
            "documents/café plan 2024.pdf": .init(sha256: Self.sha, size: 1_234_567_890),
        ]
        let data = Manifest.data(entries)
        let quick = try #require(Manifest.entriesAsWritten(data))
        #expect(quick == entries)
        #expect(Manifest.entriesFromJSON(data) == entries)
        #expect(Manifest.entriesAsWritten(Manifest.data([:])) == [:])
    }

    @Test func anythingElseGoesToTheJSONParser() throws {
        // Escaped paths, and the same manifest laid out differently by another tool.
        let escaped: [String: Manifest.Entry] = ["a \"quoted\" & <odd>/index.html": .init(sha256: Self.sha, size: 3),
                                                 "plain.html": .init(sha256: Self.sha, size: 4)]
        let data = Manifest.data(escaped)
        #expect(Manifest.entriesAsWritten(data) == nil)
        #expect(Manifest.entriesFromJSON(data) == escaped)

        let reformatted = Data(#"{"files":{"plain.html":{"size":4,"sha256":"\#(Self.sha)"}},"version":1}"#.utf8)
        #expect(Manifest.entriesAsWritten(reformatted) == nil)
        #expect(Manifest.entriesFromJSON(reformatted) == ["plain.html": .init(sha256: Self.sha, size: 4)])

        let fs = InMemoryFileSystem()
        try fs.write(data, to: "public/.herald-manifest.json")
        #expect(Manifest.entries(at: "public/.herald-manifest.json", on: fs) == escaped)
    }

    @Test func aDamagedManifestIsNotReadAsAShorterOne() {
        let whole = String(decoding: Manifest.data(["a/index.html": .init(sha256: Self.sha, size: 1), "b/index.html": .init(sha256: Self.sha, size: 2)]),
                           as: UTF8.self)
        let bytes = Array(whole.utf8)
        for length in 0..<bytes.count {
            let cut = Data(bytes[0..<length])
            #expect(Manifest.entriesAsWritten(cut) == nil, "cut at \(length)")
        }
        let shortHash = whole.replacingOccurrences(of: Self.sha, with: "abc")
        #expect(Manifest.entriesAsWritten(Data(shortHash.utf8)) == nil)
        // Bytes changed at random: read as something or refused, never a crash.
        var random = SplitMix64(seed: 11)
        var refused = 0
        for _ in 0..<3_000 {
            var damaged = bytes
            damaged[Int(random.next() % UInt64(damaged.count))] = UInt8(truncatingIfNeeded: random.next())
            if Manifest.entriesAsWritten(Data(damaged)) == nil { refused += 1 }
        }
        #expect(refused > 0 && refused <= 3_000)
    }
}
