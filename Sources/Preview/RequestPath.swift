/// The part of a request target that names a file of the built site, decoded once and checked.
///
/// Anything that could climb out of the site or that a careful client would never send is
/// refused rather than normalised: `.` and `..` segments (raw or percent-encoded), encoded `/`
/// and `\`, a raw `\`, encoded `%` (double encoding), NUL and other control bytes, empty
/// segments (`//etc/passwd`), invalid UTF-8 (overlong `%c0%ae`), and targets that do not start
/// with `/`. A refused target is answered 404, the same as a missing file, so a prober learns
/// nothing. There are no symbolic links to follow: the site is held in memory.
struct RequestPath: Sendable, Equatable {
    /// Decoded segments, none empty, none `.` or `..`.
    var segments: [String]
    /// The target ended with `/` (or was `/`): it names a folder's `index.html`.
    var isFolder: Bool
    /// The raw query, without `?`, kept for redirects.
    var query: String?

    /// The path relative to the site root, without a trailing slash ("" for the root).
    var sitePath: String { segments.joined(separator: "/") }

    /// The file this target names: `x/index.html` for a folder.
    var filePath: String {
        isFolder ? (segments.isEmpty ? "index.html" : sitePath + "/index.html") : sitePath
    }

    /// The URL path as it would be written, re-encoded for a `Location` header.
    var encodedPath: String {
        "/" + segments.map(Self.percentEncode).joined(separator: "/") + (isFolder && !segments.isEmpty ? "/" : "")
    }

    init(segments: [String], isFolder: Bool, query: String? = nil) {
        self.segments = segments
        self.isFolder = isFolder
        self.query = query
    }

    /// Decodes a raw request target such as `/report/annual%202024/?print=1`; nil refuses it.
    init?(target: String) {
        var pathPart = Substring(target)
        var query: String?
        if let mark = pathPart.firstIndex(where: { $0 == "?" || $0 == "#" }) {
            if pathPart[mark] == "?" {
                let rest = pathPart[pathPart.index(after: mark)...]
                query = String(rest.prefix { $0 != "#" })
            }
            pathPart = pathPart[..<mark]
        }
        guard pathPart.hasPrefix("/") else { return nil }
        let rawSegments = pathPart.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        var segments: [String] = []
        for (index, raw) in rawSegments.enumerated() {
            if raw.isEmpty {
                // Only the segment after a trailing slash may be empty.
                guard index == rawSegments.count - 1 else { return nil }
                continue
            }
            guard let decoded = Self.decodeSegment(raw), decoded != ".", decoded != ".." else { return nil }
            segments.append(decoded)
        }
        let isFolder = rawSegments.last?.isEmpty ?? true
        self.init(segments: segments, isFolder: isFolder, query: query)
    }

    private static func decodeSegment(_ raw: Substring) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.utf8.count)
        var iterator = raw.utf8.makeIterator()
        while let byte = iterator.next() {
            var value = byte
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                    return nil
                }
                value = high << 4 | low
                if value == UInt8(ascii: "/") || value == UInt8(ascii: "%") { return nil }
            }
            if value < 0x20 || value == 0x7F || value == UInt8(ascii: "\\") { return nil }
            bytes.append(value)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    private static func percentEncode(_ segment: String) -> String {
        var result = ""
        for byte in segment.utf8 {
            let isUnreserved = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)
                || (byte >= 0x61 && byte <= 0x7A) || "-._~!$&'()*+,;=:@".utf8.contains(byte)
            if isUnreserved {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return result
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
