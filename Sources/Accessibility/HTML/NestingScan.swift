#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A quick look at how deeply a page nests its elements, made before libgumbo sees it: gumbo's
/// tree building is quadratic in nesting depth (100,000 nested lists take minutes), so a page
/// nested far past anything a browser keeps is refused instead of parsed.
///
/// The count is an estimate from the tags alone: void elements and elements whose end tag may be
/// left out (`li`, `p`, `td`…) do not count, and raw-text elements (`script`, `style`…) are skipped.
struct NestingScan {
    /// The deepest nesting seen, and the byte offset of the start tag that first went past `limit`.
    var maximumDepth = 0
    var firstOffsetPastLimit: Int?

    /// The offset of the next `<` after `index`, or the end: memchr's stride, where stepping a
    /// byte at a time through the text between tags was most of the scan.
    private static func nextTagStart(_ bytes: [UInt8], after index: Int) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            let from = index + 1
            guard from < buffer.count, let base = buffer.baseAddress,
                  let found = memchr(base + from, Int32(UInt8(ascii: "<")), buffer.count - from) else { return buffer.count }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }

    init(_ bytes: [UInt8], limit: Int) {
        var depth = 0
        var index = 0
        let count = bytes.count
        while index < count {
            guard bytes[index] == UInt8(ascii: "<"), index + 1 < count else {
                index = Self.nextTagStart(bytes, after: index)
                continue
            }
            let tagStart = index
            let next = bytes[index + 1]
            if next == UInt8(ascii: "!") {
                index = Self.skipMarkup(bytes, from: index)
                continue
            }
            let closing = next == UInt8(ascii: "/")
            var cursor = index + (closing ? 2 : 1)
            let nameStart = cursor
            // As in HTML's tokenizer, a tag name starts with a letter: `1<2` in text is no tag.
            guard cursor < count, Self.isLetter(bytes[cursor]) else {
                index += 1
                continue
            }
            while cursor < count, Self.isNameByte(bytes[cursor]) { cursor += 1 }
            guard cursor > nameStart else {
                index += 1
                continue
            }
            let name = Self.packedName(bytes[nameStart..<cursor])
            // Find the end of the tag, stepping over quoted attribute values.
            var quote: UInt8?
            var selfClosing = false
            while cursor < count {
                let byte = bytes[cursor]
                if let open = quote {
                    if byte == open { quote = nil }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == UInt8(ascii: ">") {
                    selfClosing = cursor > 0 && bytes[cursor - 1] == UInt8(ascii: "/")
                    break
                }
                cursor += 1
            }
            index = cursor + 1
            if let name, Self.uncounted.contains(name) { continue }
            if closing {
                depth = max(0, depth - 1)
                continue
            }
            if let name, Self.rawText.contains(name) {
                index = Self.skipRawText(bytes, from: index, name: Array(bytes[nameStart..<cursor]))
                continue
            }
            if selfClosing { continue }
            depth += 1
            if depth > maximumDepth { maximumDepth = depth }
            if depth > limit && firstOffsetPastLimit == nil { firstOffsetPastLimit = tagStart }
        }
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
    }

    /// Comments, doctypes and CDATA: skip to the closing `-->` or `>`.
    private static func skipMarkup(_ bytes: [UInt8], from start: Int) -> Int {
        let isComment = start + 3 < bytes.count && bytes[start + 2] == UInt8(ascii: "-") && bytes[start + 3] == UInt8(ascii: "-")
        var index = start + 2
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: ">") {
                if !isComment { return index + 1 }
                if index >= 2 && bytes[index - 1] == UInt8(ascii: "-") && bytes[index - 2] == UInt8(ascii: "-") && index - 2 > start + 3 {
                    return index + 1
                }
            }
            index += 1
        }
        return bytes.count
    }

    private static func skipRawText(_ bytes: [UInt8], from start: Int, name: [UInt8]) -> Int {
        let closing = Array("</".utf8) + name
        var index = start
        while index + closing.count <= bytes.count {
            if bytes[index] == UInt8(ascii: "<") {
                var matches = true
                for offset in 1..<closing.count where bytes[index + offset] | 0x20 != closing[offset] | 0x20 {
                    matches = false
                    break
                }
                if matches { return index }
            }
            index += 1
        }
        return bytes.count
    }

    /// A tag name of up to eight letters, lower-cased and packed into an integer (nil for longer
    /// names, which are in neither list): the scan makes no strings.
    private static func packedName(_ name: ArraySlice<UInt8>) -> UInt64? {
        guard name.count <= 8 else { return nil }
        var packed: UInt64 = 0
        for byte in name { packed = packed << 8 | UInt64(byte | 0x20) }
        return packed
    }

    private static func packed(_ names: [String]) -> Set<UInt64> {
        Set(names.compactMap { packedName(Array($0.utf8)[...]) })
    }

    private static let uncounted = packed([
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
        "param", "keygen", "li", "p", "dt", "dd", "tr", "td", "th", "tbody", "thead", "tfoot", "option",
        "optgroup", "rb", "rt", "rp", "rtc", "colgroup", "caption", "html", "head", "body",
    ])

    private static let rawText = packed([
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
    ])
}
