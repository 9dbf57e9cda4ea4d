/// A non-text check (focus indicator, control boundary, link told apart by colour).
struct NonTextVerdict: Hashable, Sendable {
    enum Kind: Hashable, Sendable { case pass, fail, review, notApplicable }

    var kind: Kind
    /// "focus outline", "border", "link colour".
    var part: String = ""
    var colour: RGBA?
    var against: RGBA?
    var ratio: Double?
    var problem: Undecidable?
    var source: SourceReference?
    var detail: String?

    static let notApplicable = NonTextVerdict(kind: .notApplicable)

    struct GroupingKey: Hashable {
        var kind: Kind
        var part: String
        var colour: RGBA?
        var against: RGBA?
        var problem: String?
        var detail: String?
    }

    var groupingKey: GroupingKey {
        GroupingKey(kind: kind, part: part, colour: colour, against: against, problem: problem?.reason, detail: detail)
    }
}
