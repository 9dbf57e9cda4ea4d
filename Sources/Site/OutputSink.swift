import Core
import Foundation

/// Where a build's files go: a staging folder on disk for `herald build`, memory for the preview.
public protocol OutputSink: Sendable {
    /// Writes one output file; `path` is relative to the site root (`report/index.html`).
    func write(_ data: Data, to path: String) throws
}

/// Collects a build's files in memory: the preview serves them, tests read them.
public final class MemoryOutput: OutputSink {
    private let storage = LockedDictionary()

    public init() {}

    public func write(_ data: Data, to path: String) throws { storage.set(path, data) }

    public var files: [String: Data] { storage.snapshot() }

    /// Makes the output exactly `files`, in one step.
    func replaceAll(with files: [String: Data]) { storage.replaceAll(with: files) }
}

/// Writes into a build's staging folder through a `FileSystem` (which no one reads until it is
/// published whole).
public struct FolderOutput: OutputSink {
    public let fileSystem: FileSystem
    public let root: String
    /// What the folder held before the build began (the spare site, by its manifest): a file
    /// whose bytes are the same is left where it is instead of being written again.
    let present: [String: Manifest.Entry]

    public init(fileSystem: FileSystem, root: String) {
        self.init(fileSystem: fileSystem, root: root, present: [:])
    }

    init(fileSystem: FileSystem, root: String, present: [String: Manifest.Entry]) {
        self.fileSystem = fileSystem
        self.root = root
        self.present = present
    }

    /// Whether the folder already holds this file. The size on disk is asked too, so that a
    /// spare file someone removed or cut short is written again.
    func holds(_ entry: Manifest.Entry, at path: String) -> Bool {
        guard present[path] == entry else { return false }
        return fileSystem.size(of: Path.join(root, path)) == entry.size
    }

    public func write(_ data: Data, to path: String) throws {
        try fileSystem.writeStaged(data, to: Path.join(root, path))
    }
}

final class LockedDictionary: @unchecked Sendable {
    private var values: [String: Data] = [:]
    private let lock = NSLock()

    func set(_ key: String, _ value: Data) {
        lock.lock()
        values[key] = value
        lock.unlock()
    }

    func replaceAll(with files: [String: Data]) {
        lock.lock()
        values = files
        lock.unlock()
    }

    func snapshot() -> [String: Data] {
        lock.lock()
        defer { lock.unlock() }
        return values
    }
}
