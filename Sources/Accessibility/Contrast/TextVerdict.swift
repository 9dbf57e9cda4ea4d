/// The outcome of checking one text colour pair in one scenario.
struct TextVerdict: Hashable, Sendable {
    enum Kind: Hashable, Sendable { case pass, fail, review, hidden }

    var kind: Kind
    var foreground: RGBA?
    var background: RGBA?
    var ratio: Double?
    var apca: Double?
    var required: Double = WCAGContrast.normalText
    var large: Tri = .no
    var fontSize = PixelRange(exactly: 16)
    var fontWeight: Int?
    var problem: Undecidable?
    var foregroundSource: SourceReference?
    var backgroundSource: SourceReference?
    var backgroundOwner: String?
    /// Why a failure was softened to "needs review".
    var note: String?

    static let hidden = TextVerdict(kind: .hidden)

    /// What must match for two scenarios to be reported as one.
    struct GroupingKey: Hashable {
        var kind: Kind
        var foreground: RGBA?
        var background: RGBA?
        var required: Double
        var problem: String?
        var note: String?
        var condition: String?
    }

    var groupingKey: GroupingKey {
        GroupingKey(kind: kind, foreground: foreground, background: background, required: required, problem: problem?.reason, note: note)
    }
}
