import Foundation
import Testing
@testable import Preview

/// Each way of reaching outside the built site, sent byte for byte over a raw socket. The site
/// lives in memory, so there is nothing outside to reach; these prove the path is refused
/// before any lookup (a `..` that would resolve to a real page still gets 404).
@Suite("Path traversal")
struct TraversalTests {
    let site: TemporarySite
    init() throws {
        site = try TemporarySite()
        try "secret".write(toFile: site.root + "/secret.txt", atomically: true, encoding: .utf8)
    }

    func expectRefused(_ target: String, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        defer { site.remove() }
        try await TestServer.with(builder: FakeBuilder(contentFolder: site.content)) { server in
            let response = try await RawHTTP.get(target, port: server.port)
            #expect(response.status == 404, "\(target)", sourceLocation: sourceLocation)
            #expect(response.text.contains("Custom not found page"), sourceLocation: sourceLocation)
        }
    }

    @Test func dotDot() async throws { try await expectRefused("/../../../../etc/passwd") }
    @Test func dotDotThatWouldLandOnARealPage() async throws { try await expectRefused("/report/../index.html") }
    @Test func dotDotToTheSiteFolder() async throws { try await expectRefused("/../secret.txt") }
    @Test func singleDot() async throws { try await expectRefused("/./index.html") }
    @Test func encodedDots() async throws { try await expectRefused("/%2e%2e/%2e%2e/etc/passwd") }
    @Test func encodedDotsUpperCase() async throws { try await expectRefused("/%2E%2E/%2E%2E/etc/passwd") }
    @Test func halfEncodedDots() async throws { try await expectRefused("/.%2e/.%2e/etc/passwd") }
    @Test func encodedSlash() async throws { try await expectRefused("/..%2f..%2fetc%2fpasswd") }
    @Test func encodedSlashInsideTheSite() async throws { try await expectRefused("/report%2findex.html") }
    @Test func encodedBackslash() async throws { try await expectRefused("/..%5c..%5cetc%5cpasswd") }
    @Test func rawBackslash() async throws { try await expectRefused("/report\\..\\..\\etc\\passwd") }
    @Test func doubleEncoding() async throws { try await expectRefused("/%252e%252e/%252e%252e/etc/passwd") }
    @Test func doubleEncodedSlash() async throws { try await expectRefused("/..%252f..%252fetc%252fpasswd") }
    @Test func overlongUTF8Dots() async throws { try await expectRefused("/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd") }
    @Test func absolutePathWithDoubleSlash() async throws { try await expectRefused("//etc/passwd") }
    @Test func emptySegmentInside() async throws { try await expectRefused("/report//index.html") }
    @Test func absoluteFormTarget() async throws { try await expectRefused("http://127.0.0.1/etc/passwd") }
    @Test func encodedNul() async throws { try await expectRefused("/index.html%00.css") }
    @Test func badPercentEscape() async throws { try await expectRefused("/report/%zz") }

    @Test func rawNulIsRefusedBeforeReachingTheSite() async throws {
        defer { site.remove() }
        try await TestServer.with(builder: FakeBuilder(contentFolder: site.content)) { server in
            let connection = try RawConnection(port: server.port)
            try connection.write(Array("GET /index.html".utf8) + [0] + Array(".css HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".utf8))
            // The HTTP parser rejects the request line: either a 4xx or a closed connection.
            if let response = try? await connection.readResponse() {
                #expect((400..<500).contains(response.status))
                #expect(!response.text.contains("Welcome"))
            }
            // The server still answers everyone else.
            #expect(try await RawHTTP.get("/", port: server.port).status == 200)
        }
    }

    @Test func decodingAcceptsOrdinaryNames() throws {
        let spaced = try #require(RequestPath(target: "/annual%20report/caf%C3%A9.pdf?x=1#top"))
        #expect(spaced.segments == ["annual report", "café.pdf"])
        #expect(spaced.query == "x=1")
        #expect(!spaced.isFolder)
        let folder = try #require(RequestPath(target: "/report/"))
        #expect(folder.filePath == "report/index.html")
        #expect(RequestPath(target: "/")?.filePath == "index.html")
        #expect(RequestPath(target: "/a%20b")?.encodedPath == "/a%20b")
    }
}
