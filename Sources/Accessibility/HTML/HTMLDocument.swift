/// A parsed page: the `<html>` element and the bytes it was parsed from (for quoting lines and
/// for recognising chrome that repeats from page to page).
public struct HTMLDocument: Sendable {
    public var root: HTMLElement
    public var source: [UInt8]
    /// True when the page starts with a doctype; without one browsers render in quirks mode.
    public var hasDoctype: Bool
    /// Set when the page nests too deeply to be parsed in bounded time; `root` is then empty.
    public var refusedNesting: NestingRefusal?

    public init(root: HTMLElement, source: [UInt8], hasDoctype: Bool) {
        self.root = root
        self.source = source
        self.hasDoctype = hasDoctype
    }

    /// The `<head>` and `<body>` children of the root (the parser always makes both).
    public var head: HTMLElement? { root.childElements.first { $0.tag == "head" } }
    public var body: HTMLElement? { root.childElements.first { $0.tag == "body" } }

    /// The source bytes of `element`, or nil for an element the parser made up.
    public func bytes(of element: HTMLElement) -> ArraySlice<UInt8>? {
        guard let range = element.byteRange, range.lowerBound >= 0, range.upperBound <= source.count else { return nil }
        return source[range]
    }
}

/// Where a page went past the nesting the parser accepts, and how deep it went (estimated).
public struct NestingRefusal: Sendable, Hashable {
    public var depth: Int
    public var line: Int
    public var column: Int
}
