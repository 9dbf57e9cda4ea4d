import Foundation

/// The bytes libFuzzer hands a target, and the ways targets read them.
struct FuzzInput {
    let bytes: UnsafeRawBufferPointer

    init(_ data: UnsafePointer<UInt8>?, _ count: Int) {
        bytes = UnsafeRawBufferPointer(start: data.map(UnsafeRawPointer.init), count: data == nil ? 0 : count)
    }

    var data: Data { Data(bytes) }

    /// The bytes as text, invalid UTF-8 repaired (targets after Herald's decoder see only text).
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The first byte as a switch (0 when empty) and the rest as text.
    var choiceAndText: (UInt8, String) {
        guard let first = bytes.first else { return (0, "") }
        return (first, String(decoding: UnsafeRawBufferPointer(rebasing: bytes.dropFirst()), as: UTF8.self))
    }
}

/// A broken invariant: print what broke and abort, so libFuzzer saves the input as a crash.
func fuzzFailure(_ message: String, file: StaticString = #file, line: UInt = #line) -> Never {
    FileHandle.standardError.write(Data("fuzz invariant broken at \(file):\(line): \(message)\n".utf8))
    abort()
}
