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

    /// True when `path` is `root` or lies inside it (both normalised, no symlink resolution).
    public static func isInside(_ path: String, root: String) -> Bool {
        let root = root.hasSuffix("/") ? String(root.dropLast()) : root
        return path == root || path.hasPrefix(root + "/") || root.isEmpty && !path.hasPrefix("/")
    }
}
