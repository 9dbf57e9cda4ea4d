import Foundation

/// FNV-1a, 64 bits: a fast fingerprint for noticing that text changed between builds. Not for
/// anything an attacker could exploit (the deploy manifest uses SHA-256).
public struct ChangeHash: Sendable {
    private var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func add(_ text: String) {
        // Every page's whole text is hashed on every build: from contiguous storage when the
        // string has it (native strings do), which is several times quicker than the view.
        var text = text
        text.withUTF8 { add(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// Adds raw bytes (a file as read), then a separator, so that ("ab", "c") and ("a", "bc") differ.
    public mutating func add(bytes: UnsafeRawBufferPointer) {
        var value = self.value
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01B3
        }
        value ^= 0xFF
        self.value = value &* 0x0000_0100_0000_01B3
    }

    /// Adds a number as its eight bytes: no text to format.
    public mutating func add(_ number: UInt64) {
        withUnsafeBytes(of: number.littleEndian) { add(bytes: $0) }
    }

    /// The hash so far, as a number (to combine hashes of parts that come in no fixed order).
    public var number: UInt64 { value }

    public var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The fingerprint of a file's bytes.
    public static func of(data: Data) -> String {
        var hash = ChangeHash()
        data.withUnsafeBytes { hash.add(bytes: $0) }
        return hash.hex
    }

    public static func of(_ parts: String...) -> String {
        var hash = ChangeHash()
        for part in parts { hash.add(part) }
        return hash.hex
    }
}
