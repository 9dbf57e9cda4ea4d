import Foundation
import Testing

/// The `herald` binary allocates with mimalloc (see Package.swift): on glibc's malloc a build
/// spends an eighth of its CPU time in the allocator. If the library stops being linked, or is
/// linked so that glibc's malloc wins, builds quietly get slower; this test says so.
struct AllocatorTests {
    @Test func mallocResolvesToMimallocInTheBinary() throws {
        #if os(Linux)
        // The dynamic linker reports where each symbol reference was bound, into a file of
        // its own (it is too much for a pipe no one reads until the process ends).
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("herald-ld-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try HeraldProcess.run(["--version"], in: folder,
                                           environment: ["LD_DEBUG": "bindings", "LD_DEBUG_OUTPUT": folder.appendingPathComponent("ld").path])
        #expect(result.status == 0)
        var log = ""
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasPrefix("ld") {
            log += try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        }
        let bindings = log.split(separator: "\n").filter { $0.contains("normal symbol `malloc'") }
        #expect(!bindings.isEmpty, "the dynamic linker reported no binding of malloc")
        #expect(bindings.allSatisfy { $0.contains("libmimalloc") }, "\(bindings.filter { !$0.contains("libmimalloc") }.prefix(3))")
        #endif
    }
}
