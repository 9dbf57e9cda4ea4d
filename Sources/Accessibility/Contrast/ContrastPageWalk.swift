import Core

/// Walks one page: every element with text of its own, every focusable element, every form
/// control and every link in running text, in each colour scheme and interaction state.
extension ContrastEngine {
    enum InteractiveKind: Equatable {
        case link, button, field, other
    }

    private struct Frame {
        var element: HTMLElement
        var node: Int32
        var signature: Int32
        var interactive: InteractiveKind?
        var inactive: Bool
        var nextChild = 0
        var firstElementChild: Int?
        var lastElementChild: Int?
        var hasTextOutsideLinks: Bool?
    }

    /// Content that is not rendered as HTML text (or is replaced by media), never walked into.
    private static let opaqueTags: Set<String> = [
        "head", "script", "style", "template", "noscript", "svg", "math", "canvas", "video", "audio", "iframe",
        "object", "embed", "picture", "img",
    ]

    /// Elements that flow inside a line of text; a link's "running text" is its nearest ancestor
    /// that is not one of these.
    private static let inlineTags: Set<String> = [
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark", "q", "s", "samp",
        "small", "span", "strong", "sub", "sup", "time", "u", "var", "del", "ins", "label",
    ]

    private static let textFieldTypes: Set<String> = [
        "", "text", "search", "email", "url", "tel", "password", "number", "date", "datetime-local", "month", "week", "time",
    ]

    func report(page: HTMLElement, file: String, detail: ContrastReport.Detail = .pairs) -> ContrastReport {
        var report = ContrastReport()
        if detail == .trace { report.trace = [] }
        let recordsPairs = detail != .findings
        report.notes = index.notes
        var positions: [PairKey: Int] = [:]
        var frames: [Frame] = []
        let walkHiddenSubtrees = index.usedStates.contains(.focus) || index.usedStates.contains(.hover)

        func enter(_ element: HTMLElement, isFirst: Bool, isLast: Bool) {
            guard !Self.opaqueTags.contains(element.tag) else { return }
            let parentNode = frames.last?.node ?? -1
            let signature = signature(of: element, isFirst: isFirst, isLast: isLast)
            let node = node(parent: parentNode, signature: signature)
            let kind = Self.interactiveKind(element)
            let inactive = (frames.last?.inactive ?? false) || Self.isInactive(element)
            let isElement = { (child: HTMLNode) -> Bool in if case .element = child { true } else { false } }
            frames.append(Frame(element: element, node: node, signature: signature, interactive: kind, inactive: inactive,
                                firstElementChild: element.children.firstIndex(where: isElement),
                                lastElementChild: element.children.lastIndex(where: isElement)))
            check(&report, &frames, &positions, file: file, recordsPairs: recordsPairs)
            let hiddenEverywhere = schemes.allSatisfy { isDisplayNone(node, $0, conditional: false) }
                && (!index.hasConditionalRules || schemes.allSatisfy { isDisplayNone(node, $0, conditional: true) })
            if hiddenEverywhere && !walkHiddenSubtrees { frames[frames.count - 1].nextChild = element.children.count }
        }

        enter(page, isFirst: true, isLast: true)
        while let top = frames.indices.last {
            let frame = frames[top]
            guard frame.nextChild < frame.element.children.count else {
                frames.removeLast()
                continue
            }
            let childIndex = frame.nextChild
            frames[top].nextChild += 1
            if case .element(let child) = frame.element.children[childIndex] {
                enter(child, isFirst: childIndex == frame.firstElementChild, isLast: childIndex == frame.lastElementChild)
            }
        }
        for diagnostic in report.diagnostics {
            if diagnostic.severity == .error { report.failures += 1 } else { report.needsReview += 1 }
        }
        return report
    }

    // MARK: Checks for the element on top of the stack

    private func check(_ report: inout ContrastReport, _ frames: inout [Frame], _ positions: inout [PairKey: Int], file: String,
                       recordsPairs: Bool) {
        let depth = frames.count - 1
        let frame = frames[depth]
        let element = frame.element
        let location = { (line: Int, column: Int) -> SourceLocation in
            SourceLocation(file: file, line: max(1, line), column: max(1, column))
        }
        let elementLocation = location(element.line, element.column)

        if !frame.inactive, let (line, column) = Self.ownTextPosition(element) {
            checkText(&report, frames, &positions, text: { Self.ownText(element) },
                      location: line > 0 ? location(line, column) : elementLocation, recordsPairs: recordsPairs)
        }
        guard !frame.inactive, let kind = frame.interactive else { return }
        lazy var normalPath = frames.map(\.node)
        var cachedName: String?
        var name: String {
            if let cachedName { return cachedName }
            let made = Self.describe(element, kind: kind)
            cachedName = made
            return made
        }

        // Each check's verdicts depend only on the element's path (its tag and the attributes
        // that matter are in its signature): a path that passed once passes on every page.
        func nonText(_ check: NonTextPass.Check, state: InteractionState, verdict: (ColourScheme) -> NonTextVerdict,
                     diagnostic: (NonTextVerdict, [ContrastMessages.Scenario]) -> Diagnostic?) {
            let key = NonTextPass(node: frame.node, check: check)
            guard !nonTextPasses.contains(key) else { return }
            var groups = Groups<NonTextVerdict, NonTextVerdict.GroupingKey>()
            for scheme in schemes {
                let found = verdict(scheme)
                groups.add(found, key: found.groupingKey, scenario: .init(scheme: scheme, state: state))
            }
            let findings = groups.items.compactMap { diagnostic($0.0, $0.1) }
            report.diagnostics += findings
            if findings.isEmpty { nonTextPasses.insert(key) }
        }

        // The focus indicator, for everything reachable with the keyboard.
        if kind != .other || (Int(element.attribute("tabindex") ?? "") ?? -1) >= 0 {
            lazy var focusedPath = statePath(frames, upTo: depth, state: .focus, interactiveDepth: depth)
            nonText(.focus, state: .focus, verdict: { focusVerdict(focusedPath: focusedPath, normalNode: frame.node, $0) },
                    diagnostic: { ContrastMessages.focusDiagnostic($0, scenarios: $1, name: name, location: elementLocation) })
        }

        // Form control boundaries.
        if kind == .field || kind == .button, Self.hasBoundaryToCheck(element) {
            nonText(.boundary, state: .normal, verdict: { boundaryVerdict(normalPath, $0, isButton: kind == .button) },
                    diagnostic: { ContrastMessages.boundaryDiagnostic($0, scenarios: $1, name: name, location: elementLocation) })
        }

        // Links in running text must not rely on colour alone.
        if kind == .link, element.tag == "a", depth > 0, hasTextOutsideLinks(&frames, below: depth) {
            nonText(.link, state: .normal, verdict: { linkVerdict(normalPath, parentIndex: depth - 1, $0) },
                    diagnostic: {
                        ContrastMessages.linkDiagnostic($0, scenarios: $1, text: Self.snippet(element.textContent), location: elementLocation)
                    })
        }
    }

    private func checkText(_ report: inout ContrastReport, _ frames: [Frame], _ positions: inout [PairKey: Int],
                           text makeText: () -> String, location: SourceLocation, recordsPairs: Bool) {
        var madeText: String?
        func text() -> String {
            if let madeText { return madeText }
            let made = makeText()
            madeText = made
            return made
        }
        report.textElementsChecked += 1
        let interactiveDepth = frames.lastIndex { $0.interactive != nil && $0.interactive != .other }
        let key = SummaryKey(node: frames[frames.count - 1].node, interactiveDepth: Int32(interactiveDepth ?? -1))
        let summary: TextSummary
        if let cached = summaryCache[key] {
            summary = cached
            countReuse(cached.entries.count)
        } else {
            summary = textSummary(frames, interactiveDepth: interactiveDepth)
            summaryCache[key] = summary
        }
        report.pairsChecked += summary.checkedCount
        // A build asks for findings alone: copying every scenario's verdict out of the summary
        // for nothing was a tenth of the contrast check.
        if recordsPairs || report.trace != nil {
            for entry in summary.entries {
                if report.trace != nil {
                    report.trace?.append(TracedVerdict(text: text(), scheme: entry.scheme, state: entry.state,
                                                       conditional: entry.conditional, verdict: entry.verdict))
                }
                if recordsPairs, !entry.conditional, entry.verdict.kind != .hidden {
                    report.record(entry.verdict, scheme: entry.scheme, state: entry.state, text: text, location: location,
                                  positions: &positions)
                }
            }
        }
        for template in summary.templates {
            report.diagnostics.append(template.diagnostic(text: text(), at: location))
        }
    }

    private func textSummary(_ frames: [Frame], interactiveDepth: Int?) -> TextSummary {
        let depth = frames.count - 1
        var states: [InteractionState] = [.normal]
        if let interactiveDepth {
            if frames[interactiveDepth].interactive == .link { states.append(.visited) }
            for state in [InteractionState.hover, .focus, .active] where index.usedStates.contains(state) { states.append(state) }
        }
        let isLink = interactiveDepth.map { frames[$0].interactive == .link } ?? false
        let normalPath = frames.map(\.node)
        var summary = TextSummary()
        var groups = Groups<TextVerdict, TextVerdict.GroupingKey>()
        var conditionalGroups = Groups<TextVerdict, TextVerdict.GroupingKey>()
        for state in states {
            let path = state == .normal ? normalPath : statePath(frames, upTo: depth, state: state, interactiveDepth: interactiveDepth!)
            for scheme in schemes {
                let base = textVerdict(path, scheme, conditional: false)
                summary.entries.append(.init(scheme: scheme, state: state, conditional: false, verdict: base))
                let scenario = ContrastMessages.Scenario(scheme: scheme, state: state)
                if base.kind != .hidden {
                    summary.checkedCount += 1
                    groups.add(base, key: base.groupingKey, scenario: scenario)
                }
                guard index.hasConditionalRules else { continue }
                let conditional = textVerdict(path, scheme, conditional: true)
                summary.entries.append(.init(scheme: scheme, state: state, conditional: true, verdict: conditional))
                guard conditional.groupingKey != base.groupingKey, conditional.kind == .fail || conditional.kind == .review else { continue }
                var key = conditional.groupingKey
                key.condition = Self.conditionNote(conditional)
                conditionalGroups.add(conditional, key: key, scenario: scenario)
            }
        }
        for (verdict, scenarios) in groups.items {
            if let template = ContrastMessages.textTemplate(verdict, scenarios: scenarios, isLink: isLink, hint: hint(for:)) {
                summary.templates.append(template)
            }
        }
        for (key, (verdict, scenarios)) in zip(conditionalGroups.keys, conditionalGroups.items) {
            if let template = ContrastMessages.textTemplate(
                verdict, scenarios: scenarios, isLink: isLink, conditional: key.condition, hint: hint(for:)) {
                summary.templates.append(template)
            }
        }
        return summary
    }

    private static func conditionNote(_ verdict: TextVerdict) -> String {
        var notes: [String] = []
        for source in [verdict.foregroundSource, verdict.backgroundSource, verdict.problem?.source] {
            if let condition = source?.condition, !notes.contains(condition) { notes.append(condition) }
        }
        return notes.isEmpty ? "when rules that apply only at some screen widths or in some states take effect" : notes.joined(separator: " and ")
    }

    /// The path to the element at `upTo`, with the state applied around the interactive element.
    private func statePath(_ frames: [Frame], upTo depth: Int, state: InteractionState, interactiveDepth: Int) -> [Int32] {
        var path: [Int32] = []
        path.reserveCapacity(depth + 1)
        var parent: Int32 = -1
        for index in 0...depth {
            let bits = ElementState.bits(for: state, depth: index, interactiveDepth: interactiveDepth)
            parent = bits.isEmpty && (index == 0 || path[index - 1] == frames[index - 1].node)
                ? frames[index].node
                : node(parent: parent, signature: frames[index].signature, state: bits)
            path.append(parent)
        }
        return path
    }

    /// Whether the running text a link sits in has words of its own outside links.
    private func hasTextOutsideLinks(_ frames: inout [Frame], below depth: Int) -> Bool {
        var blockDepth = depth - 1
        while blockDepth > 0, Self.inlineTags.contains(frames[blockDepth].element.tag) { blockDepth -= 1 }
        if let known = frames[blockDepth].hasTextOutsideLinks { return known }
        var found = false
        var stack: [(HTMLNode, Bool)] = frames[blockDepth].element.children.map { ($0, false) }
        var visited = 0
        while let (node, insideLink) = stack.popLast(), !found, visited < 5_000 {
            visited += 1
            switch node {
            case .text(let text, _, _):
                if !insideLink, Self.hasLetterOrDigit(text) { found = true }
            case .element(let child):
                guard !Self.opaqueTags.contains(child.tag) else { continue }
                let isLink = child.tag == "a" && child.attribute("href") != nil
                stack += child.children.map { ($0, insideLink || isLink) }
            }
        }
        frames[blockDepth].hasTextOutsideLinks = found
        return found
    }

    // MARK: Element facts

    static func interactiveKind(_ element: HTMLElement) -> InteractiveKind? {
        switch element.tag {
        case "a", "area": return element.attribute("href") != nil ? .link : nil
        case "button", "summary": return .button
        case "input":
            let type = (element.attribute("type") ?? "").lowercased()
            if type == "hidden" { return nil }
            if ["submit", "button", "reset", "image"].contains(type) { return .button }
            return textFieldTypes.contains(type) ? .field : .other
        case "select", "textarea": return .field
        default:
            if element.attribute("tabindex") != nil || element.attribute("contenteditable").map({ $0.lowercased() != "false" }) == true {
                return .other
            }
            return nil
        }
    }

    /// Disabled controls (and what a disabled fieldset holds) are exempt from contrast (1.4.3).
    static func isInactive(_ element: HTMLElement) -> Bool {
        if element.attribute("aria-disabled")?.lowercased() == "true" { return true }
        guard ["button", "input", "select", "textarea", "optgroup", "option", "fieldset"].contains(element.tag) else { return false }
        return element.attribute("disabled") != nil
    }

    static func hasBoundaryToCheck(_ element: HTMLElement) -> Bool {
        guard element.tag == "input" else { return true }
        let type = (element.attribute("type") ?? "").lowercased()
        return textFieldTypes.contains(type) || ["submit", "button", "reset"].contains(type)
    }

    /// Where the element's own text (not its children's) starts, if it has any.
    static func ownTextPosition(_ element: HTMLElement) -> (Int, Int)? {
        if element.tag == "input" {
            return ownText(element).isEmpty ? nil : (element.line, element.column)
        }
        for child in element.children {
            guard case .text(let value, let line, let column) = child else { continue }
            if Self.hasNonWhitespace(value) { return (line, column) }
        }
        return nil
    }

    // Both asked of every text on every page: ASCII is answered by its bytes, the rest by
    // Unicode's properties as before.

    /// Whether the text has a scalar that is not white space.
    static func hasNonWhitespace(_ text: String) -> Bool {
        for byte in text.utf8 {
            if byte >= 0x80 { return text.unicodeScalars.contains { !$0.properties.isWhitespace } }
            if byte != 0x20 && !(0x09...0x0D).contains(byte) { return true }
        }
        return false
    }

    /// Whether the text has a character that is a letter or a number. A character is judged by
    /// its first scalar, and an ASCII byte with only ASCII before it starts a character.
    static func hasLetterOrDigit(_ text: String) -> Bool {
        for byte in text.utf8 {
            if byte >= 0x80 { return text.contains { $0.isLetter || $0.isNumber } }
            if (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) { return true }
        }
        return false
    }

    /// The element's own text, whitespace collapsed and cut short for messages.
    static func ownText(_ element: HTMLElement) -> String {
        if element.tag == "input" {
            let type = (element.attribute("type") ?? "").lowercased()
            guard ["submit", "button", "reset"].contains(type) else { return "" }
            return snippet(element.attribute("value") ?? (type == "submit" ? "Submit" : (type == "reset" ? "Reset" : "")))
        }
        var text = ""
        for child in element.children {
            if case .text(let value, _, _) = child { text += value }
        }
        return snippet(text)
    }

    /// The text with whitespace runs collapsed, cut to about 40 characters for a message.
    static func snippet(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var count = 0
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.isASCII ? (scalar == " " || ("\t"..."\r").contains(scalar)) : scalar.properties.isWhitespace {
                pendingSpace = count > 0
                continue
            }
            if pendingSpace {
                result.append(" ")
                count += 1
                pendingSpace = false
            }
            if count >= 39 {
                result.append("…")
                return String(result)
            }
            result.append(scalar)
            count += 1
        }
        return String(result)
    }

    static func describe(_ element: HTMLElement, kind: InteractiveKind) -> String {
        let label = element.attribute("aria-label") ?? (kind == .field ? nil : snippet(element.textContent))
            ?? element.attribute("value") ?? element.attribute("placeholder") ?? element.attribute("name") ?? element.attribute("id")
        let quoted = label.map { $0.isEmpty ? "" : " '\(snippet($0))'" } ?? ""
        switch kind {
        case .link: return "link" + quoted
        case .button: return "button" + quoted
        case .field:
            switch element.tag {
            case "select": return "select box" + quoted
            case "textarea": return "text area" + quoted
            default: return "text field" + quoted
            }
        case .other: return "<\(element.tag)>" + quoted
        }
    }
}
