/// What a walk over (part of) a page found: the element-by-element findings, and the events the
/// whole-page rules need, in document order. A chrome block's record can be kept and replayed
/// on every page that repeats the block.
struct PageRecord: Sendable {
    enum Event: Sendable, Hashable {
        case heading(level: Int, ElementRef)
        case id(String, ElementRef)
        case main(ElementRef)
        case link(name: String?, href: String, ElementRef)
        case title(String, ElementRef)
    }

    var events: [Event] = []
    var findings: [PendingFinding] = []

    mutating func append(_ other: PageRecord) {
        events += other.events
        findings += other.findings
    }

    func moved(from old: (line: Int, column: Int), to new: (line: Int, column: Int)) -> PageRecord {
        guard old != new else { return self }
        var copy = PageRecord()
        copy.findings = findings.map { finding in
            var moved = finding
            moved.ref = finding.ref.moved(from: old, to: new)
            return moved
        }
        copy.events = events.map { event in
            switch event {
            case .heading(let level, let ref): .heading(level: level, ref.moved(from: old, to: new))
            case .id(let id, let ref): .id(id, ref.moved(from: old, to: new))
            case .main(let ref): .main(ref.moved(from: old, to: new))
            case .link(let name, let href, let ref): .link(name: name, href: href, ref.moved(from: old, to: new))
            case .title(let text, let ref): .title(text, ref.moved(from: old, to: new))
            }
        }
        return copy
    }
}
