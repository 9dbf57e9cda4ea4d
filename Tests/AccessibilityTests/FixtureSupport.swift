import Core
import Foundation
@testable import Accessibility

/// Reads the page fixtures copied into the test bundle.
enum Fixtures {
    static let root = Bundle.module.resourceURL!.appendingPathComponent("Fixtures")

    static func path(_ name: String) -> String { root.appendingPathComponent(name).path }

    static func text(_ name: String) throws -> String { try String(contentsOfFile: path(name), encoding: .utf8) }

    static func names(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)
            .filter { $0.hasSuffix(".html") }.sorted()
    }
}

/// A finding reduced to what the fixture tests pin down.
struct Spot: Hashable, CustomStringConvertible {
    var rule: String
    var line: Int
    var column: Int

    init(_ rule: String, _ line: Int, _ column: Int) {
        self.rule = rule
        self.line = line
        self.column = column
    }

    init(_ finding: Finding) {
        self.init(finding.ruleID, finding.location?.line ?? 0, finding.location?.column ?? 0)
    }

    var description: String { "\(rule)@\(line):\(column)" }
}

extension Array where Element == Finding {
    var spots: [Spot] { map(Spot.init) }
}
