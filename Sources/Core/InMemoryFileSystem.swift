import Foundation
import Synchronization

/// A file system held in memory, for fast tests and for the preview's output.
public final class InMemoryFileSystem: FileSystem {
    private enum Node {
        case file(Data, Date)
        case directory
        case link(String)
    }

    private let nodes: Mutex<[String: Node]>
    private let clock: @Sendable () -> Date

    public init(files: [String: String] = [:], clock: @escaping @Sendable () -> Date = { Date(timeIntervalSince1970: 0) }) {
        self.clock = clock
        var initial: [String: Node] = ["": .directory, "/": .directory]
        for (path, text) in files {
            let key = Self.key(path)
            initial[key] = .file(Data(text.utf8), clock())
            var parent = Path.dirname(key)
            while !parent.isEmpty && parent != "/" {
                initial[parent] = .directory
                parent = Path.dirname(parent)
            }
        }
        nodes = Mutex(initial)
    }

    private static func key(_ path: String) -> String {
        var trimmed = path
        while trimmed.hasPrefix("./") { trimmed.removeFirst(2) }
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        return trimmed == "." ? "" : trimmed
    }

    /// Adds a symbolic link at `path` pointing to `target` (a path in this file system).
    public func symlink(_ path: String, to target: String) {
        nodes.withLock { $0[Self.key(path)] = .link(Self.key(target)) }
    }

    public func read(_ path: String) throws -> Data {
        let resolved = try resolvingSymbolicLinks(path)
        return try nodes.withLock { nodes in
            guard case .file(let data, _)? = nodes[resolved] else {
                throw FileSystemError(path: path, reason: "no such file")
            }
            return data
        }
    }

    public func write(_ data: Data, to path: String) throws {
        let key = Self.key(path)
        let date = clock()
        nodes.withLock { nodes in
            var parent = Path.dirname(key)
            while !parent.isEmpty && parent != "/" {
                nodes[parent] = .directory
                parent = Path.dirname(parent)
            }
            nodes[key] = .file(data, date)
        }
    }

    public func entries(in directory: String) throws -> [DirectoryEntry] {
        let key = Self.key(directory)
        return try nodes.withLock { nodes in
            guard case .directory? = nodes[key] else {
                throw FileSystemError(path: directory, reason: "is not a readable folder")
            }
            let prefix = key.isEmpty ? "" : (key == "/" ? "/" : key + "/")
            var result: [DirectoryEntry] = []
            for (path, node) in nodes where path.hasPrefix(prefix) && path != key && !path.isEmpty {
                let rest = path.dropFirst(prefix.count)
                guard !rest.isEmpty, !rest.contains("/") else { continue }
                let kind: FileKind = switch node {
                case .file: .file
                case .directory: .directory
                case .link: .symbolicLink
                }
                result.append(DirectoryEntry(name: String(rest), kind: kind))
            }
            return result.sorted { $0.name < $1.name }
        }
    }

    public func kind(of path: String) -> FileKind? {
        nodes.withLock { nodes in
            switch nodes[Self.key(path)] {
            case .file?: .file
            case .directory?: .directory
            case .link?: .symbolicLink
            case nil: nil
            }
        }
    }

    public func resolvingSymbolicLinks(_ path: String) throws -> String {
        var current = Self.key(path)
        var seen: Set<String> = []
        while true {
            let node = nodes.withLock { $0[current] }
            switch node {
            case .link(let target)?:
                guard seen.insert(current).inserted else {
                    throw FileSystemError(path: path, reason: "is a symbolic link loop")
                }
                current = target
            case nil:
                if seen.isEmpty { return current }
                throw FileSystemError(path: path, reason: "is a symbolic link to nothing")
            default:
                return current
            }
        }
    }

    public func createDirectory(_ path: String) throws {
        let key = Self.key(path)
        nodes.withLock { nodes in
            var current = key
            while !current.isEmpty && current != "/" {
                nodes[current] = .directory
                current = Path.dirname(current)
            }
        }
    }

    public func remove(_ path: String) throws {
        let key = Self.key(path)
        nodes.withLock { nodes in
            for existing in nodes.keys where existing == key || existing.hasPrefix(key + "/") {
                nodes[existing] = nil
            }
        }
    }

    public func move(_ source: String, to destination: String) throws {
        let from = Self.key(source)
        let to = Self.key(destination)
        try nodes.withLock { nodes in
            guard nodes[from] != nil else { throw FileSystemError(path: source, reason: "no such file") }
            var moved: [String: Node] = [:]
            for (path, node) in nodes where path == from || path.hasPrefix(from + "/") {
                moved[to + path.dropFirst(from.count)] = node
                nodes[path] = nil
            }
            for existing in nodes.keys where existing == to || existing.hasPrefix(to + "/") {
                nodes[existing] = nil
            }
            nodes.merge(moved) { $1 }
        }
    }

    public func exchange(_ replacement: String, with target: String) throws {
        guard kind(of: target) != nil else {
            try move(replacement, to: target)
            return
        }
        let aside = Self.key(target) + ".exchange"
        try move(target, to: aside)
        try move(replacement, to: target)
        try move(aside, to: replacement)
    }

    public func size(of path: String) -> Int? {
        guard let resolved = try? resolvingSymbolicLinks(path) else { return nil }
        return nodes.withLock { nodes in
            if case .file(let data, _)? = nodes[resolved] { return data.count }
            return nil
        }
    }

    public func modificationDate(of path: String) -> Date? {
        nodes.withLock { nodes in
            if case .file(_, let date)? = nodes[Self.key(path)] { return date }
            return nil
        }
    }
}
