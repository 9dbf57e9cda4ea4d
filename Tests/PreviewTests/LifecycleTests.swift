import Foundation
import Testing
@testable import Preview
#if canImport(Glibc)
import Glibc
#endif

@Suite("Starting and stopping")
struct LifecycleTests {
    @Test func aPortInUseIsATypedErrorNamingThePort() async throws {
        let site = try TemporarySite()
        defer { site.remove() }
        // Occupy a port with a first server, then ask a second one for it.
        try await TestServer.with(builder: FakeBuilder(contentFolder: site.content)) { first in
            var options = PreviewOptions(port: first.port)
            options.handlesSignals = false
            let second = PreviewServer(builder: FakeBuilder(contentFolder: site.content), options: options)
            do {
                try await second.run()
                Issue.record("the second server started on a taken port")
            } catch let error as PreviewServerError {
                #expect(error == .portInUse(host: "127.0.0.1", port: first.port))
                #expect(error.description.contains("port \(first.port) is already in use"))
            }
        }
    }

    @Test func anUnknownHostIsATypedError() async throws {
        var options = PreviewOptions(host: "no-such-host.invalid", port: 8099)
        options.handlesSignals = false
        let server = PreviewServer(builder: FakeBuilder(contentFolder: "/nonexistent"), options: options)
        await #expect(throws: PreviewServerError.self) { try await server.run() }
    }

    @Test func thePortZeroReportsTheRealPort() async throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try await TestServer.with(builder: FakeBuilder(contentFolder: site.content)) { server in
            #expect(server.port > 0)
            #expect(server.events.all.contains(.listening(host: "127.0.0.1", port: server.port)))
            #expect(PreviewEvent.url(host: "127.0.0.1", port: server.port) == "http://127.0.0.1:\(server.port)/")
        }
    }

    @Test func defaultsAreLoopbackOn8080() {
        let options = PreviewOptions()
        #expect(options.host == "127.0.0.1")
        #expect(options.port == 8080)
        #expect(options.hostWarning == nil)
    }

    @Test(arguments: ["127.0.0.1", "127.1.2.3", "localhost", "::1"])
    func loopbackHostsNeedNoWarning(host: String) {
        #expect(PreviewOptions(host: host).hostWarning == nil)
    }

    @Test(arguments: ["0.0.0.0", "192.168.1.20", "::", "example.org", "127.0.0.1.example.org"])
    func otherHostsGetAWarning(host: String) {
        let warning = PreviewOptions(host: host).hostWarning
        #expect(warning?.contains("serving on \(host)") == true)
    }

    @Test func aStalledClientDoesNotHoldUpOthers() async throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try await TestServer.with(builder: FakeBuilder(contentFolder: site.content)) { server in
            // One client sends half a request and stops; another asks for a big file and never reads.
            let stalled = try RawConnection(port: server.port)
            try stalled.write("GET /report/ HTTP/1.1\r\nHost: x\r\nX-Slow:")
            let nonReader = try RawConnection(port: server.port, receiveBufferSize: 1024)
            for _ in 0..<20 { try nonReader.write("GET /docs/annual-report.pdf HTTP/1.1\r\nHost: x\r\n\r\n") }
            for _ in 0..<20 {
                #expect(try await RawHTTP.get("/report/", port: server.port).status == 200)
            }
            _ = (stalled, nonReader)
        }
    }

    @Test func aClientThatDisconnectsMidResponseDoesNotHurtTheServer() async throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try await TestServer.with(builder: FakeBuilder(contentFolder: site.content)) { server in
            for _ in 0..<20 {
                let quitter = try RawConnection(port: server.port)
                try quitter.write("GET /docs/annual-report.pdf HTTP/1.1\r\nHost: x\r\n\r\n")
                var linger = linger(l_onoff: 1, l_linger: 0)  // close with a reset, like a killed browser
                setsockopt(quitter.descriptor, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<linger>.size))
            }
            #expect(try await RawHTTP.get("/", port: server.port).status == 200)
        }
    }
}
