/// Names in `content/` that are never part of the site, for the build's walk and the
/// preview's watcher alike: what one skips, the other must not rebuild for.
public enum ContentFileName {
    /// Dot-files are hidden files and editors' leftovers. `~$` starts the lock file Word (and
    /// Excel, PowerPoint) writes beside a document while it is open: it is not the document,
    /// and `~$notes.docx` would be published as `notes.docx`, clashing with it.
    public static func isSkipped(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasPrefix("~$")
    }
}
