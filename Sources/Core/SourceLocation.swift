/// A place in a source file, 1-based, as a person counts lines and columns.
public struct SourceLocation: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}

/// A span in one source file, from `start` to `end` inclusive (cmark's convention).
public struct SourceRange: Hashable, Sendable {
    public var startLine: Int
    public var startColumn: Int
    public var endLine: Int
    public var endColumn: Int

    public init(startLine: Int, startColumn: Int, endLine: Int, endColumn: Int) {
        self.startLine = startLine
        self.startColumn = startColumn
        self.endLine = endLine
        self.endColumn = endColumn
    }

    /// Moves the range down by `lines`, for text that was parsed apart from the lines above it
    /// (the body under front matter, the inside of a fenced callout).
    public func shifted(lines: Int, columns: Int = 0) -> SourceRange {
        SourceRange(startLine: startLine + lines, startColumn: startColumn + (startLine == 1 ? columns : 0),
                    endLine: endLine + lines, endColumn: endColumn + (endLine == 1 ? columns : 0))
    }
}
