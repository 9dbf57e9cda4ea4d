import Core

/// A check over a whole parsed page that Herald runs beside its own page rules (the colour-contrast
/// group is one). Its diagnostics point at lines of the HTML file; the linter moves each to the
/// Markdown or template line that wrote the element found there.
public protocol PageCheck: Sendable {
    func check(page: HTMLElement, file: String) -> [Diagnostic]
}

/// Moves diagnostics that point at an element's start tag, or at a piece of its own text, in the
/// HTML to where that element was written; diagnostics pointing elsewhere keep their HTML place.
struct HTMLDiagnosticRelocator {
    var locator: PageLocator

    private struct Place: Hashable {
        var line: Int
        var column: Int
    }

    func relocate(_ diagnostics: [Diagnostic], in document: HTMLDocument) -> [Finding] {
        guard !diagnostics.isEmpty else { return [] }
        var starts: [Place: ElementRef] = [:]
        var texts: [Place: ElementRef] = [:]
        var stack: [(element: HTMLElement, sourcepos: SourcePosition?)] = [(document.root, nil)]
        while let (element, inherited) = stack.popLast() {
            let sourcepos = element.attribute("data-sourcepos").flatMap(SourcePosition.init(attribute:)) ?? inherited
            let ref = ElementRef(tag: element.tag, attributes: element.attributes, line: element.line, column: element.column,
                                 sourcepos: sourcepos)
            if element.line > 0 { starts[Place(line: element.line, column: element.column)] = ref }
            for child in element.children {
                switch child {
                case .element(let inner): stack.append((inner, sourcepos))
                case .text(_, let line, let column): texts[Place(line: line, column: column)] = ref
                }
            }
        }
        return diagnostics.map { diagnostic in
            var moved = diagnostic
            if let location = diagnostic.location, location.file == locator.htmlFile {
                let place = Place(line: location.line, column: location.column)
                if let ref = starts[place] ?? texts[place] { moved.location = locator.locate(ref) }
            }
            return Finding(diagnostic: moved)
        }
    }
}
