import Core

/// The page every HTML request gets while the site does not build: each finding with its file,
/// line, message and hint, escaped, in an accessible document that reloads by itself once the
/// build succeeds again.
enum ErrorPage {
    static func render(_ diagnostics: [Diagnostic]) -> String {
        let count = diagnostics.count
        let summary = count == 1 ? "1 problem stops the build." : "\(count) problems stop the build."
        var items = ""
        for diagnostic in diagnostics {
            items += "<li class=\"finding\">\n"
            let place = diagnostic.location.map { "\($0.file), line \($0.line), column \($0.column)" } ?? "Site"
            items += "<p class=\"where\">\(Escape.markup(place))</p>\n"
            items += "<p><strong>\(Escape.markup(diagnostic.severity.rawValue.capitalized)):</strong> "
                + "\(Escape.markup(diagnostic.message))"
            if let rule = diagnostic.rule {
                items += " (rule \(Escape.markup(rule.id)))"
            }
            items += "</p>\n"
            if let source = diagnostic.sourceLine {
                items += "<pre aria-label=\"The line in the file\">\(Escape.markup(source))</pre>\n"
            }
            if let hint = diagnostic.hint {
                items += "<p class=\"hint\">How to fix it: \(Escape.markup(hint))</p>\n"
            }
            items += "</li>\n"
        }
        return """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Build failed: Herald preview</title>
            <link rel="stylesheet" href="\(PreviewAssets.stylePath)">
            </head>
            <body>
            <main>
            <h1>The site could not be built</h1>
            <p>\(summary) Fix the file and save it: this page reloads by itself when the site builds again.</p>
            <ol>
            \(items)</ol>
            </main>
            \(PreviewAssets.scriptTag)
            </body>
            </html>

            """
    }
}

extension String {
    fileprivate var capitalized: String { prefix(1).uppercased() + dropFirst() }
}
