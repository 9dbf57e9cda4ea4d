import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Standard output or error, and whether it is a terminal that wants colour.
struct Terminal {
    let handle: FileHandle
    let descriptor: Int32

    static let standardOutput = Terminal(handle: .standardOutput, descriptor: 1)
    static let standardError = Terminal(handle: .standardError, descriptor: 2)

    /// Colour only on a terminal, and never when NO_COLOR is set to anything (no-color.org).
    var supportsColour: Bool {
        isatty(descriptor) == 1 && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    func write(_ text: String) {
        handle.write(Data(text.utf8))
    }
}
