import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The real disk.
public struct LocalFileSystem: FileSystem {
    public init() {}

    public func read(_ path: String) throws -> Data {
        try read(path, limit: Int.max)
    }

    public func read(_ path: String, limit: Int) throws -> Data {
        // open, fstat, read: Foundation's `Data(contentsOf:)` was a tenth of an incremental
        // build of a large site, which reads every page's front matter; the size for the limit
        // comes from the same fstat.
        let file = open(path, O_RDONLY | O_CLOEXEC)
        guard file >= 0 else { throw FileSystemError(path: path, reason: errno == ENOENT ? "no such file" : "cannot be read") }
        defer { close(file) }
        var info = stat()
        let size = fstat(file, &info) == 0 ? max(0, Int(info.st_size)) : 0
        if size > limit { throw FileTooLong(path: path, size: size) }
        // One byte more than the size, so that the end of the file is seen without a second
        // buffer; a file that grows meanwhile is read to its new end.
        var data = Data(count: size + 1)
        var length = 0
        while true {
            if length == data.count { data.count += max(4096, data.count) }
            let count = data.withUnsafeMutableBytes { bytes in systemRead(file, bytes.baseAddress! + length, bytes.count - length) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw FileSystemError(path: path, reason: "cannot be read") }
            if count == 0 { break }
            length += count
        }
        data.count = length
        return data
    }

    public func readMapped(_ path: String) throws -> Data {
        // The pages come straight from the page cache: no zeroed buffer, no copy.
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        } catch {
            throw FileSystemError(path: path, reason: kind(of: path) == nil ? "no such file" : "cannot be read")
        }
    }

    public func write(_ data: Data, to path: String) throws {
        try createParent(of: path)
        guard FileManager.default.createFile(atPath: path, contents: data) else {
            throw FileSystemError(path: path, reason: "cannot be written")
        }
    }

    public func writeStaged(_ data: Data, to path: String) throws {
        let (file, oldSize) = try openStaged(path)
        defer { close(file) }
        try data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < bytes.count {
                let count = systemWrite(file, bytes.baseAddress! + offset, bytes.count - offset)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { throw Self.failure(path, "cannot be written") }
                offset += count
            }
        }
        // Written over from its start, a longer old file is cut to the new length.
        if oldSize > data.count, ftruncate(file, off_t(data.count)) != 0 { throw Self.failure(path, "cannot be written") }
    }

    /// A descriptor that writes `path` from its start, never through a link, and the size of
    /// what is there: a new file (size 0); or the regular file already there, when no other
    /// name links to it; or else, whatever is there removed, a new file. Folders are made only
    /// when the file cannot be. A staging folder made from an earlier site may hold a file
    /// where this build needs a folder, or a folder where it needs a file: it is removed.
    private func openStaged(_ path: String) throws -> (file: Int32, oldSize: Int) {
        // Each attempt's error is kept: what is done between attempts may change errno.
        var error: Int32 = 0
        func create() -> Int32 {
            let file = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            error = file < 0 ? errno : 0
            return file
        }
        var file = create()
        if error == ENOTDIR, removeFileInTheWay(of: path) { file = create() }
        if error == ENOENT {
            try createParent(of: path)
            file = create()
        }
        if error == EEXIST {
            if let reused = unsharedFile(path) { return reused }
            if kind(of: path) == .directory {
                try remove(path)
            } else {
                _ = unlink(path)
            }
            file = create()
        }
        guard file >= 0 else {
            errno = error
            throw Self.failure(path, "cannot be written")
        }
        return (file, 0)
    }

    /// Removes the nearest folder above `path` that is not a folder (a file or a link), so the
    /// folders can be made; false when there is none.
    private func removeFileInTheWay(of path: String) -> Bool {
        var folder = Path.dirname(path)
        while !folder.isEmpty {
            switch kind(of: folder) {
            case .directory: return false
            case .file, .symbolicLink: return unlink(folder) == 0
            case nil: folder = Path.dirname(folder)
            }
        }
        return false
    }

    /// The file at `path` opened for writing, and its size, if it is a regular file with one
    /// link. Never write into a file with more: it may be the published site's file, which the
    /// spare shares until the swap. Writing over a file of its own instead of replacing it
    /// spares the file system freeing an inode and its blocks and finding others, for every
    /// page of a full build (and, not emptied first, ext4 does not flush it on close).
    private func unsharedFile(_ path: String) -> (file: Int32, oldSize: Int)? {
        // Looked at before it is opened (a device must not be opened for writing), and again
        // once open, in case it changed between.
        func isUnsharedRegular(_ info: stat) -> Bool { info.st_mode & S_IFMT == S_IFREG && info.st_nlink == 1 }
        var info = stat()
        guard lstat(path, &info) == 0, isUnsharedRegular(info) else { return nil }
        // No following a symbolic link, and no waiting on a FIFO for a reader.
        let file = open(path, O_WRONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard file >= 0 else { return nil }
        guard fstat(file, &info) == 0, isUnsharedRegular(info) else {
            close(file)
            return nil
        }
        return (file, Int(info.st_size))
    }

    /// Makes the folder `path` is in, and any above it that are missing, with `mkdir` alone:
    /// FileManager looks at each level first, and a site's pages are each in a folder of their own.
    private func createParent(of path: String) throws {
        let parent = Path.dirname(path)
        guard !parent.isEmpty, mkdir(parent, 0o777) != 0, errno != EEXIST else { return }
        guard errno == ENOENT else { throw Self.failure(parent, "cannot create this folder") }
        try createParent(of: parent)
        guard mkdir(parent, 0o777) == 0 || errno == EEXIST else { throw Self.failure(parent, "cannot create this folder") }
    }

    private func systemRead(_ file: Int32, _ bytes: UnsafeMutableRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(file, bytes, count)
        #else
        Darwin.read(file, bytes, count)
        #endif
    }

    private func systemWrite(_ file: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(file, bytes, count)
        #else
        Darwin.write(file, bytes, count)
        #endif
    }

    /// A failure with the system's reason appended ("Permission denied", "No space left on device").
    private static func failure(_ path: String, _ what: String) -> FileSystemError {
        FileSystemError(path: path, reason: "\(what): \(String(cString: strerror(errno)))")
    }

    public func entries(in directory: String) throws -> [DirectoryEntry] {
        // readdir's entry type saves a stat per file (a site of ten thousand pages is walked
        // on every build); a file system that does not give it gets the stat.
        guard let folder = opendir(directory) else {
            throw FileSystemError(path: directory, reason: "is not a readable folder")
        }
        defer { closedir(folder) }
        var result: [DirectoryEntry] = []
        while let entry = readdir(folder) {
            let name = directoryEntryName(entry)
            guard name != ".", name != ".." else { continue }
            let kind: FileKind?
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): kind = .directory
            case Int32(DT_LNK): kind = .symbolicLink
            case Int32(DT_REG): kind = .file
            default: kind = self.kind(of: Path.join(directory, name))
            }
            if let kind { result.append(DirectoryEntry(name: name, kind: kind)) }
        }
        return result.sorted { $0.name < $1.name }
    }

    public func kind(of path: String) -> FileKind? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFLNK: return .symbolicLink
        default: return .file
        }
    }

    public func resolvingSymbolicLinks(_ path: String) throws -> String {
        guard let resolved = realpath(path, nil) else {
            let reason = errno == ELOOP ? "is a symbolic link loop" : "is a symbolic link to nothing"
            throw FileSystemError(path: path, reason: reason)
        }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    public func createDirectory(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw FileSystemError(path: path, reason: "cannot create this folder")
        }
    }

    public func remove(_ path: String) throws {
        guard let kind = kind(of: path) else { return }
        // A build removes the whole previous site after each swap: unlinking by directory
        // descriptor is several times quicker than FileManager's walk. Anything it cannot
        // remove is left to FileManager, which says why.
        if kind == .directory, Self.removeTree(at: AT_FDCWD, path) { return }
        do {
            try FileManager.default.removeItem(atPath: path)
        } catch {
            throw FileSystemError(path: path, reason: "cannot be removed")
        }
    }

    /// Removes `name` (a folder, relative to the folder `parent`) and everything in it, links
    /// not followed; false when something could not be removed.
    private static func removeTree(at parent: Int32, _ name: String) -> Bool {
        let folder = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard folder >= 0, let stream = fdopendir(folder) else { return false }
        defer { closedir(stream) }
        // Read the whole listing first: removing entries while reading the same folder is
        // allowed to skip or repeat some.
        var children: [(name: String, type: UInt8)] = []
        while let entry = readdir(stream) {
            let child = directoryEntryName(entry)
            if child != ".", child != ".." { children.append((child, entry.pointee.d_type)) }
        }
        var removedAll = true
        for (child, type) in children {
            var isFolder = type == UInt8(DT_DIR)
            if type == UInt8(DT_UNKNOWN) {
                var info = stat()
                isFolder = fstatat(folder, child, &info, AT_SYMLINK_NOFOLLOW) == 0 && info.st_mode & S_IFMT == S_IFDIR
            }
            if isFolder {
                if !removeTree(at: folder, child) { removedAll = false }
            } else if unlinkat(folder, child, 0) != 0 {
                removedAll = false
            }
        }
        return removedAll && unlinkat(parent, name, AT_REMOVEDIR) == 0
    }

    public func move(_ source: String, to destination: String) throws {
        guard rename(source, destination) == 0 else {
            throw FileSystemError(path: source, reason: "cannot be moved to \(destination): \(String(cString: strerror(errno)))")
        }
    }

    public func exchange(_ replacement: String, with target: String) throws {
        if kind(of: target) == nil {
            try move(replacement, to: target)
            return
        }
        guard let renameat2 = Self.renameat2 else {
            // No atomic exchange on this system: fall back to two renames, the gap as short as can be.
            let aside = target + ".herald-old"
            try remove(aside)
            try move(target, to: aside)
            try move(replacement, to: target)
            try move(aside, to: replacement)
            return
        }
        let renameExchange: UInt32 = 2
        guard renameat2(AT_FDCWD, replacement, AT_FDCWD, target, renameExchange) == 0 else {
            throw FileSystemError(path: target, reason: "cannot be swapped with \(replacement): \(String(cString: strerror(errno)))")
        }
    }

    public func size(of path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int(info.st_size)
    }

    public func linkOrCopy(_ source: String, to destination: String) throws {
        try createParent(of: destination)
        if link(source, destination) == 0 { return }
        // A file already there (in a spare site) may be a hard link to a published one: it is
        // replaced, never written into.
        if errno == EEXIST, unlink(destination) == 0, link(source, destination) == 0 { return }
        try writeStaged(try read(source), to: destination)
    }

    public func hasNewPermissions(_ path: String) -> Bool {
        var info = stat()
        guard let mask = Self.creationMask, lstat(path, &info) == 0, info.st_uid == geteuid() else { return false }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return info.st_mode & 0o7777 == 0o777 & ~mask
        case S_IFREG: return info.st_mode & 0o7777 == 0o666 & ~mask
        default: return false
        }
    }

    /// The process's umask, read from /proc (asking `umask` would change it, for a moment, for
    /// every thread writing files); nil where it cannot be read.
    public static let creationMask: mode_t? = {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Umask:") }),
              let mask = mode_t(line.dropFirst("Umask:".count).trimmingCharacters(in: .whitespaces), radix: 8) else { return nil }
        return mask
    }()

    public func modificationDate(of path: String) -> Date? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Self.modified(info)
    }

    public func sizeAndModificationDate(of path: String) -> (size: Int, modified: Date?)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return (Int(info.st_size), Self.modified(info))
    }

    private static func modified(_ info: stat) -> Date {
        Date(timeIntervalSince1970: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9)
    }

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// glibc's renameat2, looked up at run time because Swift's Glibc module does not export it.
    private static let renameat2: RenameAt2? = {
        #if os(Linux)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
        #else
        return nil
        #endif
    }()
}
