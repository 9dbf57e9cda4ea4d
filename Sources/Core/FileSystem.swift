import Foundation

/// What a path names, without following a final symbolic link.
public enum FileKind: Sendable, Hashable {
    case file
    case directory
    case symbolicLink
}

/// One name in a directory listing.
public struct DirectoryEntry: Sendable, Hashable {
    public var name: String
    public var kind: FileKind

    public init(name: String, kind: FileKind) {
        self.name = name
        self.kind = kind
    }
}

/// The file access Herald's core uses, passed in so that tests run in memory and the
/// build never touches a disk it was not given. Paths are `/`-separated strings.
public protocol FileSystem: Sendable {
    func read(_ path: String) throws -> Data
    /// Reads the file unless it is longer than `limit` bytes: then throws `FileTooLong`, unread.
    func read(_ path: String, limit: Int) throws -> Data
    /// Reads a file that is only ever replaced whole (`write`), never changed in place: it may
    /// be mapped into memory instead of copied. Herald's build cache is 18 MB for 10,000 pages.
    func readMapped(_ path: String) throws -> Data
    /// Writes the file, creating missing parent folders. A reader of `path` sees the old
    /// file or the new one, never a part-written one.
    func write(_ data: Data, to path: String) throws
    /// Writes a file where no one reads yet (a build's staging folder, thrown away whole if the
    /// build fails), creating missing parent folders: without `write`'s care for readers, which
    /// costs a temporary file and a rename for each of a site's thousands of pages.
    func writeStaged(_ data: Data, to path: String) throws
    /// The folder's entries, sorted by name so that every walk is deterministic.
    func entries(in directory: String) throws -> [DirectoryEntry]
    /// What `path` is, or nil if nothing is there. A symbolic link is reported as such.
    func kind(of path: String) -> FileKind?
    /// The path with every symbolic link resolved; throws for a dangling link or a loop.
    func resolvingSymbolicLinks(_ path: String) throws -> String
    func createDirectory(_ path: String) throws
    /// Removes a file or a whole folder; nothing there is not an error.
    func remove(_ path: String) throws
    func move(_ source: String, to destination: String) throws
    /// Puts the folder at `replacement` in place of `target` in one step, so that a reader of
    /// `target` sees the whole old tree or the whole new one, never neither; the old tree
    /// ends up at `replacement`.
    func exchange(_ replacement: String, with target: String) throws
    func modificationDate(of path: String) -> Date?
    /// The file's size in bytes (following links), nil if it is not there.
    func size(of path: String) -> Int?
    /// Size and modification time together (one `stat` on disk): what says a file changed.
    func sizeAndModificationDate(of path: String) -> (size: Int, modified: Date?)?
    /// Makes `destination` hold the same bytes as `source`: a hard link where the file system
    /// allows (an incremental build reuses unchanged pages this way), else a copy.
    func linkOrCopy(_ source: String, to destination: String) throws
    /// Whether the file or folder at `path` (not following a link) is this user's, with the
    /// permissions a new one made by Herald gets: one that is can be reused as if new.
    func hasNewPermissions(_ path: String) -> Bool
}

extension FileSystem {
    /// A file system without owners or permissions (the one in memory) makes everything alike.
    public func hasNewPermissions(_ path: String) -> Bool { kind(of: path) != nil }

    public func sizeAndModificationDate(of path: String) -> (size: Int, modified: Date?)? {
        size(of: path).map { ($0, modificationDate(of: path)) }
    }

    public func linkOrCopy(_ source: String, to destination: String) throws {
        try write(try read(source), to: destination)
    }

    public func readMapped(_ path: String) throws -> Data {
        try read(path)
    }

    public func read(_ path: String, limit: Int) throws -> Data {
        if let size = size(of: path), size > limit { throw FileTooLong(path: path, size: size) }
        return try read(path)
    }

    public func writeStaged(_ data: Data, to path: String) throws {
        try write(data, to: path)
    }

    public func exists(_ path: String) -> Bool { kind(of: path) != nil }

    public func readText(_ path: String) throws -> String {
        let data = try read(path)
        return String(decoding: data, as: UTF8.self)
    }

    public func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    /// Every file below `directory`, as paths relative to it, sorted. Symbolic links are
    /// listed as files: the caller decides whether to follow them.
    public func recursiveFiles(in directory: String) throws -> [String] {
        var result: [String] = []
        func walk(_ relative: String) throws {
            let full = relative.isEmpty ? directory : Path.join(directory, relative)
            for entry in try entries(in: full) {
                let child = relative.isEmpty ? entry.name : relative + "/" + entry.name
                if entry.kind == .directory { try walk(child) } else { result.append(child) }
            }
        }
        try walk("")
        return result
    }
}

/// A file `read(_:limit:)` did not read because it is longer than the limit.
public struct FileTooLong: Error, Sendable {
    public var path: String
    public var size: Int
}

/// Failures of the file system, phrased for the person who has to fix them.
public struct FileSystemError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
}
