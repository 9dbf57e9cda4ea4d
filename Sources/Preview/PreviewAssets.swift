/// The files the preview adds under `/_herald/`, which exist only while `herald serve` runs.
///
/// The reload client is a file, never inline script, so the site's Content-Security-Policy
/// (`script-src 'self'`) holds in preview exactly as in production.
enum PreviewAssets {
    static let prefix = "/_herald/"
    static let eventsPath = "/_herald/events"
    static let scriptPath = "/_herald/live-reload.js"
    static let stylePath = "/_herald/preview.css"

    /// The tag put before `</body>` of every HTML page the preview serves.
    static let scriptTag = "<script src=\"\(scriptPath)\" defer></script>"

    static let liveReloadScript = """
        // Herald preview: reloads this page when the site is rebuilt. Served only by `herald serve`.
        (function () {
          "use strict";
          if (!("EventSource" in window)) { return; }
          var source = new EventSource("\(eventsPath)");
          source.addEventListener("reload", function () { window.location.reload(); });
          window.addEventListener("pagehide", function () { source.close(); });
        })();

        """

    static let stylesheet = """
        /* Herald preview: the build error page. */
        :root { color-scheme: light dark; }
        body { font: 1.125rem/1.5 system-ui, sans-serif; margin: 0; padding: 1rem; }
        main { max-width: 50rem; margin: 0 auto; }
        h1 { font-size: 1.75rem; line-height: 1.2; }
        .finding { border-left: 0.375rem solid #b00020; padding: 0.5rem 1rem; margin: 0 0 1.5rem; }
        .where { font-family: ui-monospace, monospace; font-weight: 700; overflow-wrap: anywhere; }
        pre { white-space: pre-wrap; overflow-wrap: anywhere; padding: 0.5rem; border: 1px solid currentColor; }
        .hint { font-style: italic; }

        """
}
