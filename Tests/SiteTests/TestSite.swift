import Core
import Foundation
import TestSupport
@testable import Site

/// A small site in memory: a config, accessible minimal templates and the pages a test gives.
enum TestSite {
    static let config = TestConfig.text()

    static let layout = """
    <!DOCTYPE html>
    <html lang="{{site.language}}">
    <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{{page.title}} - {{site.title}}</title></head>
    <body><a href="#main-content">Skip to main content</a>
    <header><p>{{site.organisation.name}}</p></header>
    <main id="main-content">{{{body}}}</main>
    <footer><ul>{{#site.footer}}<li><a href="{{url}}">{{title}}</a></li>{{/site.footer}}</ul></footer>
    </body></html>
    """

    static let templates: [String: String] = [
        "templates/layout.mustache": layout,
        "templates/page.mustache": "<h1>{{page.title}}</h1>\n{{{page.content}}}\n{{#page.has_pages}}<ul>{{#page.pages}}<li><a href=\"{{url}}\">{{title}}</a></li>{{/page.pages}}</ul>{{/page.has_pages}}",
        "templates/decision.mustache": "<h1>{{page.title}}</h1><p>Decision {{page.number}}: {{page.status_label}}</p>{{{page.content}}}",
        "templates/decisions.mustache": "<h1>{{page.title}}</h1><ul>{{#list.decisions}}<li><a href=\"{{url}}\">{{number}}: {{title}}</a></li>{{/list.decisions}}</ul>",
        "templates/news-list.mustache": "<h1>{{page.title}}</h1><ul>{{#list.items}}<li><a href=\"{{url}}\">{{title}}</a></li>{{/list.items}}</ul>",
        "templates/a-to-z.mustache": "<h1>{{page.title}}</h1>{{#list.letters}}<h2 id=\"{{id}}\">{{letter}}</h2><ul>{{#pages}}<li><a href=\"{{url}}\">{{title}}</a></li>{{/pages}}</ul>{{/list.letters}}",
        "templates/404.mustache": "<h1>Page not found</h1><p>Check the address.</p>",
        "templates/redirect.mustache": "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>{{redirect.title}}</title><meta http-equiv=\"refresh\" content=\"0; url={{redirect.url}}\"></head><body><main><h1>{{redirect.title}}</h1><p><a href=\"{{redirect.url}}\">{{redirect.title}}</a></p></main></body></html>",
    ]

    static let home = "---\ntitle: Home\n---\nWelcome.\n"

    /// A file system holding the site, with `pages` as `content/` paths → text.
    static func files(_ pages: [String: String], config: String = TestSite.config) -> InMemoryFileSystem {
        var files = templates
        files["herald.yml"] = config
        files["content/_index.md"] = home
        for (path, text) in pages { files["content/" + path] = text }
        return InMemoryFileSystem(files: files)
    }

    static let fixedDay = BuildClock.fixed(Date(timeIntervalSince1970: 1_795_000_000)) // 2026-11-19

    static func options(_ extra: (inout BuildOptions) -> Void = { _ in }) -> BuildOptions {
        var options = BuildOptions(siteDirectory: "", outputDirectory: "public", clock: fixedDay)
        extra(&options)
        return options
    }

    /// Renders in memory; returns the report and the files.
    static func render(_ fs: InMemoryFileSystem, options: BuildOptions = TestSite.options()) async -> (BuildReport, [String: String]) {
        let output = MemoryOutput()
        let report = await SiteBuilder(fileSystem: fs, options: options).render(into: output)
        return (report, output.files.mapValues { String(decoding: $0, as: UTF8.self) })
    }

    /// A five-page site in a new temporary folder on disk: a section, two pages (one linking to
    /// the other's heading) and the accessibility statement. For the incremental tests.
    static func smallSiteOnDisk(_ fs: LocalFileSystem) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("herald-small-\(UUID().uuidString)").path
        var files = templates
        files["herald.yml"] = config
        files["content/_index.md"] = home
        files["content/report/_index.md"] = "---\ntitle: Report a crime\n---\nWays to report.\n"
        files["content/report/online.md"] = "---\ntitle: Report online\n---\n## Online form\n\nUse the form.\n"
        files["content/report/phone.md"] = "---\ntitle: Report by phone\n---\nSee [the online form](online.md#online-form).\n"
        files["content/accessibility.md"] = "---\ntitle: Accessibility statement\n---\n## Status\n\n{{accessibility.compliance}}\n"
        for (path, text) in files { try fs.write(text, to: Path.join(root, path)) }
        return root
    }
}
