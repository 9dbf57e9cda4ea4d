import Core
import Foundation
import Synchronization

/// An in-memory disk a test can watch and trip up: it records every path read, and `refuse`
/// (operation, path) says which removals and moves fail (a file held open elsewhere, a
/// permission changed under the build).
final class WatchedFileSystem: FileSystem {
    enum Operation: Sendable { case remove, move }

    let base: InMemoryFileSystem
    let reads = Mutex<[String]>([])
    let refuse = Mutex<@Sendable (Operation, String) -> Bool>({ _, _ in false })

    init(_ base: InMemoryFileSystem) { self.base = base }

    private func check(_ operation: Operation, _ path: String) throws {
        if refuse.withLock({ $0 })(operation, path) { throw FileSystemError(path: path, reason: "cannot be changed") }
    }

    func read(_ path: String) throws -> Data {
        reads.withLock { $0.append(path) }
        return try base.read(path)
    }

    func remove(_ path: String) throws {
        if base.kind(of: path) != nil { try check(.remove, path) }
        try base.remove(path)
    }

    func move(_ source: String, to destination: String) throws {
        try check(.move, destination)
        try base.move(source, to: destination)
    }

    func write(_ data: Data, to path: String) throws { try base.write(data, to: path) }
    func entries(in directory: String) throws -> [DirectoryEntry] { try base.entries(in: directory) }
    func kind(of path: String) -> FileKind? { base.kind(of: path) }
    func resolvingSymbolicLinks(_ path: String) throws -> String { try base.resolvingSymbolicLinks(path) }
    func createDirectory(_ path: String) throws { try base.createDirectory(path) }
    func exchange(_ replacement: String, with target: String) throws { try base.exchange(replacement, with: target) }
    func modificationDate(of path: String) -> Date? { base.modificationDate(of: path) }
    func size(of path: String) -> Int? { base.size(of: path) }
    func linkOrCopy(_ source: String, to destination: String) throws { try base.linkOrCopy(source, to: destination) }
}
