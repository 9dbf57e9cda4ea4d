import Core
import Foundation

/// Each output folder has a cache of its own (`build-KEY.cache`, its parts and its head), about
/// 2 KB a page:
/// a site built into many folders (`--output` to a new temporary folder each time, as
/// benchmarks and reviews do) filled `.herald-cache/` with caches no build would read again.
extension BuildCache {
    /// Other output folders' caches kept beside this one's, the most recently written first.
    static let otherCachesKept = 4
    /// Another output folder's cache not written for this long is removed.
    static let otherCacheLifetime: TimeInterval = 14 * 24 * 60 * 60

    /// Removes the caches of other output folders beyond the few most recently written, and
    /// any not written for two weeks before this one. Losing one costs that folder's next
    /// build its speed, never its result.
    static func pruneOthers(_ fileSystem: FileSystem, options: BuildOptions) {
        let folder = Path.join(options.siteDirectory, self.folder)
        let own = fileStem(options)
        guard let entries = try? fileSystem.entries(in: folder),
              let now = fileSystem.modificationDate(of: Path.join(folder, own + ".cache")) else { return }
        var groups: [String: (files: [String], written: Date)] = [:]
        for entry in entries where entry.kind == .file {
            guard let key = cacheKey(of: entry.name), key != own else { continue }
            let path = Path.join(folder, entry.name)
            let written = fileSystem.modificationDate(of: path) ?? .distantPast
            groups[key, default: ([], .distantPast)].files.append(path)
            groups[key]!.written = max(groups[key]!.written, written)
        }
        let newestFirst = groups.values.sorted { $0.written > $1.written }
        for (index, group) in newestFirst.enumerated()
        where index >= otherCachesKept || now.timeIntervalSince(group.written) > otherCacheLifetime {
            for path in group.files { try? fileSystem.remove(path) }
        }
    }

    /// `build-KEY` for the files a cache is kept in (`.cache`, `.part-NN.cache`, `.head.json`,
    /// and the JSON of versions before 4); nil for anything else.
    static func cacheKey(of name: String) -> String? {
        guard name.hasPrefix("build-") else { return nil }
        for suffix in [".head.json", ".cache", ".json"] where name.hasSuffix(suffix) {
            var key = Substring(name.dropLast(suffix.count))
            if suffix == ".cache", let part = key.range(of: ".part-", options: .backwards),
               !key[part.upperBound...].isEmpty, key[part.upperBound...].allSatisfy(\.isASCIIDigit) {
                key = key[..<part.lowerBound]
            }
            return key.count > "build-".count ? String(key) : nil
        }
        return nil
    }
}
