import Core
import Foundation

/// Gives a callout's parsed body the shape its component needs (see `Node.CalloutKind`),
/// reporting each line that does not fit with a hint.
struct CalloutShaper {
    let source: MarkdownSource
    /// The fence line, for problems with the block as a whole.
    let fence: SourceRange
    let kind: Node.CalloutKind
    private(set) var diagnostics: [Diagnostic] = []
    /// True once the body could not be shaped; the caller then keeps it as an inset.
    private(set) var failed = false

    init(source: MarkdownSource, fence: SourceRange, kind: Node.CalloutKind) {
        self.source = source
        self.fence = fence
        self.kind = kind
    }

    /// An error that leaves the body unshaped.
    mutating func problem(_ message: String, at range: SourceRange?, hint: String) {
        failed = true
        report(message, at: range, hint: hint)
    }

    /// An error that leaves the shape as it is (a missing or extra title).
    mutating func report(_ message: String, at range: SourceRange?, hint: String) {
        diagnostics.append(source.diagnostic(.error, message, at: range ?? fence, hint: hint))
    }

    mutating func shape(_ blocks: [Node]) -> [Node] {
        guard !blocks.isEmpty else {
            problem("this \(kind.rawValue) block is empty", at: fence,
                    hint: "Write its text between the fence lines, or remove the block.")
            return []
        }
        switch kind {
        case .inset, .details: return blocks
        case .warning: return warning(blocks)
        case .contact: return contact(blocks)
        case .summary: return summary(blocks)
        case .steps: return steps(blocks)
        case .documents: return documents(blocks)
        }
    }

    // MARK: - warning

    private mutating func warning(_ blocks: [Node]) -> [Node] {
        if case .paragraph = blocks[0].kind, blocks.count == 1 { return blocks }
        let culprit = blocks.first { if case .paragraph = $0.kind { false } else { true } } ?? blocks[1]
        problem("a warning is one short paragraph", at: culprit.range,
                hint: "Keep the warning to a sentence or two, such as \"Call 999 if you are in danger now.\"; put more detail below it or in an inset.")
        return blocks
    }

    // MARK: - contact

    private mutating func contact(_ blocks: [Node]) -> [Node] {
        var rows: [(key: Node, value: [Node])] = []
        for block in blocks {
            guard case .paragraph = block.kind else {
                problem("a contact block holds lines like `Phone: 101`", at: block.range,
                        hint: "Write one `Label: value` line for each way to get in touch; leave lists, headings and quotes out.")
                continue
            }
            for line in Self.lines(block.children) {
                if let (key, value) = Self.labelled(line) {
                    rows.append((key, value))
                } else if !rows.isEmpty {
                    // A line without a label continues the one above (an address over several lines).
                    let last = rows.count - 1
                    rows[last].value += (rows[last].value.isEmpty ? [] : [Node(.lineBreak)]) + line
                } else {
                    problem("start each line of a contact block with a label, such as `Phone:`",
                            at: line.first(where: { $0.range != nil })?.range ?? block.range,
                            hint: "For example `Phone: 101` or `Online: [report a crime online](https://www.cambs.police.uk/report)`.")
                }
            }
        }
        var items: [Node] = []
        for (key, value) in rows {
            if value.isEmpty {
                problem("`\(key.plainText):` has no value", at: key.range,
                        hint: "Write the number, address or link after the colon, or on the lines below it.")
            }
            let valueNode = Node(.paragraph, children: value, range: Self.span(value))
            items.append(Node(.item, children: [key, valueNode], range: Self.span([key] + value)))
        }
        return items
    }

    /// `Label: value` at the start of a line: the label as a key paragraph and the value's nodes.
    private static func labelled(_ line: [Node]) -> (Node, [Node])? {
        guard let first = line.first, case .text(let text) = first.kind,
              let colon = text.firstIndex(of: ":") else { return nil }
        let label = text[..<colon]
        let after = text[text.index(after: colon)...]
        guard let initial = label.first, initial.isLetter, label.count <= 40,
              label.allSatisfy({ $0.isLetter || $0.isNumber || " '’()/&.-".contains($0) }),
              after.isEmpty || after.first == " " || after.first == "\t" else { return nil }
        let labelRange = first.range.map {
            SourceRange(startLine: $0.startLine, startColumn: $0.startColumn, endLine: $0.startLine,
                        endColumn: $0.startColumn + label.unicodeScalars.count - 1)
        }
        let key = Node(.paragraph, children: [Node(.text(String(label)), range: labelRange)], range: labelRange)
        var value = Array(line.dropFirst())
        let rest = after.trimmingSpaces()
        if !rest.isEmpty {
            var restNode = first
            restNode.kind = .text(String(rest))
            if var range = first.range {
                range.startColumn += text.unicodeScalars.count - after.drop(while: { $0 == " " || $0 == "\t" }).unicodeScalars.count
                restNode.range = range
            }
            value.insert(restNode, at: 0)
        }
        return (key, value)
    }

    // MARK: - summary

    private mutating func summary(_ blocks: [Node]) -> [Node] {
        guard blocks.count == 1, case .list = blocks[0].kind else {
            let culprit = blocks.first { if case .list = $0.kind { false } else { true } } ?? blocks[1]
            problem("a summary block is one list of `**Key**: value` items", at: culprit.range,
                    hint: "Write each row as a list item, such as `- **Status**: Approved`.")
            return blocks
        }
        var rows: [Node] = []
        for item in blocks[0].children {
            guard let paragraph = item.children.first, case .paragraph = paragraph.kind,
                  let strong = paragraph.children.first, case .strong = strong.kind else {
                problem("start each item of a summary with a bold key, such as `- **Status**: Approved`", at: item.range,
                        hint: "The bold words become the key; the rest of the item is the value.")
                continue
            }
            var key = strong.children
            var value = Array(paragraph.children.dropFirst())
            if let first = value.first, case .text(let text) = first.kind, text.hasPrefix(":") {
                value = Self.droppingPrefix(value, count: 1)
            } else if let last = key.last, case .text(let text) = last.kind, text.hasSuffix(":") {
                key[key.count - 1].kind = .text(String(text.dropLast()))
            } else {
                problem("put a colon after the key: `**\(strong.plainText)**: value`", at: strong.range,
                        hint: "The colon separates the key from its value.")
                continue
            }
            value = Self.trimmingLeadingSpaces(value)
            let blocksAfter = Array(item.children.dropFirst())
            if value.isEmpty && blocksAfter.isEmpty {
                problem("`\(strong.plainText)` has no value", at: strong.range,
                        hint: "Write the value after the colon, such as `- **Status**: Approved`.")
            }
            var children = [Node(.paragraph, children: key, range: strong.range)]
            if !value.isEmpty { children.append(Node(.paragraph, children: value, range: Self.span(value))) }
            rows.append(Node(.item, children: children + blocksAfter, range: item.range))
        }
        return rows
    }

    // MARK: - steps

    private mutating func steps(_ blocks: [Node]) -> [Node] {
        guard case .heading(let level, _) = blocks[0].kind else {
            problem("start a steps block with the first step's heading, such as `## Check you are safe`", at: blocks[0].range,
                    hint: "Each `##` heading starts a numbered step; the text under it belongs to that step.")
            return blocks
        }
        if level == 1 {
            problem("a step heading cannot be a level 1 heading", at: blocks[0].range,
                    hint: "Use `##` (or a smaller heading): the page title is the page's only level 1 heading.")
        }
        var steps: [[Node]] = []
        for block in blocks {
            if case .heading(let found, _) = block.kind, found <= level {
                if found < level {
                    problem("this heading is bigger than the step headings above it", at: block.range,
                            hint: "Use `\(String(repeating: "#", count: level))` for every step, and smaller headings inside a step.")
                }
                steps.append([block])
            } else {
                steps[steps.count - 1].append(block)
            }
        }
        return steps.map { Node(.item, children: $0, range: Self.span($0)) }
    }

    // MARK: - documents

    private static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                                 "October", "November", "December"]

    private mutating func documents(_ blocks: [Node]) -> [Node] {
        let hint = "Write each document as a list item, such as `- [Annual report 2023](annual-report-2023.pdf) — 12 March 2023` (the date is optional)."
        guard blocks.count == 1, case .list = blocks[0].kind else {
            let culprit = blocks.first { if case .list = $0.kind { false } else { true } } ?? blocks[1]
            problem("a documents block is one list of links to documents", at: culprit.range, hint: hint)
            return blocks
        }
        var items: [Node] = []
        for item in blocks[0].children {
            guard item.children.count == 1, let paragraph = item.children.first, case .paragraph = paragraph.kind,
                  let link = paragraph.children.first, case .link = link.kind else {
                problem("each item of a documents block is one link to a document", at: item.range, hint: hint)
                continue
            }
            let rest = Array(paragraph.children.dropFirst())
            var children = [Node(.paragraph, children: [link], range: link.range)]
            if !rest.isEmpty {
                guard rest.allSatisfy({ if case .text = $0.kind { true } else { false } }) else {
                    problem("only a date may follow the link in a documents block", at: rest.first?.range ?? item.range, hint: hint)
                    continue
                }
                let text = Node(.paragraph, children: rest).plainText.trimmingCharacters(in: .whitespaces)
                guard let dash = text.first, "—–-".contains(dash) else {
                    problem("only a date may follow the link in a documents block", at: rest.first?.range ?? item.range, hint: hint)
                    continue
                }
                let date = String(text.dropFirst()).trimmingCharacters(in: .whitespaces)
                guard Self.isDisplayDate(date) else {
                    problem("write the date as `12 March 2023`", at: rest.first?.range ?? item.range,
                            hint: "Give the day, the month in words and the year, after a dash: ` — 12 March 2023`.")
                    continue
                }
                var range = Self.span(rest)
                if var found = range, found.startLine == found.endLine {
                    // The date alone, without the dash and spaces before it.
                    let written = Node(.paragraph, children: rest).plainText
                    found.startColumn += written.unicodeScalars.count - written.drop(while: { $0 != dash }).dropFirst()
                        .drop(while: { $0 == " " || $0 == "\t" }).unicodeScalars.count
                    range = found
                }
                children.append(Node(.paragraph, children: [Node(.text(date), range: range)], range: range))
            }
            items.append(Node(.item, children: children, range: item.range))
        }
        return items
    }

    /// `12 March 2023`: a day that month has, the month in words, a four-digit year.
    static func isDisplayDate(_ text: String) -> Bool {
        let parts = text.split(separator: " ")
        guard parts.count == 3, let day = Int(parts[0]), parts[0].count <= 2, let month = months.firstIndex(of: String(parts[1])),
              parts[2].count == 4, let year = Int(parts[2]) else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return (1...lengths[month]).contains(day)
    }

    // MARK: - Inline helpers

    /// A paragraph's inlines cut at its line breaks.
    static func lines(_ inlines: [Node]) -> [[Node]] {
        var lines: [[Node]] = [[]]
        for node in inlines {
            switch node.kind {
            case .softBreak, .lineBreak: lines.append([])
            default: lines[lines.count - 1].append(node)
            }
        }
        return lines.filter { !$0.isEmpty }
    }

    /// From the first positioned node's start to the last one's end.
    static func span(_ nodes: [Node]) -> SourceRange? {
        guard let first = nodes.first(where: { $0.range != nil })?.range,
              let last = nodes.last(where: { $0.range != nil })?.range else { return nil }
        return SourceRange(startLine: first.startLine, startColumn: first.startColumn, endLine: last.endLine, endColumn: last.endColumn)
    }

    /// Drops `count` characters from the start of the first text node (and the node, if emptied).
    private static func droppingPrefix(_ nodes: [Node], count: Int) -> [Node] {
        guard var first = nodes.first, case .text(let text) = first.kind else { return nodes }
        let rest = String(text.dropFirst(count))
        if rest.isEmpty { return Array(nodes.dropFirst()) }
        first.kind = .text(rest)
        first.range?.startColumn += text.unicodeScalars.count - rest.unicodeScalars.count
        return [first] + nodes.dropFirst()
    }

    private static func trimmingLeadingSpaces(_ nodes: [Node]) -> [Node] {
        guard let first = nodes.first, case .text(let text) = first.kind else { return nodes }
        return droppingPrefix(nodes, count: text.prefix { $0 == " " || $0 == "\t" }.count)
    }
}
