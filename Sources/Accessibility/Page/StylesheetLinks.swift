import Core

/// The local stylesheets a page links to, as paths to read.
enum StylesheetLinks {
    static func local(in document: HTMLDocument, htmlPath: String, root: String) -> [(String, SourceLocation)] {
        var result: [(String, SourceLocation)] = []
        var stack = [document.root]
        while let element = stack.popLast() {
            stack += element.childElements.reversed()
            guard element.tag == "link", let href = element.attribute("href"),
                  let rel = element.attribute("rel"), rel.lowercased().split(separator: " ").contains("stylesheet") else { continue }
            let lower = href.lowercased()
            if lower.hasPrefix("http:") || lower.hasPrefix("https:") || lower.hasPrefix("//") || lower.hasPrefix("data:") { continue }
            var path = String(href.split(separator: "?", maxSplits: 1).first ?? "")
            path = String(path.split(separator: "#", maxSplits: 1).first ?? "")
            guard !path.isEmpty else { continue }
            let joined = path.hasPrefix("/") ? Path.join(root, String(path.dropFirst())) : Path.join(Path.dirname(htmlPath), path)
            let location = SourceLocation(file: htmlPath, line: max(1, element.line), column: max(1, element.column))
            result.append((Path.normalize(joined) ?? joined, location))
        }
        return result
    }
}
