import Foundation
import Testing
@testable import Preview

@Suite("Byte ranges")
struct RangeTests {
    let site: TemporarySite
    init() throws { site = try TemporarySite() }
    let document = [UInt8](FakeBuilder.assets["docs/annual-report.pdf"]!)

    func withServer<T>(_ body: (TestServer) async throws -> T) async throws -> T {
        defer { site.remove() }
        return try await TestServer.with(builder: FakeBuilder(contentFolder: site.content), body)
    }

    @Test func aRangeGets206WithThoseBytes() async throws {
        try await withServer { server in
            let response = try await RawHTTP.get("/docs/annual-report.pdf", port: server.port, headers: ["Range": "bytes=100-199"])
            #expect(response.status == 206)
            #expect(response.header("Content-Range") == "bytes 100-199/\(document.count)")
            #expect(response.header("Accept-Ranges") == "bytes")
            #expect(response.body == Array(document[100...199]))
        }
    }

    @Test func anOpenRangeRunsToTheEnd() async throws {
        try await withServer { server in
            let response = try await RawHTTP.get("/docs/annual-report.pdf", port: server.port, headers: ["Range": "bytes=99990-"])
            #expect(response.status == 206)
            #expect(response.body == Array(document[99990...]))
        }
    }

    @Test func aSuffixRangeGetsTheLastBytes() async throws {
        try await withServer { server in
            let response = try await RawHTTP.get("/docs/annual-report.pdf", port: server.port, headers: ["Range": "bytes=-16"])
            #expect(response.status == 206)
            #expect(response.header("Content-Range") == "bytes \(document.count - 16)-\(document.count - 1)/\(document.count)")
            #expect(response.body == Array(document.suffix(16)))
        }
    }

    @Test func aRangePastTheEndGets416() async throws {
        try await withServer { server in
            let response = try await RawHTTP.get("/docs/annual-report.pdf", port: server.port, headers: ["Range": "bytes=200000-"])
            #expect(response.status == 416)
            #expect(response.header("Content-Range") == "bytes */\(document.count)")
            #expect(response.body.isEmpty)
        }
    }

    @Test func aStaleIfRangeGetsTheWholeFile() async throws {
        try await withServer { server in
            let response = try await RawHTTP.get("/docs/annual-report.pdf", port: server.port, headers: [
                "Range": "bytes=0-9", "If-Range": "\"stale\"",
            ])
            #expect(response.status == 200)
            #expect(response.body.count == document.count)
            let tag = try #require(response.header("ETag"))
            let current = try await RawHTTP.get("/docs/annual-report.pdf", port: server.port, headers: ["Range": "bytes=0-9", "If-Range": tag])
            #expect(current.status == 206)
            #expect(current.body == Array(document[0...9]))
        }
    }

    @Test func resolvingRangeHeaders() {
        #expect(ByteRange.resolve(nil, length: 10) == .whole)
        #expect(ByteRange.resolve("bytes=0-0", length: 10) == .partial(0...0))
        #expect(ByteRange.resolve("bytes=5-100", length: 10) == .partial(5...9))
        #expect(ByteRange.resolve("bytes=-3", length: 10) == .partial(7...9))
        #expect(ByteRange.resolve("bytes=-30", length: 10) == .partial(0...9))
        #expect(ByteRange.resolve("bytes=10-", length: 10) == .unsatisfiable)
        #expect(ByteRange.resolve("bytes=-0", length: 10) == .unsatisfiable)
        #expect(ByteRange.resolve("bytes=0-1,4-5", length: 10) == .whole)
        #expect(ByteRange.resolve("bytes=5-2", length: 10) == .whole)
        #expect(ByteRange.resolve("items=0-1", length: 10) == .whole)
        #expect(ByteRange.resolve("bytes=a-b", length: 10) == .whole)
        #expect(ByteRange.resolve("bytes=99999999999999999999-", length: 10) == .whole)
    }
}
