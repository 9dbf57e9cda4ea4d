/// A selector of the index that matches (or may match) an element.
struct MatchedRule: Sendable {
    var rule: Int
    var specificity: Specificity
    var order: Int
    var selectorMatch: Tri
    var undecidedNote: String?
}

/// Where a declaration stands in the cascade (CSS Cascade 5 §6): importance and origin, then
/// layer, then specificity, then source order.
struct CascadePriority: Comparable {
    var importance: Int
    var origin: Int
    var layer: Int
    var specificity: Specificity
    var order: Int

    static func < (a: CascadePriority, b: CascadePriority) -> Bool {
        if a.importance != b.importance { return a.importance < b.importance }
        if a.origin != b.origin { return a.origin < b.origin }
        if a.layer != b.layer { return a.layer < b.layer }
        if a.specificity != b.specificity { return a.specificity < b.specificity }
        return a.order < b.order
    }

    init(origin: RuleIndex.Origin, important: Bool, layerRank: Int, layerCount: Int, specificity: Specificity, order: Int) {
        importance = important ? 1 : 0
        if important {
            // Important declarations reverse the origins and the layers.
            self.origin = switch origin {
            case .author: 0
            case .inline: 1
            case .userAgent: 2
            }
            layer = origin == .author ? layerCount - 1 - layerRank : 0
        } else {
            self.origin = origin.rawValue
            layer = origin == .author ? layerRank : 0
        }
        self.specificity = specificity
        self.order = order
    }
}
