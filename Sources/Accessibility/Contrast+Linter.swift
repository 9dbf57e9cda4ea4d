/// The colour-contrast group (Contrast/) as one of the linter's page checks.
extension ContrastChecker: PageCheck {}

enum ContrastSupport {
    /// A contrast check over the given stylesheets (with none, pages are still checked against
    /// the browser's default styles and their own `<style>` elements).
    static func makeCheck(stylesheets: [(path: String, text: String)]) -> any PageCheck {
        ContrastChecker(stylesheets: stylesheets)
    }
}
