import Foundation
import Testing
@testable import Preview

@Suite("ETag, Last-Modified and 304")
struct ConditionalRequestTests {
    let site: TemporarySite
    init() throws { site = try TemporarySite() }

    func withServer<T>(_ body: (TestServer) async throws -> T) async throws -> T {
        defer { site.remove() }
        return try await TestServer.with(builder: FakeBuilder(contentFolder: site.content), body)
    }

    @Test func aMatchingETagGets304WithoutABody() async throws {
        try await withServer { server in
            let first = try await RawHTTP.get("/style.css", port: server.port)
            let tag = try #require(first.header("ETag"))
            #expect(first.header("Cache-Control") == "no-cache")
            let again = try await RawHTTP.get("/style.css", port: server.port, headers: ["If-None-Match": tag])
            #expect(again.status == 304)
            #expect(again.body.isEmpty)
            #expect(again.header("ETag") == tag)
            let listed = try await RawHTTP.get("/style.css", port: server.port, headers: ["If-None-Match": "\"other\", W/\(tag)"])
            #expect(listed.status == 304)
        }
    }

    @Test func aDifferentETagGetsTheFile() async throws {
        try await withServer { server in
            let response = try await RawHTTP.get("/style.css", port: server.port, headers: ["If-None-Match": "\"0-0\""])
            #expect(response.status == 200)
            #expect(response.text == "body { color: #111; }\n")
        }
    }

    @Test func ifModifiedSinceAtOrAfterTheBuildGets304() async throws {
        try await withServer { server in
            let first = try await RawHTTP.get("/report/", port: server.port)
            let modified = try #require(first.header("Last-Modified"))
            #expect(modified == "Tue, 14 Nov 2023 22:13:20 GMT")
            let same = try await RawHTTP.get("/report/", port: server.port, headers: ["If-Modified-Since": modified])
            #expect(same.status == 304)
            let later = try await RawHTTP.get("/report/", port: server.port, headers: ["If-Modified-Since": "Wed, 15 Nov 2023 00:00:00 GMT"])
            #expect(later.status == 304)
        }
    }

    @Test func ifModifiedSinceBeforeTheBuildGetsTheFile() async throws {
        try await withServer { server in
            let earlier = try await RawHTTP.get("/report/", port: server.port, headers: ["If-Modified-Since": "Mon, 13 Nov 2023 00:00:00 GMT"])
            #expect(earlier.status == 200)
            let garbage = try await RawHTTP.get("/report/", port: server.port, headers: ["If-Modified-Since": "yesterday"])
            #expect(garbage.status == 200)
        }
    }

    @Test func ifNoneMatchOverridesIfModifiedSince() async throws {
        try await withServer { server in
            let response = try await RawHTTP.get("/report/", port: server.port, headers: [
                "If-None-Match": "\"stale\"", "If-Modified-Since": "Wed, 15 Nov 2023 00:00:00 GMT",
            ])
            #expect(response.status == 200)
        }
    }

    @Test func theTagIsAHashOfTheServedBytes() throws {
        let one = Data("abc".utf8).withUnsafeBytes(EntityTag.of)
        let same = Data("abc".utf8).withUnsafeBytes(EntityTag.of)
        let other = Data("abd".utf8).withUnsafeBytes(EntityTag.of)
        #expect(one == same)
        #expect(one != other)
        #expect(one.hasPrefix("\"") && one.hasSuffix("-3\""))
    }

    @Test func httpDatesRoundTrip() throws {
        let date = Date(timeIntervalSince1970: 784_111_777)
        #expect(HTTPDate.format(date) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPDate.parse("Sun, 06 Nov 1994 08:49:37 GMT") == date)
        #expect(HTTPDate.parse("Sunday, 06-Nov-94 08:49:37 GMT") == nil)
        #expect(HTTPDate.parse("Sun, 06 Foo 1994 08:49:37 GMT") == nil)
        #expect(HTTPDate.parse("Sun, 06 Nov 1994 25:49:37 GMT") == nil)
    }
}
