import Core

/// One text verdict as the walk met it.
struct TracedVerdict {
    var text: String
    var scheme: ColourScheme
    var state: InteractionState
    var conditional: Bool
    var verdict: TextVerdict
}

/// What the contrast check found on a page: its diagnostics and the numbers a build report needs.
public struct ContrastReport: Sendable {
    /// How much a report keeps beside its findings and counts.
    enum Detail {
        /// The findings and counts only: what a build needs. Keeping the distinct colour pairs
        /// was a tenth of the contrast check, for a list the build never read.
        case findings
        /// The distinct colour pairs too (`pairs`, `worst`).
        case pairs
        /// Every verdict as well, in walk order (`trace`).
        case trace
    }

    public var diagnostics: [Diagnostic]
    /// Elements with text of their own that were checked.
    public var textElementsChecked: Int
    /// (element, colour scheme, state) combinations checked, hidden ones excluded.
    public var pairsChecked: Int
    /// Distinct colour pairs, in the order first met.
    public var pairs: [ContrastPair]
    public var failures: Int
    public var needsReview: Int
    /// Stylesheet features the check did not follow (an `@import`, say).
    public var notes: [String]
    /// Every verdict, in walk order, when asked for (tests and debugging).
    var trace: [TracedVerdict]?

    public init() {
        diagnostics = []
        textElementsChecked = 0
        pairsChecked = 0
        pairs = []
        failures = 0
        needsReview = 0
        notes = []
    }

    /// The pair with the lowest ratio.
    public var worst: ContrastPair? { pairs.min { $0.ratio < $1.ratio } }
    public var worstRatio: Double? { worst?.ratio }

    /// Adds another page's report, for a site-wide summary. Pairs seen on both are counted once.
    public mutating func merge(_ other: ContrastReport) {
        diagnostics += other.diagnostics
        textElementsChecked += other.textElementsChecked
        pairsChecked += other.pairsChecked
        failures += other.failures
        needsReview += other.needsReview
        for note in other.notes where !notes.contains(note) { notes.append(note) }
        var positions: [ContrastPair.Key: Int] = [:]
        for (position, pair) in pairs.enumerated() { positions[pair.key] = position }
        for pair in other.pairs {
            if let position = positions[pair.key] {
                pairs[position].occurrences += pair.occurrences
            } else {
                positions[pair.key] = pairs.count
                pairs.append(pair)
            }
        }
    }

    mutating func record(_ verdict: TextVerdict, scheme: ColourScheme, state: InteractionState, text: () -> String,
                         location: SourceLocation, positions: inout [PairKey: Int]) {
        guard let foreground = verdict.foreground, let background = verdict.background, let ratio = verdict.ratio else { return }
        let key = PairKey(foreground: foreground, background: background, required: verdict.required, scheme: scheme, state: state)
        if let position = positions[key] {
            pairs[position].occurrences += 1
            return
        }
        positions[key] = pairs.count
        pairs.append(ContrastPair(
            foreground: foreground.hex, background: background.hex, ratio: ratio, apca: verdict.apca ?? 0,
            required: verdict.required, scheme: scheme, state: state, sampleText: text(), location: location, occurrences: 1))
    }
}
