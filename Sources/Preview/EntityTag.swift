/// Strong entity tags from a content hash, and the `If-None-Match` / `If-Range` comparisons.
enum EntityTag {
    /// `"<64-bit FNV-1a of the bytes in hex>-<length in hex>"`: the same bytes always give the
    /// same tag, across rebuilds and restarts, so an unchanged page still answers 304.
    static func of(_ bytes: UnsafeRawBufferPointer) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return "\"\(String(hash, radix: 16))-\(String(bytes.count, radix: 16))\""
    }

    /// True when an `If-None-Match` value lists `tag` (weak comparison, as RFC 9110 asks) or is `*`.
    static func noneMatchHits(_ header: String, tag: String) -> Bool {
        let opaque = tag.dropWeakPrefix()
        for candidate in header.split(separator: ",") {
            let trimmed = candidate.trimmingCharacters(in: " \t")
            if trimmed == "*" || trimmed.dropWeakPrefix() == opaque { return true }
        }
        return false
    }
}

extension StringProtocol {
    fileprivate func dropWeakPrefix() -> Substring {
        Substring(hasPrefix("W/") ? dropFirst(2) : self[...])
    }

    fileprivate func trimmingCharacters(in set: String) -> Substring {
        let characters = Set(set)
        let start = firstIndex { !characters.contains($0) } ?? endIndex
        let end = lastIndex { !characters.contains($0) }.map(index(after:)) ?? start
        return Substring(self[start..<Swift.max(start, end)])
    }
}
