import Core
import Foundation

/// The folder a build writes into before it becomes `public/`: beside the output, so that the
/// final swap is one rename on one file system, and named so the next build can clear up
/// what a killed build left behind.
public struct StagingArea: Sendable {
    public let fileSystem: FileSystem
    public let outputPath: String
    public let path: String

    static let marker = ".herald-staging-"

    public init(fileSystem: FileSystem, outputPath: String, token: String) {
        self.fileSystem = fileSystem
        self.outputPath = outputPath
        path = Self.trimmed(outputPath) + Self.marker + token
    }

    private static func trimmed(_ path: String) -> String {
        path.hasSuffix("/") ? String(path.dropLast()) : path
    }

    /// Removes staging folders of earlier builds that never finished.
    public func removeLeftovers() throws {
        let output = Self.trimmed(outputPath)
        let parent = Path.dirname(output)
        let prefix = Path.basename(output) + Self.marker
        let listing = (try? fileSystem.entries(in: parent.isEmpty ? "." : parent)) ?? []
        for entry in listing where entry.name.hasPrefix(prefix) {
            try fileSystem.remove(parent.isEmpty ? entry.name : Path.join(parent, entry.name))
        }
    }

    public func prepare() throws {
        try removeLeftovers()
        try fileSystem.createDirectory(path)
    }

    /// Puts the staged site in place of the output in one step; the old site is left at `path`
    /// for `removeOldSite`.
    public func publish() throws {
        try fileSystem.exchange(path, with: Self.trimmed(outputPath))
    }

    /// Removes the site `publish` replaced. Seconds for a large site, most of it waiting for the
    /// disk, so a build does it while it saves its cache, its top-level folders on every core
    /// (a third quicker on two); a build killed first leaves it for the next build to clear
    /// (`removeLeftovers`).
    public func removeOldSite() async throws {
        let fileSystem = self.fileSystem, path = self.path
        let names = ((try? fileSystem.entries(in: path)) ?? []).map(\.name)
        let failures = await concurrentMap(names) { name -> (any Error)? in
            do { try fileSystem.remove(Path.join(path, name)) } catch { return error }
            return nil
        }
        if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
        try fileSystem.remove(path)
    }

    public func discard() {
        try? fileSystem.remove(path)
    }
}
