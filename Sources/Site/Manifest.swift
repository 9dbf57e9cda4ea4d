import Core
import Foundation

/// `.herald-manifest.json`: each output file's SHA-256 and size, so a deploy uploads only
/// what changed (see docs/deploy.md).
enum Manifest {
    static let fileName = ".herald-manifest.json"

    struct Entry: Sendable, Hashable {
        var sha256: String
        var size: Int
    }

    static func json(_ entries: [String: Entry]) -> String {
        var text = "{\n  \"version\": 1,\n  \"files\": {"
        var first = true
        for path in entries.keys.sorted() where path != fileName {
            let entry = entries[path]!
            text += (first ? "\n" : ",\n") + "    \(Escape.json(path)): {\"sha256\": \"\(entry.sha256)\", \"size\": \(entry.size)}"
            first = false
        }
        return text + (first ? "}\n}\n" : "\n  }\n}\n")
    }

    /// The entries of the manifest at `path`; nil when there is none or it does not read.
    static func entries(at path: String, on fileSystem: FileSystem) -> [String: Entry]? {
        guard let data = try? fileSystem.read(path) else { return nil }
        return entriesAsWritten(data) ?? entriesFromJSON(data)
    }

    /// Reads exactly what `json(_:)` writes, line by line: a build reads two manifests of a
    /// site's every file (the published site's and the spare's), and JSONSerialization took a
    /// tenth of a second for each at 10,000 pages. Nil for anything else (a path with an
    /// escape in it, a manifest edited by hand), which `entriesFromJSON` then reads.
    static func entriesAsWritten(_ data: Data) -> [String: Entry]? {
        let bytes = [UInt8](data)
        let head = Array("{\n  \"version\": 1,\n  \"files\": {".utf8)
        guard bytes.starts(with: head) else { return nil }
        if bytes[head.count...].elementsEqual("}\n}\n".utf8) { return [:] }
        let lineStart = Array("\n    \"".utf8), middle = Array("\": {\"sha256\": \"".utf8), sizeLabel = Array("\", \"size\": ".utf8)
        let tail = Array("\n  }\n}\n".utf8)
        var entries: [String: Entry] = [:]
        var at = head.count
        func skip(_ expected: [UInt8]) -> Bool {
            guard bytes.count - at >= expected.count, bytes[at..<at + expected.count].elementsEqual(expected) else { return false }
            at += expected.count
            return true
        }
        while true {
            guard skip(lineStart) else { return nil }
            let pathStart = at
            while at < bytes.count, bytes[at] != UInt8(ascii: "\""), bytes[at] != UInt8(ascii: "\\"), bytes[at] >= 0x20 { at += 1 }
            let pathEnd = at
            guard skip(middle) else { return nil }
            let shaStart = at
            while at < bytes.count, bytes[at] != UInt8(ascii: "\"") { at += 1 }
            guard at - shaStart == 64 else { return nil }
            let shaEnd = at
            guard skip(sizeLabel) else { return nil }
            var size = 0, digits = 0
            while at < bytes.count, bytes[at] >= UInt8(ascii: "0"), bytes[at] <= UInt8(ascii: "9"), digits < 18 {
                size = size * 10 + Int(bytes[at] - UInt8(ascii: "0"))
                at += 1
                digits += 1
            }
            guard digits > 0, skip([UInt8(ascii: "}")]) else { return nil }
            let path = String(decoding: bytes[pathStart..<pathEnd], as: UTF8.self)
            guard entries.updateValue(Entry(sha256: String(decoding: bytes[shaStart..<shaEnd], as: UTF8.self), size: size), forKey: path) == nil
            else { return nil }
            if skip([UInt8(ascii: ",")]) { continue }
            return skip(tail) && at == bytes.count ? entries : nil
        }
    }

    static func entriesFromJSON(_ data: Data) -> [String: Entry]? {
        guard let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let files = json["files"] as? [String: [String: Any]] else { return nil }
        var result: [String: Entry] = [:]
        for (path, entry) in files {
            guard let sha = entry["sha256"] as? String, let size = entry["size"] as? Int else { return nil }
            result[path] = Entry(sha256: sha, size: size)
        }
        return result
    }
}

/// Passes writes through to another sink and remembers each file's hash for the manifest,
/// and refuses a second write to one path (two things claiming one output file).
final class RecordingOutput: OutputSink, @unchecked Sendable {
    private let inner: OutputSink
    private var entries: [String: Manifest.Entry] = [:]
    private let lock = NSLock()

    init(_ inner: OutputSink) { self.inner = inner }

    func write(_ data: Data, to path: String) throws {
        try write(data, known: Manifest.Entry(sha256: SHA256.hex(data), size: data.count), to: path)
    }

    /// Writes bytes whose manifest entry is already known (from the last build) without hashing them again.
    func write(_ data: Data, known entry: Manifest.Entry, to path: String) throws {
        try claim(path, entry)
        if let folder = inner as? FolderOutput, folder.holds(entry, at: path) { return }
        try inner.write(data, to: path)
    }

    /// Puts a file whose bytes are already known (from the last build) in place without reading it.
    func record(_ entry: Manifest.Entry, at path: String, place: (_ destination: String) throws -> Void) throws {
        guard let folder = inner as? FolderOutput else { throw FileSystemError(path: path, reason: "cannot be reused here") }
        try claim(path, entry)
        if folder.holds(entry, at: path) { return }
        try place(Path.join(folder.root, path))
    }

    /// Records `path` for the manifest, or refuses it when something wrote there already.
    private func claim(_ path: String, _ entry: Manifest.Entry) throws {
        lock.lock()
        let taken = entries[path] != nil
        if !taken { entries[path] = entry }
        lock.unlock()
        guard !taken else { throw FileSystemError(path: path, reason: "was written twice in one build") }
    }

    var manifest: [String: Manifest.Entry] {
        lock.lock()
        defer { lock.unlock() }
        return entries
    }
}
