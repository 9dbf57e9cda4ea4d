import Core

/// One `Range: bytes=…` request, resolved against a body's length.
///
/// Only a single range is honoured; a list of ranges, another unit or a malformed header is
/// ignored and the whole body sent, which RFC 9110 allows. A well-formed range that starts past
/// the end is unsatisfiable (416).
enum ByteRange: Equatable {
    /// Serve bytes `lower...upper` (inclusive) with 206.
    case partial(ClosedRange<Int>)
    /// Answer 416 with `Content-Range: bytes */length`.
    case unsatisfiable
    /// Serve the whole body with 200.
    case whole

    static func resolve(_ header: String?, length: Int) -> ByteRange {
        guard let header else { return .whole }
        let trimmed = header.trimmingSpaces()
        guard trimmed.lowercased().hasPrefix("bytes=") else { return .whole }
        let spec = trimmed.dropFirst("bytes=".count).trimmingSpaces()
        guard !spec.contains(","), let dash = spec.firstIndex(of: "-") else { return .whole }
        let first = spec[..<dash].trimmingSpaces()
        let last = spec[spec.index(after: dash)...].trimmingSpaces()
        if first.isEmpty {
            // Suffix range: the final N bytes.
            guard let suffix = Int(last), suffix >= 0, last.allSatisfy(\.isASCIIDigit) else { return .whole }
            guard suffix > 0, length > 0 else { return .unsatisfiable }
            return .partial(max(0, length - suffix)...(length - 1))
        }
        guard first.allSatisfy(\.isASCIIDigit), let start = Int(first) else { return .whole }
        var end = length - 1
        if !last.isEmpty {
            guard last.allSatisfy(\.isASCIIDigit), let requested = Int(last) else { return .whole }
            guard requested >= start else { return .whole }
            end = min(requested, length - 1)
        }
        guard start < length else { return .unsatisfiable }
        return .partial(start...end)
    }
}

extension StringProtocol {
    fileprivate func trimmingSpaces() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
