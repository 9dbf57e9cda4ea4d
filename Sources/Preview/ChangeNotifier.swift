import Core
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Says what under the watched paths may have changed, so the watcher looks at those files
/// alone. On Linux it listens to inotify on every watched folder: walking a site of ten
/// thousand pages every 50 ms took a core's worth of `lstat` calls, and walking it once per
/// save was a quarter of the time from save to reload. When a folder comes or goes, or the
/// queue overflows, it says "anything" and the watcher walks everything once; where inotify is
/// not available (or fails to start) it says so every time, and the watcher walks on every poll.
final class ChangeNotifier: @unchecked Sendable {
    // Used from the watcher's task only; the descriptor is closed when the notifier goes.
    private var descriptor: Int32 = -1
    private let roots: [String]
    /// The folder each watch is on, named as the walk names it.
    private var folders: [Int32: String] = [:]
    /// Roots that are folders, and roots that are files by the path their folder's events give.
    private var folderRoots: [String] = []
    private var fileRoots: [String: String] = [:]

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

    /// What was heard since the last `drain`.
    enum Heard: Equatable {
        case nothing
        /// These files (named as the watcher's walk names them) were written, made, moved or
        /// removed, and nothing else happened.
        case files(Set<String>)
        /// Something a list of files cannot say: a folder came or went, events were lost, or
        /// there is no inotify. Walk everything.
        case anything

        /// Both, as one.
        func adding(_ other: Heard) -> Heard {
            switch (self, other) {
            case (.anything, _), (_, .anything): .anything
            case (.nothing, let heard), (let heard, .nothing): heard
            case (.files(let a), .files(let b)): .files(a.union(b))
            }
        }
    }

    /// Everything heard since the last call (always `.anything` without inotify).
    func drain() -> Heard {
        guard descriptor >= 0 else { return .anything }
        var heard = Heard.nothing
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            heard = heard.adding(files(in: Self.events(in: buffer[0..<count])))
        }
        if heard == .anything {
            // A new folder is watched from now on; a queue overflow may have lost anything.
            watchFolders()
        }
        return heard
    }

    /// One raw inotify event.
    struct Event: Equatable {
        var watch: Int32
        var mask: UInt32
        var name: String
    }

    /// The events in a buffer that `read` filled.
    static func events(in bytes: ArraySlice<UInt8>) -> [Event] {
        var events: [Event] = []
        var offset = bytes.startIndex
        func int(at position: Int) -> UInt32 {
            (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[position + $1]) << (8 * $1) }
        }
        // struct inotify_event { int wd; uint32_t mask; uint32_t cookie; uint32_t len; char name[]; }
        while offset + 16 <= bytes.endIndex {
            let length = Int(int(at: offset + 12))
            let nameBytes = bytes[(offset + 16)..<min(offset + 16 + length, bytes.endIndex)].prefix { $0 != 0 }
            events.append(Event(watch: Int32(bitPattern: int(at: offset)), mask: int(at: offset + 4),
                                name: String(decoding: nameBytes, as: UTF8.self)))
            offset += 16 + length
        }
        return events
    }

    /// The watched files the events name, or `.anything` when they say more than that.
    func files(in events: [Event]) -> Heard {
        // IN_ISDIR, IN_Q_OVERFLOW, IN_IGNORED, IN_DELETE_SELF, IN_MOVE_SELF.
        let beyondFiles: UInt32 = 0x4000_0000 | 0x4000 | 0x8000 | 0x400 | 0x800
        var files = Set<String>()
        for event in events {
            guard event.mask & beyondFiles == 0, !event.name.isEmpty, let folder = folders[event.watch] else { return .anything }
            let path = folder.hasSuffix("/") ? folder + event.name : folder + "/" + event.name
            if let root = fileRoots[path] {
                files.insert(root)
            } else if folderRoots.contains(where: { path.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }) {
                files.insert(path)
            }
            // Anything else is a neighbour of a watched file (the site folder's other files).
        }
        return files.isEmpty ? .nothing : .files(files)
    }

    /// Starts watching every folder under the roots (and the folder of a root that is a file).
    /// Watching a folder already watched changes nothing, so this can be called again.
    func watchFolders() {
        #if os(Linux)
        guard descriptor >= 0 else { return }
        for root in roots {
            var info = stat()
            guard stat(root, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
                let parent = Self.parent(of: root)
                fileRoots[parent + "/" + (root as NSString).lastPathComponent] = root
                add(parent)
                continue
            }
            if !folderRoots.contains(root) { folderRoots.append(root) }
            addTree(root, depth: 0)
        }
        #endif
    }

    #if os(Linux)
    private static let mask: UInt32 = 0x2 | 0x4 | 0x8 | 0x40 | 0x80 | 0x100 | 0x200 | 0x400 | 0x800
    // IN_MODIFY, IN_ATTRIB, IN_CLOSE_WRITE, IN_MOVED_FROM, IN_MOVED_TO, IN_CREATE, IN_DELETE,
    // IN_DELETE_SELF, IN_MOVE_SELF.

    private func add(_ folder: String) {
        let watch = inotify_add_watch(descriptor, folder, Self.mask)
        if watch >= 0 {
            folders[watch] = folder
        } else if errno == ENOSPC {
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

    private static func parent(of path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }
}
