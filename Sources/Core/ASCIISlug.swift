/// The quick path shared by file-name slugs (`Slug.make`) and heading ids (`HeadingIDs.slug`)
/// for plain ASCII text, byte by byte: letters lower-cased, digits kept, and each run of other
/// bytes one `-` between kept ones. The two differ only in how a few other bytes count, and
/// each is tested against its own Unicode path.
public enum ASCIISlug {
    /// What a byte other than a letter or a digit does.
    public enum Treatment: Sendable {
        /// Kept as it is (`_` in a file name).
        case keep
        /// Left out without a separator (an apostrophe in a heading: `Don't` → `dont`).
        case drop
        /// Ends a word: one `-` before the next kept byte.
        case separate
    }

    /// True when every byte of `text` is ASCII, so `make` applies.
    public static func applies(to text: String) -> Bool {
        text.utf8.allSatisfy { $0 < 0x80 }
    }

    /// The slug of ASCII `text`; `empty` when nothing is kept.
    public static func make(_ text: String, otherBytes treatment: (UInt8) -> Treatment, empty: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSeparator = false
        for byte in text.utf8 {
            let kept: UInt8
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): kept = byte + 0x20
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): kept = byte
            default:
                switch treatment(byte) {
                case .keep: kept = byte
                case .drop: continue
                case .separate:
                    pendingSeparator = true
                    continue
                }
            }
            if pendingSeparator && !bytes.isEmpty { bytes.append(UInt8(ascii: "-")) }
            pendingSeparator = false
            bytes.append(kept)
        }
        return bytes.isEmpty ? empty : String(decoding: bytes, as: UTF8.self)
    }
}
