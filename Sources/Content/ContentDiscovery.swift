import Core

/// Finds every page and asset under `content/`, following symbolic links only while they
/// stay inside it, and refusing loops.
public struct ContentDiscovery: Sendable {
    /// A file found under the content folder.
    public struct Found: Sendable, Hashable {
        /// Relative to the content folder.
        public var path: String
        /// The real path to read it from.
        public var fullPath: String
    }

    public var markdown: [Found] = []
    public var assets: [Found] = []
    public var diagnostics: [Diagnostic] = []

    /// - Parameters:
    ///   - contentPath: the content folder's path on `fileSystem`.
    ///   - displayRoot: how diagnostics name that folder (`content`).
    public static func scan(_ fileSystem: FileSystem, contentPath: String, displayRoot: String = "content") -> ContentDiscovery {
        var result = ContentDiscovery()
        guard fileSystem.kind(of: contentPath) != nil else {
            result.diagnostics.append(.error("there is no content folder at \(contentPath)",
                                             hint: "Create `content/` beside herald.yml and put the site's Markdown in it."))
            return result
        }
        let realRoot = (try? fileSystem.resolvingSymbolicLinks(contentPath)) ?? contentPath
        var visitedFolders: Set<String> = [realRoot]

        func display(_ relative: String) -> String { Path.join(displayRoot, relative) }

        func walk(_ folder: String, relative: String) {
            let entries: [DirectoryEntry]
            do {
                entries = try fileSystem.entries(in: folder)
            } catch {
                result.diagnostics.append(.error("cannot read the folder \(display(relative))"))
                return
            }
            for entry in entries where !ContentFileName.isSkipped(entry.name) {
                let full = Path.join(folder, entry.name)
                let child = relative.isEmpty ? entry.name : relative + "/" + entry.name
                var kind = entry.kind
                var readPath = full
                if kind == .symbolicLink {
                    let target: String
                    do {
                        target = try fileSystem.resolvingSymbolicLinks(full)
                    } catch let error as FileSystemError {
                        result.diagnostics.append(.error("\(display(child)) \(error.reason)", at: SourceLocation(file: display(child), line: 1),
                                                         hint: "Remove the link or point it at a file inside content/."))
                        continue
                    } catch {
                        continue
                    }
                    guard Path.isInside(target, root: realRoot) else {
                        result.diagnostics.append(.error("\(display(child)) is a symbolic link that leads outside content/",
                                                         at: SourceLocation(file: display(child), line: 1),
                                                         hint: "Copy the file into content/ instead of linking to it."))
                        continue
                    }
                    kind = fileSystem.kind(of: target) ?? .file
                    readPath = target
                }
                switch kind {
                case .directory:
                    let real = (try? fileSystem.resolvingSymbolicLinks(readPath)) ?? readPath
                    guard visitedFolders.insert(real).inserted else {
                        result.diagnostics.append(.error("\(display(child)) is a symbolic link loop",
                                                         at: SourceLocation(file: display(child), line: 1),
                                                         hint: "Remove the link: it leads back into a folder already read."))
                        continue
                    }
                    walk(readPath, relative: child)
                case .file, .symbolicLink:
                    let ext = Path.fileExtension(entry.name)
                    if ext == "md" {
                        result.markdown.append(Found(path: child, fullPath: readPath))
                    } else if DocumentType.label(forExtension: ext) != nil || DocumentType.imageExtensions.contains(ext) {
                        result.assets.append(Found(path: child, fullPath: readPath))
                    }
                }
            }
        }
        walk(contentPath, relative: "")
        return result
    }
}
