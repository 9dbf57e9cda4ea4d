import Core
import Foundation

/// Writes the build cache's compact binary form: numbers as variable-length integers, text as
/// its length and UTF-8 bytes. The cache of a 10,000-page site was 10 MB of JSON, and encoding
/// and decoding it were a third of a one-page rebuild.
struct CacheWriter {
    private let buffer: ByteBuffer

    /// - Parameter capacity: about how many bytes will be written (more costs nothing until used).
    init(magic: String, capacity: Int = 4096) {
        buffer = ByteBuffer(capacity: max(capacity, 64))
        for byte in magic.utf8 { buffer.append(byte) }
    }

    /// A copy of what has been written.
    var bytes: [UInt8] { buffer.bytes }

    /// What has been written, handed over without a copy; the writer must not be used again.
    consuming func finish() -> Data { buffer.take() }

    mutating func int(_ value: Int) {
        // Zig-zag, so that small negative numbers stay short too.
        var rest = UInt64(bitPattern: Int64((value << 1) ^ (value >> (Int.bitWidth - 1))))
        while rest >= 0x80 {
            buffer.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        buffer.append(UInt8(rest))
    }

    mutating func bool(_ value: Bool) { buffer.append(value ? 1 : 0) }

    mutating func double(_ value: Double) {
        var bits = value.bitPattern
        for _ in 0..<8 {
            buffer.append(UInt8(bits & 0xFF))
            bits >>= 8
        }
    }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { text in
            int(text.count)
            buffer.append(UnsafeRawBufferPointer(text))
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

    /// A dictionary keyed by text, in its own order.
    mutating func dictionary<Value>(_ values: [String: Value], _ write: (inout CacheWriter, Value) -> Void) {
        int(values.count)
        for (key, value) in values {
            string(key)
            write(&self, value)
        }
    }

    /// The entries of `values` at `keys` (each of them in it), read back as a dictionary.
    mutating func dictionary<Value>(_ values: [String: Value], keys: [String], _ write: (inout CacheWriter, Value) -> Void) {
        int(keys.count)
        for key in keys {
            string(key)
            write(&self, values[key]!)
        }
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
        data.withUnsafeBytes { buffer.append($0) }
    }
}

/// Memory that grows by `realloc` and is handed to `Data` as it is: the cache of a 10,000-page
/// site is 18 MB, and an array doubling its way there and then copied into `Data` spent most of
/// saving it in the kernel, handing out fresh pages.
private final class ByteBuffer {
    private var start: UnsafeMutableRawPointer?
    private var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        start = malloc(capacity)
        if start == nil { fatalError("out of memory for \(capacity) bytes of cache") }
    }

    deinit { free(start) }

    var bytes: [UInt8] { start.map { [UInt8](UnsafeRawBufferPointer(start: $0, count: count)) } ?? [] }

    private func reserve(_ more: Int) {
        guard count + more > capacity else { return }
        capacity = max(capacity * 2, count + more)
        guard let grown = realloc(start, capacity) else { fatalError("out of memory for \(capacity) bytes of cache") }
        start = grown
    }

    @inline(__always) func append(_ byte: UInt8) {
        reserve(1)
        start!.storeBytes(of: byte, toByteOffset: count, as: UInt8.self)
        count += 1
    }

    func append(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        reserve(bytes.count)
        (start! + count).copyMemory(from: base, byteCount: bytes.count)
        count += bytes.count
    }

    func take() -> Data {
        guard let taken = start else { return Data() }
        start = nil
        return Data(bytesNoCopy: taken, count: count, deallocator: .free)
    }
}

/// Reads what `CacheWriter` wrote; any damage (a cut-short or altered file) throws, and the
/// build then does without the cache.
struct CacheReader {
    struct Damaged: Error {}

    private let bytes: UnsafeRawBufferPointer
    /// Keeps `bytes` alive when the reader made its own copy of them.
    private let owner: OwnedBytes?
    private var offset: Int

    /// A reader of its own copy of `data`; nil unless it starts with `magic`.
    init?(_ data: Data, magic: String) {
        let owner = OwnedBytes(data)
        self.owner = owner
        bytes = owner.bytes
        guard let start = Self.start(of: bytes, magic: magic) else { return nil }
        offset = start
    }

    private init(borrowing bytes: UnsafeRawBufferPointer, at offset: Int) {
        self.bytes = bytes
        owner = nil
        self.offset = offset
    }

    /// Reads `data` where it is (the cache file mapped into memory is not copied): `read` gets
    /// a reader that must not outlive it. Nil unless `data` starts with `magic`, or if `read`
    /// finds damage.
    static func reading<Value>(_ data: Data, magic: String,
                               _ read: (inout CacheReader) throws(Damaged) -> Value?) -> Value? {
        data.withUnsafeBytes { bytes -> Value? in
            guard let start = start(of: bytes, magic: magic) else { return nil }
            var reader = CacheReader(borrowing: bytes, at: start)
            do throws(Damaged) {
                return try read(&reader)
            } catch {
                return nil
            }
        }
    }

    private static func start(of bytes: UnsafeRawBufferPointer, magic: String) -> Int? {
        let expected = Array(magic.utf8)
        guard bytes.count >= expected.count, expected.indices.allSatisfy({ bytes[$0] == expected[$0] }) else { return nil }
        return expected.count
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
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count]), as: UTF8.self)
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

    /// What `CacheWriter.dictionary` wrote; a key written twice is damage.
    mutating func dictionary<Value>(_ read: (inout CacheReader) throws(Damaged) -> Value) throws(Damaged) -> [String: Value] {
        var values: [String: Value] = [:]
        _ = try dictionary(into: &values, belongs: { _ in true }, read)
        return values
    }

    /// Adds what `CacheWriter.dictionary` wrote to `values`, and says how many entries it read.
    /// A key already there, or one that does not `belong`, is damage.
    mutating func dictionary<Value>(into values: inout [String: Value], belongs: (String) -> Bool,
                                    _ read: (inout CacheReader) throws(Damaged) -> Value) throws(Damaged) -> Int {
        let count = try count()
        values.reserveCapacity(values.count + count)
        for _ in 0..<count {
            let key = try string()
            guard belongs(key), values.updateValue(try read(&self), forKey: key) == nil else { throw Damaged() }
        }
        return count
    }

    mutating func location() throws(Damaged) -> SourceLocation {
        SourceLocation(file: try string(), line: try int(), column: try int())
    }

    mutating func json<Value: Decodable>(_ type: [Value].Type) throws(Damaged) -> [Value] {
        let count = try count()
        guard count > 0 else { return [] }
        defer { offset += count }
        let json = Data(UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count]))
        guard let values = try? JSONDecoder().decode(type, from: json) else { throw Damaged() }
        return values
    }
}

/// A copy of some bytes that lives as long as the readers that share it.
private final class OwnedBytes: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer

    init(_ data: Data) {
        let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: max(data.count, 1), alignment: 1)
        _ = data.copyBytes(to: copy.bindMemory(to: UInt8.self))
        bytes = UnsafeRawBufferPointer(rebasing: copy[0..<data.count])
    }

    deinit { bytes.baseAddress.map { UnsafeMutableRawPointer(mutating: $0).deallocate() } }
}
