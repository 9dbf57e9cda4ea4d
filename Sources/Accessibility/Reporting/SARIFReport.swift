import Core
import Foundation

/// `--format sarif`: a SARIF 2.1.0 log with every rule in `tool.driver.rules` and a result per
/// finding; silenced findings carry an in-source suppression with the page's reason.
struct SARIFReport {
    struct Log: Encodable {
        var schema = "https://json.schemastore.org/sarif-2.1.0.json"
        var version = "2.1.0"
        var runs: [Run]

        enum CodingKeys: String, CodingKey {
            case schema = "$schema", version, runs
        }
    }

    struct Run: Encodable {
        var tool: Tool
        var results: [Result]
    }

    struct Tool: Encodable {
        var driver: Driver
    }

    struct Driver: Encodable {
        var name = "Herald"
        var informationUri = "https://www.w3.org/TR/WCAG22/"
        var rules: [ReportingDescriptor]
    }

    struct Message: Encodable {
        var text: String
    }

    struct ReportingDescriptor: Encodable {
        var id: String
        var name: String
        var shortDescription: Message
        var fullDescription: Message
        var help: Message
        var helpUri: String?
        var defaultConfiguration: Configuration
        var properties: Properties
    }

    struct Configuration: Encodable {
        var level: String
    }

    struct Properties: Encodable {
        var tags: [String]
        var wcag: [String]
        var axeRule: String?
    }

    struct Result: Encodable {
        var ruleId: String?
        var ruleIndex: Int?
        var level: String
        var message: Message
        var locations: [Location]
        var suppressions: [Suppression]?
    }

    struct Location: Encodable {
        var physicalLocation: PhysicalLocation
    }

    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region
    }

    struct ArtifactLocation: Encodable {
        var uri: String
    }

    struct Region: Encodable {
        var startLine: Int
        var startColumn: Int
    }

    struct Suppression: Encodable {
        var kind = "inSource"
        var justification: String
    }

    func render(_ report: LintReport) -> String {
        let rules = report.registry.rules
        var index: [String: Int] = [:]
        for (position, rule) in rules.enumerated() { index[rule.id] = position }
        let descriptors = rules.map { rule in
            ReportingDescriptor(
                id: rule.id, name: Self.camelCase(rule.id), shortDescription: Message(text: rule.summary),
                fullDescription: Message(text: rule.summary), help: Message(text: rule.hint),
                helpUri: rule.criteria.first.flatMap(WCAG.criterion)?.url,
                defaultConfiguration: Configuration(level: Self.level(rule.severity)),
                properties: Properties(
                    tags: ["accessibility"] + rule.criteria.map { "wcag" + $0.replacingAll(".", "") },
                    wcag: rule.criteria, axeRule: rule.axeRule))
        }
        let results = report.findings.map { finding in
            let location = finding.location ?? SourceLocation(file: "", line: 1, column: 1)
            var text = finding.message
            if let hint = finding.diagnostic.hint { text += " " + hint }
            return Result(
                ruleId: finding.ruleID.isEmpty ? nil : finding.ruleID, ruleIndex: index[finding.ruleID],
                level: Self.level(finding.severity), message: Message(text: text),
                locations: [Location(physicalLocation: PhysicalLocation(
                    artifactLocation: ArtifactLocation(uri: Self.uri(location.file)),
                    region: Region(startLine: max(1, location.line), startColumn: max(1, location.column))))],
                suppressions: finding.silencedBecause.map { [Suppression(justification: $0)] })
        }
        let log = Log(runs: [Run(tool: Tool(driver: Driver(rules: descriptors)), results: results)])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(log)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .advice: "note"
        }
    }

    /// A relative path as a URI reference: each segment percent-encoded.
    static func uri(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ":")
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }

    static func camelCase(_ id: String) -> String {
        id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}
