import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
@testable import Preview

@Suite("Serving the built site")
struct ServingTests {
    let site: TemporarySite
    init() throws { site = try TemporarySite() }

    func withServer<T>(_ body: (TestServer) async throws -> T) async throws -> T {
        defer { site.remove() }
        return try await TestServer.with(builder: FakeBuilder(contentFolder: site.content), body)
    }

    @Test func rootServesTheHomePageWithTheReloadScriptBeforeTheBodyEnds() async throws {
        try await withServer { server in
            let response = try await RawHTTP.get("/", port: server.port)
            #expect(response.status == 200)
            #expect(response.header("Content-Type") == "text/html; charset=utf-8")
            #expect(response.text.contains("<h1>Home</h1>"))
            #expect(response.text.contains("\(PreviewAssets.scriptTag)</BODY>"))
        }
    }

    @Test func aFolderPathServesItsIndex() async throws {
        try await withServer { server in
            let response = try await RawHTTP.get("/report/", port: server.port)
            #expect(response.status == 200)
            #expect(response.text.contains("Annual report"))
        }
    }

    @Test func aFolderWithoutItsSlashRedirectsAndKeepsTheQuery() async throws {
        try await withServer { server in
            let plain = try await RawHTTP.get("/report", port: server.port)
            #expect(plain.status == 301)
            #expect(plain.header("Location") == "/report/")
            let withQuery = try await RawHTTP.get("/report?print=1", port: server.port)
            #expect(withQuery.header("Location") == "/report/?print=1")
        }
    }

    @Test func anAliasRedirectsToItsTarget() async throws {
        try await withServer { server in
            for alias in ["/old-report/", "/old-report", "/old-report/index.html"] {
                let response = try await RawHTTP.get(alias, port: server.port)
                #expect(response.status == 301, "\(alias)")
                #expect(response.header("Location") == "/report/", "\(alias)")
                #expect(response.header("Cache-Control") == "no-store")
            }
        }
    }

    @Test func aMissingPageGetsTheSitesOwn404WithStatus404() async throws {
        try await withServer { server in
            let response = try await RawHTTP.get("/no-such-page/", port: server.port)
            #expect(response.status == 404)
            #expect(response.text.contains("Custom not found page"))
            #expect(response.text.contains(PreviewAssets.scriptTag))
        }
    }

    @Test func withoutA404PageTheBuiltInOneIsServed() async throws {
        var assets = FakeBuilder.assets
        assets["404.html"] = nil
        let builder = FakeBuilder(contentFolder: site.content, extraFiles: assets)
        defer { site.remove() }
        try await TestServer.with(builder: builder) { server in
            let response = try await RawHTTP.get("/missing.css", port: server.port)
            #expect(response.status == 404)
            #expect(response.text.contains("<html lang=\"en\">"))
            #expect(response.text.contains("<h1>Page not found</h1>"))
        }
    }

    @Test(arguments: [
        ("/style.css", "text/css; charset=utf-8"),
        ("/app.js", "text/javascript; charset=utf-8"),
        ("/logo.svg", "image/svg+xml"),
        ("/photo.png", "image/png"),
        ("/photo.jpg", "image/jpeg"),
        ("/photo.webp", "image/webp"),
        ("/font.woff2", "font/woff2"),
        ("/docs/annual-report.pdf", "application/pdf"),
        ("/data/figures.csv", "text/csv; charset=utf-8"),
        ("/search.json", "application/json"),
        ("/sitemap.xml", "application/xml"),
        ("/feed.atom", "application/atom+xml"),
        ("/robots.txt", "text/plain; charset=utf-8"),
        ("/docs/plan.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("/docs/plan.odt", "application/vnd.oasis.opendocument.text"),
        ("/docs/plan.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("/report/index.html", "text/html; charset=utf-8"),
    ])
    func eachKindOfFileHasItsContentType(path: String, type: String) async throws {
        try await withServer { server in
            let response = try await RawHTTP.get(path, port: server.port)
            #expect(response.status == 200)
            #expect(response.header("Content-Type") == type)
            #expect(response.header("X-Content-Type-Options") == "nosniff")
        }
    }

    @Test func nonHTMLFilesAreServedByteForByte() async throws {
        try await withServer { server in
            for path in ["style.css", "docs/annual-report.pdf", "photo.png"] {
                let response = try await RawHTTP.get("/" + path, port: server.port)
                #expect(response.body == [UInt8](FakeBuilder.assets[path]!), "\(path)")
            }
        }
    }

    @Test func headSendsTheHeadersOfGetWithoutTheBody() async throws {
        try await withServer { server in
            let get = try await RawHTTP.get("/docs/annual-report.pdf", port: server.port)
            let connection = try RawConnection(port: server.port)
            try connection.write("HEAD /docs/annual-report.pdf HTTP/1.1\r\nHost: x\r\n\r\n")
            let head = try await connection.readResponse(expectBody: false)
            #expect(head.status == 200)
            #expect(head.header("Content-Length") == String(get.body.count))
            #expect(head.header("ETag") == get.header("ETag"))
            #expect(head.header("Content-Type") == "application/pdf")
            // The next response on the same connection starts right away: no body was sent.
            try connection.write("GET /robots.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            let next = try await connection.readResponse()
            #expect(next.status == 200)
            #expect(next.text == "User-agent: *\n")
        }
    }

    @Test func otherMethodsAreRefused() async throws {
        try await withServer { server in
            let response = try await RawHTTP.get("/", port: server.port, method: "POST", headers: ["Content-Length": "0"])
            #expect(response.status == 405)
            #expect(response.header("Allow") == "GET, HEAD")
        }
    }

    @Test func theReloadScriptIsAFileAndNoPageCarriesInlineScript() async throws {
        try await withServer { server in
            let script = try await RawHTTP.get("/_herald/live-reload.js", port: server.port)
            #expect(script.status == 200)
            #expect(script.header("Content-Type") == "text/javascript; charset=utf-8")
            #expect(script.text.contains("new EventSource(\"/_herald/events\")"))
            for path in ["/", "/report/", "/nowhere"] {
                let page = try await RawHTTP.get(path, port: server.port).text
                let scripts = page.components(separatedBy: "<script").dropFirst()
                #expect(scripts.count == 1, "\(path)")
                #expect(scripts.allSatisfy { $0.hasPrefix(" src=\"/_herald/live-reload.js\" defer></script>") }, "\(path)")
            }
        }
    }

    @Test func anUnknownPreviewFileIs404() async throws {
        try await withServer { server in
            let response = try await RawHTTP.get("/_herald/secret", port: server.port)
            #expect(response.status == 404)
        }
    }

    /// URLSession on Linux (libcurl underneath) as a second, independent client. Its redirect
    /// following drops the trailing slash of a relative `Location`, so redirects are checked
    /// with the raw client above.
    @Test func aLibraryHTTPClientFetchesPagesAndHeads() async throws {
        try await withServer { server in
            let session = URLSession(configuration: .ephemeral)
            let url = URL(string: "http://127.0.0.1:\(server.port)/report/")!
            let (data, response) = try await session.data(from: url)
            let http = try #require(response as? HTTPURLResponse)
            #expect(http.statusCode == 200)
            #expect(http.value(forHTTPHeaderField: "Content-Type") == "text/html; charset=utf-8")
            #expect(String(decoding: data, as: UTF8.self).contains("Annual report"))
            var head = URLRequest(url: URL(string: "http://127.0.0.1:\(server.port)/style.css")!)
            head.httpMethod = "HEAD"
            let (headData, headResponse) = try await session.data(for: head)
            #expect(headData.isEmpty)
            #expect((headResponse as? HTTPURLResponse)?.value(forHTTPHeaderField: "Content-Length") == "22")
            let (_, missing) = try await session.data(from: URL(string: "http://127.0.0.1:\(server.port)/nowhere/")!)
            #expect((missing as? HTTPURLResponse)?.statusCode == 404)
        }
    }

    @Test func aRequestBeforeTheFirstBuildWaitsForIt() async throws {
        let builder = SlowBuilder(inner: FakeBuilder(contentFolder: site.content), delay: .milliseconds(300))
        defer { site.remove() }
        try await TestServer.with(builder: builder) { server in
            let response = try await RawHTTP.get("/report/", port: server.port)
            #expect(response.status == 200)
        }
    }
}

/// A builder whose first build takes a while, as a large site's does.
struct SlowBuilder: PreviewBuilder {
    let inner: FakeBuilder
    let delay: Duration
    func build(changed: [String]?) async -> PreviewBuild {
        try? await Task.sleep(for: delay)
        return await inner.build(changed: changed)
    }
}
