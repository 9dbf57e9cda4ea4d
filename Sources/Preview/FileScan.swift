import Core
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the watcher knows of one file: enough to notice an edit without reading it.
struct FileFingerprint: Hashable, Sendable {
    var modifiedSeconds: Int
    var modifiedNanoseconds: Int
    var size: Int64
    var inode: UInt64
}

/// A listing of every file under the watched paths with its fingerprint, taken with `lstat`
/// (links below a root are not followed, so a link loop cannot trap the walk).
///
/// Hidden files and editor leftovers (`.foo.swp`, `foo~`, `4913`) are skipped: saving a file
/// in Vim or Emacs touches them, and they are never part of the site.
struct FileScan: Equatable, Sendable {
    var files: [String: FileFingerprint]

    init(files: [String: FileFingerprint]) { self.files = files }

    init(of roots: [String]) {
        var files: [String: FileFingerprint] = [:]
        for root in roots { Self.walk(root, into: &files, depth: 0) }
        self.files = files
    }

    /// Paths created, modified or deleted between `self` and `newer`, sorted.
    func changes(to newer: FileScan) -> [String] {
        var changed: [String] = []
        for (path, fingerprint) in newer.files where files[path] != fingerprint { changed.append(path) }
        for path in files.keys where newer.files[path] == nil { changed.append(path) }
        return changed.sorted()
    }

    /// Looks again at these paths alone (what inotify named) and returns those that changed,
    /// sorted: created, modified or deleted. Names a walk skips are skipped here too.
    mutating func update(_ paths: Set<String>) -> [String] {
        var changed: [String] = []
        for path in paths.sorted() where !Self.isIgnored(Path.basename(path)) {
            var info = stat()
            let now: FileFingerprint? = lstat(path, &info) == 0 && info.st_mode & S_IFMT != S_IFDIR ? Self.fingerprint(info) : nil
            if files[path] != now {
                files[path] = now
                changed.append(path)
            }
        }
        return changed
    }

    private static func walk(_ path: String, into files: inout [String: FileFingerprint], depth: Int) {
        var info = stat()
        // A watched root may be a link (a site sharing another's templates folder): it is
        // followed; links below it are listed, not followed, so a loop cannot trap the walk.
        guard (depth == 0 ? stat(path, &info) : lstat(path, &info)) == 0 else { return }
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            guard depth < 64, let directory = opendir(path) else { return }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = directoryEntryName(entry)
                guard !isIgnored(name) else { continue }
                walk(path.hasSuffix("/") ? path + name : path + "/" + name, into: &files, depth: depth + 1)
            }
        default:
            files[path] = fingerprint(info)
        }
    }

    /// What the build skips, and editors' backup and probe files (`name~`, `#name#`, vim's `4913`).
    static func isIgnored(_ name: String) -> Bool {
        ContentFileName.isSkipped(name) || name.hasSuffix("~") || name == "4913" || name.hasPrefix("#")
    }

    private static func fingerprint(_ info: stat) -> FileFingerprint {
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        return FileFingerprint(
            modifiedSeconds: Int(time.tv_sec), modifiedNanoseconds: Int(time.tv_nsec),
            size: Int64(info.st_size), inode: UInt64(info.st_ino))
    }
}
