import Core

/// Runs the page rules over a rendered page: one walk over the tree, element by element, that
/// also records what the whole-page rules need (headings, ids, landmarks, links, the title).
public struct PageLinter: Sendable {
    public var configuration: LintConfiguration

    public init(configuration: LintConfiguration = LintConfiguration()) {
        self.configuration = configuration
    }

    public func lint(_ document: HTMLDocument, context: PageContext, cache: ChromeCache? = nil) -> PageLintResult {
        let locator = PageLocator(htmlFile: context.file, contentFile: context.contentFile, templates: context.templates)
        if let refusal = document.refusedNesting {
            let ref = ElementRef(tag: "html", attributes: [], line: refusal.line, column: refusal.column, sourcepos: nil)
            let finding = Finding(
                .htmlNestingDepth,
                "Elements are nested about \(refusal.depth) deep here; Herald checks pages up to \(HTMLParser.defaultRefusalDepth) levels and did not check this one.",
                at: SourceLocation(file: context.file, line: ref.line, column: ref.column))
            return PageLintResult(file: context.file, findings: [finding], title: nil, titleLocation: nil)
        }
        let record = walk(document, context: context, cache: cache)
        let wide = PageRules(configuration: configuration, contentLinted: context.contentLinted)
            .check(record.events, root: document.root, rootRef: rootRef(document.root))
        var findings = (record.findings + wide).map(locator.finding)
        findings = findings.sortedByLocation()
        var title: String?
        var titleLocation: SourceLocation?
        for case .title(let text, let ref) in record.events {
            title = text
            titleLocation = locator.locate(ref)
            break
        }
        return PageLintResult(file: context.file, findings: findings, title: title, titleLocation: titleLocation)
    }

    private func rootRef(_ root: HTMLElement) -> ElementRef {
        ElementRef(tag: root.tag, attributes: root.attributes, line: root.line, column: root.column, sourcepos: nil)
    }

    /// One element on the walk's stack.
    private struct Frame {
        var element: HTMLElement
        var nextChild = 0
        var ref: ElementRef
        /// Index into `records` of the record this element's findings go to.
        var record: Int
        /// Set when this element opened a chrome block to be cached once it is done: its key and bytes.
        var cacheKey: (key: ChromeCache.Key, bytes: ArraySlice<UInt8>)?
        /// The link this element is inside, with that link's text without images (nil: not in a link).
        var linkText: String?
    }

    private func walk(_ document: HTMLDocument, context: PageContext, cache: ChromeCache?) -> PageRecord {
        let rules = ElementRules(configuration: configuration, skipContent: context.contentLinted)
        var records = [PageRecord()]
        let root = document.root
        var stack = [Frame(element: root, ref: ref(for: root, parent: nil), record: 0)]
        rules.check(root, ref: stack[0].ref, parent: nil, grandparent: nil, linkText: nil, into: &records[0])
        while let top = stack.indices.last {
            let element = stack[top].element
            guard stack[top].nextChild < element.children.count else {
                let frame = stack.removeLast()
                if let (key, bytes) = frame.cacheKey, let cache {
                    let record = records.removeLast()
                    cache.store(ChromeCache.Entry(record: record, start: (frame.ref.line, frame.ref.column)), for: key, bytes: bytes)
                    records[records.count - 1].append(record)
                }
                continue
            }
            let node = element.children[stack[top].nextChild]
            stack[top].nextChild += 1
            guard case .element(let child) = node else { continue }
            let parent = stack[top]
            let childRef = ref(for: child, parent: parent.ref)
            let grandparent = top > 0 ? stack[top - 1].element : nil
            var linkText = parent.linkText
            if child.tag == "a" { linkText = AccessibleName.content(of: child, images: false) }
            var frame = Frame(element: child, ref: childRef, record: parent.record, linkText: linkText)
            if let cache, parent.cacheKey == nil, records.count == 1, !childRef.isContent,
               let (key, bytes) = chromeKey(child, in: document, parent: element, grandparent: grandparent, linkText: parent.linkText) {
                if let entry = cache.lookup(key, bytes: bytes) {
                    records[parent.record].append(entry.record.moved(from: entry.start, to: (childRef.line, childRef.column)))
                    continue
                }
                records.append(PageRecord())
                frame.record = records.count - 1
                frame.cacheKey = (key, bytes)
            }
            rules.check(child, ref: childRef, parent: element, grandparent: grandparent, linkText: parent.linkText,
                        into: &records[frame.record])
            stack.append(frame)
        }
        return records[0]
    }

    private func ref(for element: HTMLElement, parent: ElementRef?) -> ElementRef {
        let sourcepos = element.attribute("data-sourcepos").flatMap(SourcePosition.init(attribute:)) ?? parent?.sourcepos
        let placed = element.line > 0
        return ElementRef(
            tag: element.tag, attributes: element.attributes,
            line: placed ? element.line : (parent?.line ?? 0), column: placed ? element.column : (parent?.column ?? 0),
            sourcepos: sourcepos)
    }

    /// The cache key for a chrome block: its bytes, and the little it depends on outside itself.
    private func chromeKey(
        _ element: HTMLElement, in document: HTMLDocument, parent: HTMLElement, grandparent: HTMLElement?, linkText: String?
    ) -> (ChromeCache.Key, ArraySlice<UInt8>)? {
        guard let bytes = document.bytes(of: element), bytes.count >= ChromeCache.minimumBlockBytes,
              !Self.contains(Self.sourceposMarker, in: bytes) else { return nil }
        let linkState = linkText.map { TextNormaliser.isBlank($0) ? "empty-link" : "link" } ?? "-"
        return (ChromeCache.Key(context: "\(parent.tag)|\(grandparent?.tag ?? "-")|\(linkState)", bytes: bytes), bytes)
    }

    private static let sourceposMarker = Array("data-sourcepos".utf8)

    private static func contains(_ needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Bool {
        guard haystack.count >= needle.count, let first = needle.first else { return false }
        var index = haystack.startIndex
        let last = haystack.endIndex - needle.count
        while index <= last {
            if haystack[index] == first && haystack[index..<index + needle.count].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }
}
