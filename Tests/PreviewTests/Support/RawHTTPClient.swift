import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An HTTP/1.1 response as it came off the wire.
struct RawResponse {
    var status: Int
    var headers: [(name: String, value: String)]
    var body: [UInt8]

    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    var text: String { String(decoding: body, as: UTF8.self) }
}

struct SocketError: Error, CustomStringConvertible {
    var description: String
}

/// Runs blocking socket work on a thread of its own: blocking one of Swift's few cooperative
/// threads would stall the server under test, which runs in the same process.
func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}

/// A deliberately plain socket client: it sends the request target byte for byte, so that
/// traversal attempts reach the server exactly as an attacker would write them (a library
/// client would normalise `..` and encodings away before sending). Reads block a thread of
/// their own (see `offThePool`); one connection is used by one test at a time.
final class RawConnection: @unchecked Sendable {
    let descriptor: Int32
    private var buffer: [UInt8] = []

    init(port: Int, receiveTimeout seconds: Int = 10, receiveBufferSize: Int32? = nil) throws {
        descriptor = socket(AF_INET, Self.streamType, 0)
        guard descriptor >= 0 else { throw SocketError(description: "socket() failed") }
        if var size = receiveBufferSize {
            setsockopt(descriptor, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        }
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(descriptor)
            throw SocketError(description: "connect to port \(port) failed: errno \(errno)")
        }
    }

    deinit { close(descriptor) }

    private static var streamType: Int32 {
        #if canImport(Glibc)
        Int32(SOCK_STREAM.rawValue)
        #else
        SOCK_STREAM
        #endif
    }

    func write(_ text: String) throws { try write(Array(text.utf8)) }

    func write(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { throw SocketError(description: "send failed: errno \(errno)") }
            offset += sent
        }
    }

    /// Reads more bytes into the buffer; false at end of stream. Throws on timeout.
    @discardableResult
    func fill() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 16384)
        let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        if count < 0 { throw SocketError(description: "receive timed out or failed: errno \(errno)") }
        if count == 0 { return false }
        buffer.append(contentsOf: chunk[..<count])
        return true
    }

    /// Reads one response; `expectBody` is false for HEAD.
    func readResponse(expectBody: Bool = true) async throws -> RawResponse {
        try await offThePool { try self.blockingReadResponse(expectBody: expectBody) }
    }

    private func blockingReadResponse(expectBody: Bool) throws -> RawResponse {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        var headerEnd: Int?
        while headerEnd == nil {
            headerEnd = buffer.firstRange(of: separator)?.lowerBound
            if headerEnd == nil, try !fill() { throw SocketError(description: "connection closed before the headers ended") }
        }
        let head = String(decoding: buffer[..<headerEnd!], as: UTF8.self)
        buffer.removeFirst(headerEnd! + separator.count)
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else {
            throw SocketError(description: "bad status line in \(head)")
        }
        let headers = lines.compactMap { line -> (String, String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        var response = RawResponse(status: status, headers: headers, body: [])
        guard expectBody, status != 304, status != 204 else { return response }
        if let length = response.header("Content-Length").flatMap(Int.init) {
            while buffer.count < length {
                if try !fill() { throw SocketError(description: "connection closed inside the body") }
            }
            response.body = Array(buffer[..<length])
            buffer.removeFirst(length)
        } else {
            while try fill() {}
            response.body = buffer
            buffer.removeAll()
        }
        return response
    }

    /// Reads until the buffer holds `marker`, returning everything up to and including it.
    func read(until marker: String) async throws -> String {
        try await offThePool { try self.blockingRead(until: marker) }
    }

    private func blockingRead(until marker: String) throws -> String {
        let bytes = Array(marker.utf8)
        while true {
            if let range = buffer.firstRange(of: bytes) {
                let text = String(decoding: buffer[..<range.upperBound], as: UTF8.self)
                buffer.removeFirst(range.upperBound)
                return text
            }
            if try !fill() { throw SocketError(description: "stream ended before \(marker)") }
        }
    }

    /// True when the server has closed the connection (after any buffered bytes).
    func isClosedByServer() async -> Bool {
        (try? await offThePool { self.blockingIsClosedByServer() }) ?? false
    }

    private func blockingIsClosedByServer() -> Bool {
        while true {
            do {
                if try !fill() { return true }
            } catch {
                return false
            }
        }
    }
}

/// One-shot requests over a fresh connection.
enum RawHTTP {
    static func get(
        _ target: String, port: Int, method: String = "GET", headers: [String: String] = [:]
    ) async throws -> RawResponse {
        var request = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { request += "\(name): \(value)\r\n" }
        request += "\r\n"
        let connection = try RawConnection(port: port)
        try connection.write(request)
        return try await connection.readResponse(expectBody: method != "HEAD")
    }
}
