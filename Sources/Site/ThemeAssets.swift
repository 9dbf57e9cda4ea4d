import Core
import Foundation

/// The theme's files under `templates/assets/`, fingerprinted: `site.css` is published as
/// `assets/site.3f9a1c2b.css`, so hosting can cache it for a year and a change still reaches readers.
struct ThemeAssets {
    /// Path under `assets/` → the URL templates link to.
    var urls: [String: String] = [:]
    /// Output path → bytes.
    var files: [(path: String, source: String, data: Data)] = []

    static func load(from fileSystem: FileSystem, directory: String) throws -> ThemeAssets {
        var result = ThemeAssets()
        guard fileSystem.kind(of: directory) == .directory else { return result }
        let paths = try fileSystem.recursiveFiles(in: directory).filter { !Path.basename($0).hasPrefix(".") }
        // Stylesheets last: their url() references are rewritten to the other files' new names.
        let ordered = paths.filter { Path.fileExtension($0) != "css" } + paths.filter { Path.fileExtension($0) == "css" }
        for path in ordered {
            var data = try fileSystem.read(Path.join(directory, path))
            if Path.fileExtension(path) == "css" {
                data = Data(rewriteURLs(in: String(decoding: data, as: UTF8.self), from: path, urls: result.urls).utf8)
            }
            let hash = String(SHA256.hex(data).prefix(10))
            let ext = Path.fileExtension(path)
            let stem = Path.removingExtension(path)
            let output = "assets/" + (ext.isEmpty ? "\(stem).\(hash)" : "\(stem).\(hash).\(ext)")
            result.urls[path] = "/" + output
            result.files.append((output, path, data))
        }
        return result
    }

    /// Rewrites `url(fonts/a.woff2)` to the fingerprinted URL of that file.
    static func rewriteURLs(in css: String, from cssPath: String, urls: [String: String]) -> String {
        guard css.contains("url(") else { return css }
        var output = ""
        var rest = css[...]
        while let open = rest.range(of: "url(") {
            output += rest[..<open.upperBound]
            rest = rest[open.upperBound...]
            guard let close = rest.firstIndex(of: ")") else { break }
            let raw = rest[..<close].trimmingCharacters(in: .whitespaces)
            let quote = raw.first.map { $0 == "\"" || $0 == "'" } == true ? String(raw.first!) : ""
            let target = quote.isEmpty ? raw : String(raw.dropFirst().dropLast())
            let folder = Path.dirname(cssPath)
            if !target.contains(":"), !target.hasPrefix("/"), !target.hasPrefix("#"),
               let resolved = Path.normalize(folder.isEmpty ? target : Path.join(folder, target)), let url = urls[resolved] {
                output += quote + url + quote
            } else {
                output += rest[..<close]
            }
            rest = rest[close...]
        }
        return output + rest
    }
}
