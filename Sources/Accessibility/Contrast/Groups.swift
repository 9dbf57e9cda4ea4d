/// Verdicts grouped by what they say, keeping the scenarios each applies to, in first-seen order.
struct Groups<Verdict, Key: Hashable> {
    private(set) var keys: [Key] = []
    private var entries: [Key: (Verdict, [ContrastMessages.Scenario])] = [:]

    mutating func add(_ verdict: Verdict, key: Key, scenario: ContrastMessages.Scenario) {
        if entries[key] == nil {
            keys.append(key)
            entries[key] = (verdict, [scenario])
        } else {
            entries[key]!.1.append(scenario)
        }
    }

    var items: [(Verdict, [ContrastMessages.Scenario])] { keys.map { entries[$0]! } }
}
