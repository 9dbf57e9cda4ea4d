import Content
import Core
import Foundation

/// The folder a command takes for the site, and what to say when it is not one.
enum SiteFolder {
    /// The problem with `site` as the site's folder, or nil when it holds herald.yml. Names the
    /// folder in full (`.` says nothing about where the command was run) and, when the site is
    /// in a folder above (Herald run from content/), the `--site` that reaches it.
    static func problem(with site: String, fileSystem: FileSystem,
                        currentDirectory: String = FileManager.default.currentDirectoryPath) -> (message: String, hint: String)? {
        guard fileSystem.kind(of: Path.join(site, SiteConfigLoader.fileName)) != .file else { return nil }
        let folder = Path.normalize(site.hasPrefix("/") ? site : Path.join(currentDirectory, site)) ?? site
        let message = "there is no \(SiteConfigLoader.fileName) in \(folder)"
        var above = Path.dirname(folder)
        while !above.isEmpty {
            if fileSystem.kind(of: Path.join(above, SiteConfigLoader.fileName)) == .file {
                return (message, "The site is in \(above): run Herald there, or add --site \(Path.relative(above, from: currentDirectory)).")
            }
            above = above == "/" ? "" : Path.dirname(above)
        }
        return (message, "Run Herald in the site's folder, the one holding \(SiteConfigLoader.fileName) and content/, or name it with --site DIR.")
    }
}
