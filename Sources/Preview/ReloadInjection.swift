import Foundation

/// Puts the live-reload script tag into an HTML page, before its last `</body>` (or at the end
/// when the page has none), as only the preview does.
enum ReloadInjection {
    private static let tag = Array(PreviewAssets.scriptTag.utf8)
    private static let closingBody = Array("</body".utf8)

    static func inject(into page: Data) -> Data {
        let bytes = [UInt8](page)
        let insertAt = lastClosingBody(in: bytes) ?? bytes.count
        var result = Data(capacity: bytes.count + tag.count)
        result.append(contentsOf: bytes[..<insertAt])
        result.append(contentsOf: tag)
        result.append(contentsOf: bytes[insertAt...])
        return result
    }

    private static func lastClosingBody(in bytes: [UInt8]) -> Int? {
        guard bytes.count >= closingBody.count else { return nil }
        var start = bytes.count - closingBody.count
        while start >= 0 {
            var matches = true
            for offset in 0..<closingBody.count where lowercased(bytes[start + offset]) != closingBody[offset] {
                matches = false
                break
            }
            if matches { return start }
            start -= 1
        }
        return nil
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
    }
}
