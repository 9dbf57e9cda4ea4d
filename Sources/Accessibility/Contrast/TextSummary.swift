/// The verdicts for one element's text in every scenario, grouped for reporting, with the
/// diagnostics ready but for the text itself.
struct TextSummary {
    struct Entry {
        var scheme: ColourScheme
        var state: InteractionState
        var conditional: Bool
        var verdict: TextVerdict
    }

    var entries: [Entry] = []
    var templates: [ContrastMessages.TextTemplate] = []
    /// Scenarios checked, hidden ones excluded.
    var checkedCount = 0
}
