import Core
import Foundation

/// The folder a build writes into before it becomes `public/`: beside the output, so that the
/// final swap is one rename on one file system, and named so the next build can clear up
/// what a killed build left behind.
///
/// The site a swap replaces is kept beside the output as the spare (`OUTPUT.herald-spare`):
/// the next build stages into it, so that after one edit it writes one page and removes
/// nothing, instead of linking every page of the site into an empty folder and then removing
/// the whole old site. It shares each unchanged file with `public/` through a hard link, so it
/// costs the disk only what changed.
public struct StagingArea: Sendable {
    public let fileSystem: FileSystem
    public let outputPath: String
    public let path: String
    /// Where the replaced site is kept for the next build.
    public let sparePath: String

    static let marker = ".herald-staging-"
    static let spareSuffix = ".herald-spare"

    public init(fileSystem: FileSystem, outputPath: String, token: String) {
        self.fileSystem = fileSystem
        self.outputPath = outputPath
        path = Self.trimmed(outputPath) + Self.marker + token
        sparePath = Self.trimmed(outputPath) + Self.spareSuffix
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

    /// The files of the spare, by its manifest; nil when there is no spare or its manifest does
    /// not read. Asked before `prepare`, while the build still waits for its cache.
    func spareEntries() -> [String: Manifest.Entry]? {
        guard fileSystem.kind(of: sparePath) == .directory else { return nil }
        return Manifest.entries(at: Path.join(sparePath, Manifest.fileName), on: fileSystem)
    }

    /// Every file of the spare, found on disk, its bytes unknown (`--clean` trusts no
    /// manifest): staging into the spare, a clean build then writes every file again but
    /// reuses the folders, instead of removing a whole site and making every folder anew
    /// (a second of a 10,000-page build). Nil when there is no spare, or it holds anything
    /// but folders and regular files, an empty folder, or anything not made as Herald makes
    /// it (another owner, other permissions): it is removed then, as before.
    func spareFiles() -> [String: Manifest.Entry]? {
        guard fileSystem.kind(of: sparePath) == .directory, fileSystem.hasNewPermissions(sparePath) else { return nil }
        var files: [String: Manifest.Entry] = [:]
        var folders = [""]
        while let folder = folders.popLast() {
            if Task.isCancelled { return nil }
            guard let entries = try? fileSystem.entries(in: folder.isEmpty ? sparePath : Path.join(sparePath, folder)),
                  !entries.isEmpty else { return nil }
            for entry in entries {
                let path = folder.isEmpty ? entry.name : Path.join(folder, entry.name)
                guard entry.kind != .symbolicLink, fileSystem.hasNewPermissions(Path.join(sparePath, path)) else { return nil }
                if entry.kind == .directory { folders.append(path) } else { files[path] = .unknown }
            }
        }
        return files
    }

    /// Makes the staging folder. Given the spare's entries (`spareEntries`), the spare becomes
    /// the staging folder (a build killed from here on leaves it as a leftover, never as a
    /// spare that is no longer what its manifest says) and they are returned: the files already
    /// there. Otherwise the folder starts empty and any spare is removed.
    func prepare(spare: [String: Manifest.Entry]?) throws -> [String: Manifest.Entry] {
        try removeLeftovers()
        if let spare, fileSystem.kind(of: sparePath) == .directory {
            try fileSystem.move(sparePath, to: path)
            return spare
        }
        try fileSystem.remove(sparePath)
        try fileSystem.createDirectory(path)
        return [:]
    }

    /// Removes the files of the spare that the build did not make (`made` is every file it
    /// made), and the folders that leaves empty, so the staged site is exactly this build's.
    func removeStale(_ present: [String: Manifest.Entry], keeping made: [String: Manifest.Entry]) throws {
        var folders = Set<String>()
        for file in present.keys where made[file] == nil && file != Manifest.fileName {
            // Only a file: where this build made a folder of the same name, it stays.
            guard fileSystem.kind(of: Path.join(path, file)) == .file else { continue }
            try fileSystem.remove(Path.join(path, file))
            var folder = Path.dirname(file)
            while !folder.isEmpty, folders.insert(folder).inserted { folder = Path.dirname(folder) }
        }
        // Deepest first, so a folder's emptied subfolders are gone before it is looked at.
        for folder in folders.sorted(by: { $0.split(separator: "/").count > $1.split(separator: "/").count }) {
            let full = Path.join(path, folder)
            if fileSystem.kind(of: full) == .directory, try fileSystem.entries(in: full).isEmpty { try fileSystem.remove(full) }
        }
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

    /// Keeps the site `publish` replaced as the spare for the next build; false when there is
    /// none or it could not be moved (then `removeOldSite` clears it).
    func keepReplacedSite() -> Bool {
        guard fileSystem.kind(of: path) == .directory, fileSystem.kind(of: sparePath) == nil else { return false }
        return (try? fileSystem.move(path, to: sparePath)) != nil
    }

    public func discard() {
        try? fileSystem.remove(path)
    }
}
