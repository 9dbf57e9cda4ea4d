/// Reads a viewport meta tag's content for settings that stop people zooming.
enum Viewport {
    /// Why the viewport blocks zoom, or nil when it does not.
    static func zoomProblem(_ content: String) -> String? {
        var settings: [String: String] = [:]
        for part in content.split(whereSeparator: { $0 == "," || $0 == ";" }) {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingWhitespace.lowercased() }
            guard pair.count == 2 else { continue }
            settings[pair[0]] = pair[1]
        }
        if let scalable = settings["user-scalable"] {
            if scalable == "no" || (Double(scalable).map { abs($0) < 1 } ?? false) {
                return "The viewport sets user-scalable=\(scalable), which stops people zooming in."
            }
        }
        if let maximum = settings["maximum-scale"], let value = Double(maximum), value >= 0, value < 2 {
            return "The viewport sets maximum-scale=\(maximum); people must be able to zoom to at least 200%."
        }
        return nil
    }
}

extension Substring {
    var trimmingWhitespace: String { String(self).trimmingWhitespace }
}
