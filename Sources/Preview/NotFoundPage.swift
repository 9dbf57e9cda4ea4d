/// The 404 page used when the site has no `404.html` of its own.
enum NotFoundPage {
    static let html = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Page not found: Herald preview</title>
        <link rel="stylesheet" href="\(PreviewAssets.stylePath)">
        </head>
        <body>
        <main>
        <h1>Page not found</h1>
        <p>There is no page at this address. <a href="/">Go to the home page</a>.</p>
        </main>
        </body>
        </html>

        """
}
