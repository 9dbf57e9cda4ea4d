import Testing
@testable import Core

@Suite struct SHA256Tests {
    // Vectors from FIPS 180-4 and NIST's examples.
    @Test func knownDigests() {
        #expect(SHA256.hex(Array("".utf8)) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func incrementalUpdatesMatchOneShot() {
        var hasher = SHA256()
        hasher.update(Array("ab".utf8))
        hasher.update(Array("c".utf8))
        #expect(hasher.finalizeHex() == SHA256.hex(Array("abc".utf8)))
    }

    /// Contiguous storage is hashed a block at a time and other sequences byte by byte: split
    /// anywhere, through either path, the digest is the one-shot digest.
    @Test func piecesOfAnySizeAndAnySequenceGiveTheSameDigest() {
        let bytes = (0..<1_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let whole = SHA256.hex(bytes)
        for piece in [1, 3, 63, 64, 65, 127, 500] {
            var contiguous = SHA256()
            var lazy = SHA256()
            var start = 0
            while start < bytes.count {
                let slice = bytes[start..<min(start + piece, bytes.count)]
                contiguous.update(slice)
                lazy.update(slice.lazy.map { $0 })
                start += piece
            }
            #expect(contiguous.finalizeHex() == whole, "pieces of \(piece)")
            #expect(lazy.finalizeHex() == whole, "lazy pieces of \(piece)")
        }
    }
}
