import Core
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Says when something under the watched paths may have changed, so the watcher walks the
/// files only then. On Linux it listens to inotify on every watched folder: walking a site of
/// ten thousand pages every 50 ms took a core's worth of `lstat` calls. Where inotify is not
/// available (or fails to start, or its queue overflows) it answers "maybe" every time, and the
/// watcher falls back to walking on every poll.
final class ChangeNotifier: @unchecked Sendable {
    // Used from the watcher's task only; the descriptor is closed when the notifier goes.
    private var descriptor: Int32 = -1
    private let roots: [String]
    private var foldersChanged = false

    init(roots: [String], enabled: Bool = true) {
        self.roots = roots
        #if os(Linux)
        if enabled { descriptor = inotify_init1(Int32(O_NONBLOCK | O_CLOEXEC)) }
        #endif
        watchFolders()
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// True when inotify is listening; false means every `drain` says "maybe".
    var isListening: Bool { descriptor >= 0 }

    /// True when an event arrived since the last call (always true without inotify).
    func drain() -> Bool {
        guard descriptor >= 0 else { return true }
        var any = false
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            any = true
            if Self.mentionsFolders(buffer[0..<count]) { foldersChanged = true }
        }
        if foldersChanged {
            // A new folder is watched from now on; a queue overflow may have lost anything.
            foldersChanged = false
            watchFolders()
        }
        return any
    }

    /// Starts watching every folder under the roots (and the folder of a root that is a file).
    /// Watching a folder already watched changes nothing, so this can be called again.
    func watchFolders() {
        #if os(Linux)
        guard descriptor >= 0 else { return }
        for root in roots {
            var info = stat()
            guard lstat(root, &info) == 0 else {
                add(Self.parent(of: root))
                continue
            }
            if info.st_mode & S_IFMT == S_IFDIR { addTree(root, depth: 0) } else { add(Self.parent(of: root)) }
        }
        #endif
    }

    #if os(Linux)
    private static let mask: UInt32 = 0x2 | 0x4 | 0x8 | 0x40 | 0x80 | 0x100 | 0x200 | 0x400 | 0x800
    // IN_MODIFY, IN_ATTRIB, IN_CLOSE_WRITE, IN_MOVED_FROM, IN_MOVED_TO, IN_CREATE, IN_DELETE,
    // IN_DELETE_SELF, IN_MOVE_SELF.

    private func add(_ folder: String) {
        if inotify_add_watch(descriptor, folder, Self.mask) < 0 && errno == ENOSPC {
            // Out of watches (fs.inotify.max_user_watches): walk on every poll instead.
            close(descriptor)
            descriptor = -1
        }
    }

    private func addTree(_ folder: String, depth: Int) {
        guard descriptor >= 0, depth < 64 else { return }
        add(folder)
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            guard entry.pointee.d_type == UInt8(DT_DIR) || entry.pointee.d_type == UInt8(DT_UNKNOWN) else { continue }
            let name = directoryEntryName(entry)
            guard name != ".", name != "..", !FileScan.isIgnored(name) else { continue }
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { continue }
            addTree(path, depth: depth + 1)
        }
    }
    #endif

    /// Whether a batch of inotify events names a folder, or says events were lost.
    static func mentionsFolders(_ bytes: ArraySlice<UInt8>) -> Bool {
        let isFolder: UInt32 = 0x4000_0000, overflow: UInt32 = 0x4000
        var offset = bytes.startIndex
        // struct inotify_event { int wd; uint32_t mask; uint32_t cookie; uint32_t len; char name[]; }
        while offset + 16 <= bytes.endIndex {
            let mask = (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[offset + 4 + $1]) << (8 * $1) }
            let length = (0..<4).reduce(Int(0)) { $0 | Int(bytes[offset + 12 + $1]) << (8 * $1) }
            if mask & (isFolder | overflow) != 0 { return true }
            offset += 16 + length
        }
        return false
    }

    private static func parent(of path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }
}
