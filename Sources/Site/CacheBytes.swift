import Core
import Foundation

/// Writes the build cache's compact binary form: numbers as variable-length integers, text as
/// its length and UTF-8 bytes. The cache of a 10,000-page site was 10 MB of JSON, and encoding
/// and decoding it were a third of a one-page rebuild.
struct CacheWriter {
    private(set) var bytes: [UInt8] = []

    init(magic: String) {
        bytes.append(contentsOf: Array(magic.utf8))
    }

    mutating func int(_ value: Int) {
        // Zig-zag, so that small negative numbers stay short too.
        var rest = UInt64(bitPattern: Int64((value << 1) ^ (value >> (Int.bitWidth - 1))))
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func double(_ value: Double) {
        var bits = value.bitPattern
        for _ in 0..<8 {
            bytes.append(UInt8(bits & 0xFF))
            bits >>= 8
        }
    }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { text in
            int(text.count)
            bytes.append(contentsOf: text)
        }
    }

    mutating func optional<Value>(_ value: Value?, _ write: (inout CacheWriter, Value) -> Void) {
        bool(value != nil)
        if let value { write(&self, value) }
    }

    mutating func array<Value>(_ values: [Value], _ write: (inout CacheWriter, Value) -> Void) {
        int(values.count)
        for value in values { write(&self, value) }
    }

    mutating func location(_ location: SourceLocation) {
        string(location.file)
        int(location.line)
        int(location.column)
    }

    /// Rare, nested values (a page's findings) as JSON inside the binary: empty costs one byte.
    mutating func json<Value: Encodable>(_ values: [Value]) {
        guard !values.isEmpty, let data = try? JSONEncoder().encode(values) else { return int(0) }
        int(data.count)
        bytes.append(contentsOf: data)
    }
}

/// Reads what `CacheWriter` wrote; any damage (a cut-short or altered file) throws, and the
/// build then does without the cache.
struct CacheReader {
    struct Damaged: Error {}

    private let bytes: [UInt8]
    private var offset: Int

    /// Nil unless `data` starts with `magic`.
    init?(_ data: Data, magic: String) {
        bytes = [UInt8](data)
        let expected = Array(magic.utf8)
        guard bytes.count >= expected.count, Array(bytes[0..<expected.count]) == expected else { return nil }
        offset = expected.count
    }

    var isAtEnd: Bool { offset == bytes.count }

    private mutating func byte() throws(Damaged) -> UInt8 {
        guard offset < bytes.count else { throw Damaged() }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func int() throws(Damaged) -> Int {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            guard shift < 64 else { throw Damaged() }
            value |= UInt64(next & 0x7F) << shift
            if next < 0x80 { break }
            shift += 7
        }
        return Int(Int64(bitPattern: (value >> 1) ^ (0 &- (value & 1))))
    }

    mutating func bool() throws(Damaged) -> Bool {
        switch try byte() {
        case 0: false
        case 1: true
        default: throw Damaged()
        }
    }

    mutating func double() throws(Damaged) -> Double {
        var bits: UInt64 = 0
        for index in 0..<8 { bits |= UInt64(try byte()) << (8 * UInt64(index)) }
        return Double(bitPattern: bits)
    }

    private mutating func count() throws(Damaged) -> Int {
        let count = try int()
        guard count >= 0, count <= bytes.count - offset else { throw Damaged() }
        return count
    }

    mutating func string() throws(Damaged) -> String {
        let count = try count()
        defer { offset += count }
        return bytes.withUnsafeBufferPointer { all in
            String(decoding: UnsafeBufferPointer(rebasing: all[offset..<offset + count]), as: UTF8.self)
        }
    }

    mutating func optional<Value>(_ read: (inout CacheReader) throws(Damaged) -> Value) throws(Damaged) -> Value? {
        try bool() ? try read(&self) : nil
    }

    mutating func array<Value>(_ read: (inout CacheReader) throws(Damaged) -> Value) throws(Damaged) -> [Value] {
        // Every element takes at least a byte: a count larger than what is left is damage.
        let count = try count()
        var values: [Value] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try read(&self)) }
        return values
    }

    mutating func location() throws(Damaged) -> SourceLocation {
        SourceLocation(file: try string(), line: try int(), column: try int())
    }

    mutating func json<Value: Decodable>(_ type: [Value].Type) throws(Damaged) -> [Value] {
        let count = try count()
        guard count > 0 else { return [] }
        defer { offset += count }
        guard let values = try? JSONDecoder().decode(type, from: Data(bytes[offset..<offset + count])) else { throw Damaged() }
        return values
    }
}
