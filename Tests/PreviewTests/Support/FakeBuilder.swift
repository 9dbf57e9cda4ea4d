import Core
import Foundation
import Preview
import Synchronization

/// A stand-in for the real pipeline that still reads real files: every `<name>.md` in the
/// content folder becomes `/<name>/`, and a line containing `BROKEN` fails the build with a
/// finding at that file and line. It records what it was asked to rebuild.
final class FakeBuilder: PreviewBuilder {
    let contentFolder: String
    let extraFiles: [String: Data]
    let redirects: [String: String]
    private let calls = Mutex<[[String]?]>([])

    init(contentFolder: String, extraFiles: [String: Data] = FakeBuilder.assets, redirects: [String: String] = ["/old-report/": "/report/"]) {
        self.contentFolder = contentFolder
        self.extraFiles = extraFiles
        self.redirects = redirects
    }

    var requests: [[String]?] { calls.withLock { $0 } }

    func build(changed: [String]?) async -> PreviewBuild {
        calls.withLock { $0.append(changed) }
        var files = extraFiles
        var problems: [Diagnostic] = []
        let names = (try? FileManager.default.contentsOfDirectory(atPath: contentFolder)) ?? []
        for name in names.sorted() where name.hasSuffix(".md") {
            let path = contentFolder + "/" + name
            let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
            for (index, line) in text.components(separatedBy: "\n").enumerated() where line.contains("BROKEN") {
                problems.append(.error(
                    "unknown shortcode in \(line)", at: SourceLocation(file: path, line: index + 1, column: 1),
                    hint: "remove the word BROKEN <here> & save", sourceLine: line))
            }
            let slug = String(name.dropLast(3))
            files["\(slug)/index.html"] = Data(FakeBuilder.page(title: slug, body: text).utf8)
        }
        if !problems.isEmpty { return .failure(problems) }
        return .success(BuiltSite(files: files, redirects: redirects, builtAt: Date(timeIntervalSince1970: 1_700_000_000)))
    }

    static func page(title: String, body: String) -> String {
        """
        <!doctype html>
        <html lang="en"><head><title>\(title)</title></head>
        <body><main><h1>\(title)</h1><p>\(body)</p></main></BODY>
        </html>
        """
    }

    /// One file of each kind the site publishes.
    static let assets: [String: Data] = {
        var files: [String: Data] = [
            "index.html": Data(page(title: "Home", body: "Welcome").utf8),
            "report/index.html": Data(page(title: "Report", body: "Annual report").utf8),
            "404.html": Data(page(title: "Not found", body: "Custom not found page").utf8),
            "style.css": Data("body { color: #111; }\n".utf8),
            "app.js": Data("console.log('site');\n".utf8),
            "logo.svg": Data("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8),
            "feed.atom": Data("<feed/>".utf8),
            "sitemap.xml": Data("<urlset/>".utf8),
            "search.json": Data("{}".utf8),
            "robots.txt": Data("User-agent: *\n".utf8),
            "data/figures.csv": Data("a,b\n1,2\n".utf8),
        ]
        for (name, size) in [("photo.png", 64), ("photo.jpg", 64), ("photo.webp", 64), ("font.woff2", 64),
                             ("docs/plan.docx", 64), ("docs/plan.odt", 64), ("docs/plan.xlsx", 64)] {
            files[name] = Data((0..<size).map { UInt8($0 % 251) })
        }
        // A document big enough for ranges to matter.
        files["docs/annual-report.pdf"] = Data((0..<100_000).map { UInt8(($0 * 7) % 256) })
        return files
    }()
}
