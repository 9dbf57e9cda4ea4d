import Core
import Foundation
@testable import Accessibility

/// The HTML page checks: any bytes are parsed with gumbo and checked by every page rule and the
/// colour contrast check, as `herald check --html` does. Invariants: no crash, every finding
/// points at the page, and a page too deep to check is reported, not walked.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPageChecks(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let input = FuzzInput(data, count)
    let linter = Linter()
    let result = linter.lintPage(html: input.text, file: "page.html")
    for finding in result.findings {
        guard let location = finding.diagnostic.location else { continue }
        if location.file != "page.html" || location.line < 1 || location.column < 1 { fuzzFailure("finding at \(location): \(finding.diagnostic.message)") }
    }
    _ = linter.lintSite([result, result])
    return 0
}
