import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs the real `herald` binary for the reliability tests: output goes to files, not pipes, so
/// a build that prints a lot can never block on a full pipe, and a build can be killed at will.
struct HeraldRun {
    var status: Int32
    /// True when the process ended by a signal (SIGKILL, or a crash).
    var signalled: Bool
    var standardOutput: String
    var standardError: String
    var seconds: Double

    static func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["SOURCE_DATE_EPOCH"] = "1795000000"
        // Keep Pagefind out: these tests are about Herald's own behaviour.
        environment["PATH"] = "/usr/bin:/bin"
        for (key, value) in extra { environment[key] = value }
        return environment
    }

    /// Starts `herald arguments…` in `directory`; output goes to `<log>.out` and `<log>.err`.
    static func start(_ arguments: [String], in directory: URL, log: URL, environment extra: [String: String] = [:]) throws -> Process {
        let process = Process()
        // At a lower priority than the test process: the builds these tests run for a minute
        // must not starve the timing-sensitive tests running beside them (the preview's).
        // `nice` execs herald, so the process id is herald's own.
        process.executableURL = URL(fileURLWithPath: "/usr/bin/nice")
        process.arguments = ["-n", "10", HeraldProcess.executable.path] + arguments
        process.currentDirectoryURL = directory
        process.environment = environment(extra)
        // A file that cannot be made fails on the FileHandle below, with the reason.
        _ = FileManager.default.createFile(atPath: log.path + ".out", contents: nil)
        _ = FileManager.default.createFile(atPath: log.path + ".err", contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: log.path + ".out"))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: log.path + ".err"))
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Runs to the end and collects what it printed. The wait happens on a thread of its own.
    static func run(_ arguments: [String], in directory: URL, environment extra: [String: String] = [:]) async throws -> HeraldRun {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("herald-run-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(atPath: log.path + ".out")
            try? FileManager.default.removeItem(atPath: log.path + ".err")
        }
        let started = Date()
        let process = try start(arguments, in: directory, log: log, environment: extra)
        await exit(of: process)
        return HeraldRun(status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal,
                         standardOutput: (try? String(contentsOfFile: log.path + ".out", encoding: .utf8)) ?? "",
                         standardError: (try? String(contentsOfFile: log.path + ".err", encoding: .utf8)) ?? "",
                         seconds: Date().timeIntervalSince(started))
    }

    /// Waits for `process` to end on a thread of its own: Swift's cooperative pool has one
    /// thread per core, and a test blocking one for a whole build starves the other tests
    /// (the preview's live-reload tests time out).
    static func exit(of process: Process) async {
        let box = UncheckedBox(process)
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            Thread {
                box.value.waitUntilExit()
                continuation.resume()
            }.start()
        }
    }

    /// The largest resident set, in bytes, of any child process this test process has waited
    /// for: an upper bound on what each `herald` run needed.
    static var largestChildResidentBytes: Int {
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        return usage.ru_maxrss * 1024
    }
}

/// A site folder on disk for one test, removed afterwards.
struct ScratchSite {
    let root: URL

    init(_ content: [String: String]) throws {
        root = try HeraldProcess.makeSite(content)
    }

    var public_: URL { root.appendingPathComponent("public") }

    func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    func write(_ text: String, to path: String) throws { try write(Data(text.utf8), to: path) }

    func write(_ data: Data, to path: String) throws {
        let url = url(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func remove(_ path: String) { try? FileManager.default.removeItem(at: url(path)) }

    func symlink(_ path: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: url(path).path, withDestinationPath: target)
    }

    func build(_ extra: [String] = []) async throws -> HeraldRun { try await HeraldRun.run(["build"] + extra, in: root) }

    /// Staging folders a build left beside `public/`.
    var leftovers: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).filter { $0.contains(".herald-staging-") }.sorted()
    }

    func destroy() { try? FileManager.default.removeItem(at: root) }
}

/// Hands a value that is not `Sendable` (a `Process`) to the one thread that waits on it.
final class UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
