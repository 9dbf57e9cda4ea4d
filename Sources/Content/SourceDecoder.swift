import Core
import Foundation

/// Reads a content file's bytes as text: UTF-8 only, a byte-order mark accepted and dropped,
/// Windows and old Mac line endings turned into `\n` so that line numbers agree everywhere.
public enum SourceDecoder {
    public static func decode(_ data: Data, file: String) throws(Diagnostic) -> String {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        // The standard library validates fast; the byte-by-byte search below only runs to say
        // where a bad file goes wrong.
        if let valid = bytes.withUnsafeBytes({ String(validating: $0, as: UTF8.self) }) {
            return normalisingLineEndings(valid)
        }
        if let offset = firstInvalidUTF8Offset(bytes) {
            let absolute = offset + (bytes.startIndex - data.startIndex)
            let before = String(decoding: bytes.prefix(offset), as: UTF8.self)
            let position = SourceText.lineAndColumn(ofUTF8Offset: before.utf8.count, in: before)
            throw Diagnostic(.error, "the file is not valid UTF-8: bad byte 0x\(String(format: "%02X", data[data.startIndex + absolute])) at byte offset \(absolute)",
                             at: SourceLocation(file: file, line: position.line, column: position.column),
                             hint: "Save the file as UTF-8 (most editors offer it under \"Save as\" or \"Encoding\").",
                             sourceLine: lineShown(around: bytes.startIndex + offset, in: bytes))
        }
        return normalisingLineEndings(String(decoding: bytes, as: UTF8.self))
    }

    /// The line holding the byte at `index`, with each bad byte shown as U+FFFD (one column,
    /// so the caret lands under it): the author sees which word to retype.
    static func lineShown(around index: Data.Index, in bytes: Data.SubSequence) -> String {
        let isBreak = { (byte: UInt8) in byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") }
        let start = bytes[..<index].lastIndex(where: isBreak).map { $0 + 1 } ?? bytes.startIndex
        let end = bytes[index...].firstIndex(where: isBreak) ?? bytes.endIndex
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// Byte by byte: a carriage return is one byte of UTF-8 and never part of another
    /// character's bytes. Foundation's replacement compared characters and missed a carriage
    /// return followed by a combining mark, which YAML then counted as a line of its own.
    static func normalisingLineEndings(_ text: String) -> String {
        // Nearly no file has one: look with memchr, not byte by byte through the UTF-8 view.
        let hasReturn = text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.baseAddress.map { memchr($0, Int32(UInt8(ascii: "\r")), bytes.count) != nil } ?? false
        } ?? text.utf8.contains(UInt8(ascii: "\r"))
        guard hasReturn else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var afterReturn = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\n") && afterReturn {
                afterReturn = false
                continue
            }
            afterReturn = byte == UInt8(ascii: "\r")
            bytes.append(afterReturn ? UInt8(ascii: "\n") : byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The offset of the first byte that breaks UTF-8, or nil when all is well.
    static func firstInvalidUTF8Offset(_ bytes: Data.SubSequence) -> Int? {
        var index = bytes.startIndex
        let end = bytes.endIndex
        while index < end {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: index += 1; continue
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index - bytes.startIndex
            }
            guard end - index >= length else { return index - bytes.startIndex }
            for k in 1..<length where bytes[index + k] & 0xC0 != 0x80 { return index - bytes.startIndex }
            let second = bytes[index + 1]
            if (byte == 0xE0 && second < 0xA0) || (byte == 0xED && second > 0x9F)
                || (byte == 0xF0 && second < 0x90) || (byte == 0xF4 && second > 0x8F) {
                return index - bytes.startIndex
            }
            index += length
        }
        return nil
    }
}
