/// Plain string path arithmetic, the same on disk and in memory.
public enum Path {
    public static func join(_ parts: String...) -> String { join(parts) }

    public static func join(_ parts: [String]) -> String {
        var result = ""
        for part in parts where !part.isEmpty {
            if result.isEmpty || part.hasPrefix("/") && result.isEmpty {
                result = part
            } else if result.hasSuffix("/") {
                result += part.hasPrefix("/") ? String(part.dropFirst()) : part
            } else {
                result += part.hasPrefix("/") ? part : "/" + part
            }
        }
        return result
    }

    // Separators are found byte by byte and cut on scalars: an ASCII byte is always a whole
    // scalar, and a search by `Character` costs a grapheme break check per character (it also
    // missed a separator followed by a combining mark, which the file system still splits on).
    public static func dirname(_ path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        if slash == path.startIndex { return "/" }
        return String(path.unicodeScalars[..<slash])
    }

    public static func basename(_ path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path }
        return String(path.unicodeScalars[path.unicodeScalars.index(after: slash)...])
    }

    /// The extension without its dot, lower-cased; "" when there is none.
    public static func fileExtension(_ path: String) -> String {
        let name = basename(path)
        guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")), dot != name.startIndex else { return "" }
        return String(name.unicodeScalars[name.unicodeScalars.index(after: dot)...]).lowercased()
    }

    public static func removingExtension(_ path: String) -> String {
        let name = basename(path)
        guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")), dot != name.startIndex else { return path }
        let dir = dirname(path)
        let stem = String(name.unicodeScalars[..<dot])
        return dir.isEmpty ? stem : join(dir, stem)
    }

    /// Resolves `.` and `..` lexically. Returns nil when `..` would climb above the start,
    /// which is how callers spot a path that escapes the folder it must stay in.
    public static func normalize(_ path: String) -> String? {
        isNormal(path) ? path : normalizedBySegments(path)
    }

    /// `normalize` the long way, every segment looked at.
    static func normalizedBySegments(_ path: String) -> String? {
        let absolute = path.hasPrefix("/")
        var stack: [Substring] = []
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..":
                if stack.isEmpty { return nil }
                stack.removeLast()
            default: stack.append(component)
            }
        }
        let joined = stack.joined(separator: "/")
        return absolute ? "/" + joined : joined
    }

    /// True when `normalize` would give `path` back: no empty, `.` or `..` segment after an
    /// absolute path's leading `/`. Most paths are, and are then not split and joined again.
    static func isNormal(_ path: String) -> Bool {
        var bytes = Substring(path).utf8
        if bytes.first == UInt8(ascii: "/") { bytes = bytes.dropFirst() }
        func isPlain(_ length: Int, dots: Int) -> Bool { length > 0 && !(dots == length && length <= 2) }
        var length = 0, dots = 0
        for byte in bytes {
            if byte == UInt8(ascii: "/") {
                guard isPlain(length, dots: dots) else { return false }
                length = 0
                dots = 0
            } else {
                length += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
        }
        return isPlain(length, dots: dots)
    }

    /// `path` as a link written in a file inside `folder` reaches it (both relative to one
    /// root and normalised): `report/hate-crime.md` from `news` is `../report/hate-crime.md`.
    public static func relative(_ path: String, from folder: String) -> String {
        let from = folder.split(separator: "/"), to = path.split(separator: "/")
        var common = 0
        while common < from.count, common < to.count, from[common] == to[common] { common += 1 }
        let parts = Array(repeating: "..", count: from.count - common) + to[common...].map(String.init)
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    /// True when `path` is `root` or lies inside it (both normalised, no symlink resolution).
    public static func isInside(_ path: String, root: String) -> Bool {
        let root = root.hasSuffix("/") ? String(root.dropLast()) : root
        return path == root || path.hasPrefix(root + "/") || root.isEmpty && !path.hasPrefix("/")
    }
}
