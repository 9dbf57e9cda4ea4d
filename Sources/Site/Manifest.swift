import Core
import Foundation

/// `.herald-manifest.json`: each output file's SHA-256 and size, so a deploy uploads only
/// what changed (see docs/deploy.md).
enum Manifest {
    static let fileName = ".herald-manifest.json"

    struct Entry: Sendable, Hashable {
        var sha256: String
        var size: Int

        /// A file found on disk whose bytes are not known: never taken for one already written.
        static let unknown = Entry(sha256: "", size: -1)
    }

    /// The manifest's bytes, as written to `fileName`.
    static func data(_ entries: [String: Entry]) -> Data { Data(bytes(entries)) }

    private static func bytes(_ entries: [String: Entry]) -> [UInt8] {
        // Built as bytes with room for every line: appending to a String interpolation by
        // interpolation was most of writing the manifest of 10,000 pages.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(entries.count * 160 + 64)
        bytes += "{\n  \"version\": 1,\n  \"files\": {".utf8
        var first = true
        for (path, entry) in entries.sorted(by: { $0.key < $1.key }) where path != fileName {
            bytes += (first ? "\n    " : ",\n    ").utf8
            bytes += Escape.json(path).utf8
            bytes += ": {\"sha256\": \"".utf8
            bytes += entry.sha256.utf8
            bytes += "\", \"size\": ".utf8
            bytes += String(entry.size).utf8
            bytes.append(UInt8(ascii: "}"))
            first = false
        }
        bytes += (first ? "}\n}\n" : "\n  }\n}\n").utf8
        return bytes
    }

    /// The entries of the manifest at `path`; nil when there is none or it does not read.
    static func entries(at path: String, on fileSystem: FileSystem) -> [String: Entry]? {
        (try? fileSystem.read(path)).flatMap(entries(in:))
    }

    /// The entries of a manifest's bytes; nil when they do not read.
    static func entries(in data: Data) -> [String: Entry]? {
        entriesAsWritten(data) ?? entriesFromJSON(data)
    }

    /// Reads exactly what `data(_:)` writes, line by line: a build reads two manifests of a
    /// site's every file (the published site's and the spare's), and JSONSerialization took a
    /// tenth of a second for each at 10,000 pages. Nil for anything else (a path with an
    /// escape in it, a manifest edited by hand), which `entriesFromJSON` then reads.
    static func entriesAsWritten(_ data: Data) -> [String: Entry]? {
        data.withUnsafeBytes { entriesAsWritten(bytes: $0) }
    }

    private static func entriesAsWritten(bytes: UnsafeRawBufferPointer) -> [String: Entry]? {
        let head = Array("{\n  \"version\": 1,\n  \"files\": {".utf8)
        guard bytes.starts(with: head) else { return nil }
        if bytes[head.count...].elementsEqual("}\n}\n".utf8) { return [:] }
        let lineStart = Array("\n    \"".utf8), middle = Array("\": {\"sha256\": \"".utf8), sizeLabel = Array("\", \"size\": ".utf8)
        let tail = Array("\n  }\n}\n".utf8), closing = [UInt8(ascii: "}")], comma = [UInt8(ascii: ",")]
        var entries: [String: Entry] = [:]
        // A line is about 130 bytes: room for all of them from the start.
        entries.reserveCapacity(bytes.count / 100)
        var at = head.count
        func skip(_ expected: [UInt8]) -> Bool {
            guard bytes.count - at >= expected.count, bytes[at..<at + expected.count].elementsEqual(expected) else { return false }
            at += expected.count
            return true
        }
        func text(_ range: Range<Int>) -> String { String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
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
            guard digits > 0, skip(closing) else { return nil }
            guard entries.updateValue(Entry(sha256: text(shaStart..<shaEnd), size: size), forKey: text(pathStart..<pathEnd)) == nil
            else { return nil }
            if skip(comma) { continue }
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

    /// - Parameter expecting: about how many files the build writes (the last build's count).
    init(_ inner: OutputSink, expecting: Int = 0) {
        self.inner = inner
        entries.reserveCapacity(expecting)
    }

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
